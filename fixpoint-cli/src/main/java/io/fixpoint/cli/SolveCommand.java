package io.fixpoint.cli;

import io.fixpoint.bench.BenchFiles;
import io.fixpoint.bench.BenchResult;
import io.fixpoint.bench.BenchTable;
import io.fixpoint.bench.MinimizationBench;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.solve.Tolerances;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint solve}: one method on one test problem. */
@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Minimise a built-in test problem with one method.",
                "Exit code 0 when the solve converged, 1 when it did not, 2 for bad input."})
final class SolveCommand implements Callable<Integer> {
    /** Coordinates of x shown in the text summary before it is cut short. */
    private static final int SHOWN = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--problem", required = true, paramLabel = "NAME", description = "Test problem (see 'fixpoint list').")
    String problem;

    @Option(names = "--method", required = true, paramLabel = "NAME", description = "Method (see 'fixpoint list').")
    String method;

    @Option(names = "--n", paramLabel = "N",
            description = "Dimension of a variable-dimension problem (extended-rosenbrock, extended-powell, broyden-tridiagonal, "
                    + "discrete-boundary-value, penalty-1, trigonometric, convex-quadratic), up to 10^7. Default: its size in the MGH set. With --n a solve has no time limit.")
    Integer n;

    @Option(names = "--tol", paramLabel = "X",
            description = "Absolute tolerance on the gradient norm. Default: none, only --rtol.")
    Double tol;

    @Option(names = "--rtol", paramLabel = "X",
            description = "Tolerance on the gradient norm relative to its value at the start. Default: 1e-10, or 0 when --tol is given.")
    Double rtol;

    @Option(names = "--max-iter", paramLabel = "N",
            description = "Iteration limit. Default: " + MinimizationBench.FIRST_ORDER_ITERATIONS + " for first-order methods, "
                    + MinimizationBench.SECOND_ORDER_ITERATIONS + " for second-order ones.")
    Integer maxIter;

    @Option(names = "--start", paramLabel = "a,b,c", description = "Start point, comma-separated. Default: the problem's standard start.")
    String start;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the trace as CSV: " + "iteration,value,optimality,step,evaluations,seconds.")
    Path trace;

    @Override
    public Integer call() {
        TestProblem p = n == null ? Catalog.problem(problem) : Catalog.problem(problem, n);
        Catalog.method(method);
        checkTolerance("--tol", tol);
        checkTolerance("--rtol", rtol);
        double[] x0 = start == null ? p.start() : parsePoint(start, p);
        double absolute = tol == null ? 0 : tol;
        double relative = rtol != null ? rtol : (tol == null ? MinimizationBench.RELATIVE_TOLERANCE : 0);
        MinimizationBench.Builder settings = MinimizationBench.builder().tolerances(new Tolerances(absolute, relative, 0, 0));
        if (maxIter != null) {
            settings.maxIterations(maxIter);
        }
        if (n != null) {
            settings.timeLimit(null); // the per-solve limit of the MGH bench does not scale with n
        }
        BenchResult r = settings.build().run(p, method, x0);
        if (!r.applicable()) {
            throw new UserError("method '" + method + "' cannot run on problem '" + problem + "': " + r.message());
        }
        if (trace != null) {
            try {
                BenchFiles.writeTrace(r.trace(), trace);
            } catch (UncheckedIOException e) {
                throw new UserError(e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(Json.of(r)));
        } else {
            summary(r, p, out);
        }
        out.flush();
        if (BenchResult.ERROR.equals(r.status())) {
            spec.commandLine().getErr().println("error: " + method + " failed: " + r.message());
        }
        return r.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static void checkTolerance(String option, Double v) {
        if (v != null && !(v >= 0 && v < Double.POSITIVE_INFINITY)) {
            throw new UserError(option + " must be finite and ≥ 0, got " + v);
        }
    }

    /** A start point of the problem's dimension with finite entries, or a {@link UserError} that says what is wrong. */
    static double[] parsePoint(String text, TestProblem p) {
        String[] parts = text.split(",", -1);
        double[] x = new double[parts.length];
        for (int i = 0; i < parts.length; i++) {
            String s = parts[i].trim();
            try {
                x[i] = Double.parseDouble(s);
            } catch (NumberFormatException e) {
                throw new UserError("--start: entry " + i + " '" + s + "' is not a number");
            }
            if (!Double.isFinite(x[i])) {
                throw new UserError("--start: entry " + i + " is " + s + "; the start point must be finite");
            }
        }
        if (x.length != p.dimension()) {
            throw new UserError("--start has " + x.length + " entries but problem '" + p.name() + "' has dimension " + p.dimension());
        }
        return x;
    }

    private static void summary(BenchResult r, TestProblem p, PrintWriter out) {
        out.printf(Locale.ROOT, "problem      %s (n = %d, f* = %s)%n", r.problem(), r.dimension(), BenchTable.number(p.knownMinimum()));
        out.printf(Locale.ROOT, "method       %s%n", r.method());
        out.printf(Locale.ROOT, "status       %s: %s%n", r.status(), r.message());
        out.printf(Locale.ROOT, "solved       %s%n", verdict(r));
        out.printf(Locale.ROOT, "iterations   %d%n", r.iterations());
        out.printf(Locale.ROOT, "evaluations  %s%n", r.evaluations().byName().entrySet().stream()
                .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")));
        out.printf(Locale.ROOT, "value        %.17g%n", r.value());
        out.printf(Locale.ROOT, "|g|          %s (relative %s)%n", BenchTable.number(r.gradientNorm()), BenchTable.number(r.relativeGradientNorm()));
        out.printf(Locale.ROOT, "x            %s%n", point(r.x()));
        out.printf(Locale.ROOT, "time         %s%n", BenchTable.seconds(r.seconds()));
        out.printf(Locale.ROOT, "rate         %s%n", r.rate().describe());
    }

    /** The bench's verdict and which of its two tests decided it. */
    private static String verdict(BenchResult r) {
        String f = String.format(Locale.ROOT, "f* reached to %.0e relative", MinimizationBench.KNOWN_MINIMUM_RTOL);
        String g = String.format(Locale.ROOT, "|g|/|g0| ≤ %.0e", MinimizationBench.SOLVED_RELATIVE_GRADIENT);
        if (r.reachedMinimum()) {
            return "yes (" + f + ")";
        }
        return r.solved() ? "yes (" + g + "; f* not reached: a local minimum or stationary point)" : "no (neither " + f + " nor " + g + ")";
    }

    private static String point(double[] x) {
        String shown = Arrays.stream(x).limit(SHOWN).mapToObj(v -> String.format(Locale.ROOT, "%.10g", v)).collect(Collectors.joining(", "));
        return "[" + shown + (x.length > SHOWN ? ", … (" + (x.length - SHOWN) + " more)" : "") + "]";
    }
}
