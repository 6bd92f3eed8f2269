package io.fixpoint.bench.fixedpoint;

import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.mgh.SumOfSquares;
import io.fixpoint.problem.RootProblem;
import java.util.List;

/** The square Moré–Garbow–Hillstrom systems r(x) = 0 of {@link Suites#equationSystems()}, from their standard starts. */
public final class RootSystems {
    private RootSystems() {
    }

    public static List<RootCase> mghSystems() {
        return Suites.equationSystems().stream().map(RootSystems::of).toList();
    }

    static RootCase of(SumOfSquares s) {
        if (s.m() != s.n()) {
            throw new IllegalArgumentException(s + " is not square");
        }
        return new RootCase(s.name(), RootProblem.of(s.n(), s::residuals, s::jacobian), s.start());
    }
}
