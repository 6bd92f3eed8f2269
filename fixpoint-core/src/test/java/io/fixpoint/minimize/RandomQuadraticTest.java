package io.fixpoint.minimize;

import io.fixpoint.catalog.Catalog;
import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

/** Random SPD quadratics ½xᵀAx − bᵀx + c: the minimisers reach the solution of Ax = b that EJML computes. */
class RandomQuadraticTest {

    @Property(tries = 100, seed = "20261123")
    void curvatureMethodsReachTheExactMinimiser(@ForAll @IntRange(min = 1, max = 12) int n,
            @ForAll @DoubleRange(min = 0, max = 3) double logCondition, @ForAll long seed,
            @ForAll @IntRange(min = 0, max = 4) int method) {
        String name = new String[] {"lbfgs", "bfgs", "cg-pr", "cg-hz", "nesterov"}[method];
        TestObjectives.Quadratic q = TestObjectives.randomQuadratic(n, Math.pow(10, logCondition), seed);
        Solution s = Driver.builder().tolerance(1e-8).maxIterations(20_000).build().solve(Catalog.builtIn().minimizer(name).create(), q, new double[n]);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        // The smallest eigenvalue is 1, so ‖x − x*‖ ≤ ‖∇f(x)‖ ≤ 1e-8, up to EJML's own rounding.
        assertThat(Vectors.distance(s.x(), q.minimiser())).as(s.toString()).isLessThanOrEqualTo(2e-8);
    }
}
