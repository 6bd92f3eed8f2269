package io.fixpoint.bench.suite;

import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.bench.suite.mgh.SumOfSquares;
import java.util.List;
import java.util.stream.Collectors;

/** The problem collections the bench runs, looked up by name. */
public final class Suites {
    private static final String MGH = "mgh";

    private Suites() {
    }

    /**
     * The Moré–Garbow–Hillstrom problems as minimisation problems, in the paper's order. Every call
     * builds fresh objectives: an objective view keeps workspaces, so give each thread its own list.
     */
    public static List<TestProblem> minimization() {
        return Mgh.problems().stream().map(Suites::toTestProblem).toList();
    }

    /** The problem called {@code name}; an {@link IllegalArgumentException} naming the known ones otherwise. */
    public static TestProblem problem(String name) {
        List<Mgh.Entry> entries = Mgh.problems();
        for (Mgh.Entry e : entries) {
            if (e.name().equals(name)) {
                return toTestProblem(e);
            }
        }
        throw new IllegalArgumentException("unknown problem '" + name + "'; known problems: "
            + entries.stream().map(Mgh.Entry::name).collect(Collectors.joining(", ")));
    }

    /** The square MGH systems r(x) = 0 (m = n) that have a root, for root finders. */
    public static List<SumOfSquares> equationSystems() {
        return Mgh.equationSystems();
    }

    private static TestProblem toTestProblem(Mgh.Entry e) {
        SumOfSquares f = e.function();
        return new TestProblem(f.name(), MGH, f.asObjective(), f.start(), e.knownMinimum(), e.reference());
    }
}
