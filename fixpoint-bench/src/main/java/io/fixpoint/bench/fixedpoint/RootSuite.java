package io.fixpoint.bench.fixedpoint;

import io.fixpoint.bench.suite.mgh.BroydenBanded;
import io.fixpoint.bench.suite.mgh.BroydenTridiagonal;
import io.fixpoint.bench.suite.mgh.BrownAlmostLinear;
import io.fixpoint.bench.suite.mgh.Chebyquad;
import io.fixpoint.bench.suite.mgh.DiscreteBoundaryValue;
import io.fixpoint.bench.suite.mgh.DiscreteIntegralEquation;
import io.fixpoint.bench.suite.mgh.ExtendedPowell;
import io.fixpoint.bench.suite.mgh.ExtendedRosenbrock;
import io.fixpoint.bench.suite.mgh.FreudensteinRoth;
import io.fixpoint.bench.suite.mgh.HelicalValley;
import io.fixpoint.bench.suite.mgh.LinearFullRank;
import io.fixpoint.bench.suite.mgh.PowellBadlyScaled;
import io.fixpoint.bench.suite.mgh.PowellSingular;
import io.fixpoint.bench.suite.mgh.Rosenbrock;
import io.fixpoint.bench.suite.mgh.SumOfSquares;
import io.fixpoint.bench.suite.mgh.Trigonometric;
import io.fixpoint.problem.RootProblem;
import java.util.List;

/** The square Moré–Garbow–Hillstrom functions (m = n) as systems r(x) = 0, from their standard starts. */
public final class RootSuite {
    private RootSuite() {
    }

    public static List<RootCase> mghSystems() {
        return List.of(of(new Rosenbrock()), of(new PowellSingular()), of(new PowellBadlyScaled()), of(new FreudensteinRoth()),
                of(new HelicalValley()), of(new Trigonometric(10)), of(new BrownAlmostLinear(10)), of(new DiscreteBoundaryValue(10)),
                of(new DiscreteIntegralEquation(10)), of(new BroydenTridiagonal(10)), of(new BroydenBanded(10)), of(new Chebyquad(5)),
                of(new ExtendedRosenbrock(10)), of(new ExtendedPowell(8)), of(new LinearFullRank(10, 10)));
    }

    static RootCase of(SumOfSquares s) {
        if (s.m() != s.n()) {
            throw new IllegalArgumentException(s + " is not square");
        }
        return new RootCase(s.name(), RootProblem.of(s.n(), s::residuals, s::jacobian), s.start());
    }
}
