package io.fixpoint.bench.suite;

import io.fixpoint.bench.suite.mgh.BroydenTridiagonal;
import io.fixpoint.bench.suite.mgh.DiscreteBoundaryValue;
import io.fixpoint.bench.suite.mgh.ExtendedPowell;
import io.fixpoint.bench.suite.mgh.ExtendedRosenbrock;
import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.bench.suite.mgh.Penalty1;
import io.fixpoint.bench.suite.mgh.StructuredSumOfSquares;
import io.fixpoint.bench.suite.mgh.SumOfSquares;
import io.fixpoint.bench.suite.mgh.Trigonometric;
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

    /** The condition number of the convex quadratic of the large-scale suite. */
    public static final double QUADRATIC_CONDITION = 1e4;
    private static final String LARGE = "large";

    /**
     * The variable-dimension problems of the large-scale suite: the MGH ones through their O(n)
     * products (extended Rosenbrock, extended Powell, Broyden tridiagonal, discrete boundary value,
     * penalty I, trigonometric) and a convex quadratic with condition number {@value #QUADRATIC_CONDITION}
     * (seed 1), each from its standard start (x = 0 for the quadratic).
     */
    public static List<ScalableProblem> scalable() {
        return List.of(
            structured("extended-rosenbrock", 2, 2, ExtendedRosenbrock::new, 0, "MGH (21); f* = 0 at (1, …, 1)"),
            structured("extended-powell", 4, 4, ExtendedPowell::new, 0, "MGH (22); f* = 0 at the origin"),
            structured("broyden-tridiagonal", 1, 1, BroydenTridiagonal::new, 0, "MGH (30); f* = 0"),
            structured("discrete-boundary-value", 1, 1, DiscreteBoundaryValue::new, 0, "MGH (28); f* = 0"),
            new ScalableProblem("penalty-1", 1, 1, n -> {
                Penalty1 f = new Penalty1(n);
                return new TestProblem(f.name(), LARGE, f.asStructuredObjective(), f.start(), Penalty1.minimum(n),
                    "MGH (23); f* at equal coordinates, the root of 4nt³ + (2a − 1)t − 2a");
            }),
            structured("trigonometric", 1, 1, Trigonometric::new, 0, "MGH (26); f* = 0 at the origin (methods often stop at a local minimum)"),
            new ScalableProblem("convex-quadratic", 2, 1, n -> new TestProblem("convex-quadratic", LARGE,
                new ConvexQuadratic(n, QUADRATIC_CONDITION, 1), new double[n], 0,
                "½(x − x*)ᵀHDH(x − x*), condition 1e4, seed 1; f* = 0 at x*")));
    }

    /** The scalable problem called {@code name} at dimension {@code n}; an {@link IllegalArgumentException} naming the known ones otherwise. */
    public static TestProblem problem(String name, int n) {
        for (ScalableProblem p : scalable()) {
            if (p.name().equals(name)) {
                return p.at(n);
            }
        }
        throw new IllegalArgumentException("problem '" + name + "' has no dimension parameter; --n applies to: "
            + scalable().stream().map(ScalableProblem::name).collect(Collectors.joining(", ")));
    }

    private static ScalableProblem structured(String name, int smallest, int step, java.util.function.IntFunction<StructuredSumOfSquares> make,
            double minimum, String reference) {
        return new ScalableProblem(name, smallest, step, n -> {
            StructuredSumOfSquares f = make.apply(n);
            return new TestProblem(f.name(), LARGE, f.asStructuredObjective(), f.start(), minimum, reference);
        });
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
