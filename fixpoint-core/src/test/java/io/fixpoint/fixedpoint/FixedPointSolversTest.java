package io.fixpoint.fixedpoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FixedPointSolversTest {
    static final Driver TIGHT = Driver.builder().tolerance(1e-13).maxIterations(5000).build();

    static <S extends IterationState> Solution solve(Solver<FixedPointMap, S> solver, FixedPointMap map, double... x0) {
        return TIGHT.solve(solver, map, x0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"picard", "km", "halpern-restart", "anderson", "newton-krylov"})
    void everyMethodFindsTheFixedPointOfCos(String name) {
        Solution s = solve(FixedPointSolvers.byName(name), Maps.cos(), 1.0);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(Maps.DOTTIE, within(1e-12));
        assertThat(s.optimality()).isLessThanOrEqualTo(1e-13);
        assertThat(s.details()).containsKey("residual");
    }

    @Test
    void andersonNeedsFewerMapEvaluationsThanPicardOnCos() {
        Solution picard = solve(new Picard(), Maps.cos(), 1.0);
        Solution anderson = solve(new Anderson(), Maps.cos(), 1.0);
        assertThat(anderson.evaluations().get(Evaluation.MAP)).isLessThan(picard.evaluations().get(Evaluation.MAP) / 3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"picard", "km", "halpern", "halpern-restart", "anderson"})
    void shiftHasNoFixedPoint(String name) {
        Solution s = solve(FixedPointSolvers.byName(name), Maps.shift(), 1.0);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.NO_FIXED_POINT);
        double[] v = (double[]) s.details().get("displacement");
        assertThat(v[0]).isCloseTo(-1, within(1e-3));
    }

    @ParameterizedTest
    @ValueSource(strings = {"picard", "km", "halpern", "anderson"})
    void douglasRachfordOnDisjointDiscsHasNoFixedPoint(String name) {
        Solution s = solve(FixedPointSolvers.byName(name), Maps.disjointDiscs(), 0.5, -2.0);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.NO_FIXED_POINT);
        double[] v = (double[]) s.details().get("displacement");
        assertThat(Vectors.distance(v, Maps.discGap())).as(s.toString()).isLessThan(1e-3);
    }
}
