package io.fixpoint.cli;

import io.fixpoint.bench.BenchFiles;
import io.fixpoint.bench.BenchTable;
import io.fixpoint.bench.MinimizationJudge;
import io.fixpoint.bench.compare.FixpointRunner;
import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint solve}: one minimiser on one test problem, straight through the driver. */
@Command(name = "solve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Minimise a built-in test problem with one method.",
                "Stops when ‖∇f‖ ≤ min(1e-10·‖∇f(x₀)‖, 1e-5·max(1, |f|)), or ≤ --tol when given (see --rtol; "
                        + "'fixpoint list --json' shows each method's defaults).",
                "Exit code 0 when the solve converged, 1 when it did not, 2 for bad input."})
final class SolveCommand implements Callable<Integer> {
    /** Coordinates of x shown in the text summary before it is cut short. */
    private static final int SHOWN = 10;

    @Spec
    CommandSpec spec;

    @Option(names = "--problem", required = true, paramLabel = "NAME", description = "Test problem (see 'fixpoint list').")
    String problem;

    @Option(names = "--method", paramLabel = "NAME", completionCandidates = MethodNames.Minimization.class,
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String method = "lbfgs";

    @Option(names = "--n", paramLabel = "N",
            description = "Dimension of a variable-dimension problem (extended-rosenbrock, extended-powell, broyden-tridiagonal, "
                    + "discrete-boundary-value, penalty-1, trigonometric, convex-quadratic), up to 10^7. Default: its size in the MGH set.")
    Integer n;

    @Mixin
    DriverOptions driver;

    @Option(names = "--start", paramLabel = "a,b,c", description = "Start point, comma-separated. Default: the problem's standard start.")
    String start;

    @Option(names = "--json", description = "Print one JSON object instead of the summary.")
    boolean json;

    @Option(names = "--trace", paramLabel = "FILE", description = "Write the trace as CSV: iteration,value,optimality,step,evaluations,seconds.")
    Path trace;

    @Override
    public Integer call() {
        TestProblem p = n == null ? Suites.problem(problem) : Suites.problem(problem, n);
        SolverSpec<Objective> m = Catalog.builtIn().minimizer(method);
        if (!FixpointRunner.applies(m, p.objective())) {
            throw new UserError("method '" + method + "' needs second derivatives, which problem '" + problem + "' does not provide");
        }
        double[] x0 = start == null ? p.start() : parsePoint(start, p);
        if (trace != null) {
            Writable.file("--trace", "the trace", trace);
        }
        Solution s = driver.solve(spec, m, p.objective(), x0);
        MinimizationJudge.Judgement j = MinimizationJudge.judge(p, x0, s.x());
        if (trace != null) {
            try {
                BenchFiles.writeTrace(s.trace(), trace);
            } catch (UncheckedIOException e) {
                throw new UserError(e.getMessage());
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> o = Json.of(s);
            o.put("problem", p.name());
            o.put("dimension", p.dimension());
            o.put("knownMinimum", Json.finiteOrString(p.knownMinimum()));
            o.put("reachedKnownMinimum", j.solved());
            out.println(Json.write(o));
        } else {
            summary(s, p, j, out);
        }
        out.flush();
        return s.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
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

    private static void summary(Solution s, TestProblem p, MinimizationJudge.Judgement j, PrintWriter out) {
        out.printf(Locale.ROOT, "problem      %s (n = %d, published minimum f* = %s)%n", p.name(), p.dimension(),
                BenchTable.number(p.knownMinimum()));
        out.printf(Locale.ROOT, "method       %s%n", s.solver());
        out.printf(Locale.ROOT, "status       %s: %s%n", s.statusText(), s.message());
        out.printf(Locale.ROOT, "f* reached   %s%n", j.solved() ? String.format(Locale.ROOT, "yes, to %.0e relative", MinimizationJudge.RTOL)
                : "no (f − f* = " + BenchTable.number(j.value() - p.knownMinimum()) + ")");
        out.printf(Locale.ROOT, "iterations   %d%n", s.iterations());
        out.printf(Locale.ROOT, "evaluations  %s%n", s.evaluations().describe());
        out.printf(Locale.ROOT, "value        %.17g%n", s.value());
        out.printf(Locale.ROOT, "|g|          %s (relative to the start %s)%n", BenchTable.number(s.optimality()),
                BenchTable.number(j.relativeGradientNorm()));
        out.printf(Locale.ROOT, "x            %s%n", point(s.x()));
        out.printf(Locale.ROOT, "time         %s%n", BenchTable.seconds(s.seconds()));
        out.printf(Locale.ROOT, "rate         %s%n", s.rate().describe());
    }

    private static String point(double[] x) {
        String shown = Arrays.stream(x).limit(SHOWN).mapToObj(v -> String.format(Locale.ROOT, "%.10g", v)).collect(Collectors.joining(", "));
        return "[" + shown + (x.length > SHOWN ? ", … (" + (x.length - SHOWN) + " more)" : "") + "]";
    }
}
