package io.fixpoint.cli;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fixpoint transport}: entropic optimal transport between two point clouds or two histograms. */
@Command(name = "transport", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Entropic optimal transport: minimise <P, M> - eps*H(P) over plans P with marginals a and b.",
                "Input: two point clouds (--source, --target: CSV with a header, one column per coordinate and an optional "
                        + "weight column w, uniform weights 1/n otherwise; cost = squared Euclidean distance, not rescaled), "
                        + "or a cost matrix with two histograms (--cost, --a, --b: CSV with a header row).",
                "Output: the transport cost <P, M> without the entropy term (POT's sinkhorn2), the marginal error "
                        + "(|P1 - a|_1 + |P'1 - b|_1) / mass that certifies the plan, iterations, and the plan on request.",
                "--tol bounds the marginal error (default 1e-9); --time-limit ends a long solve BUDGET_EXHAUSTED at its last iterate.",
                "Exit code 0 converged, 1 not converged, 2 bad input."})
final class TransportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--source", paramLabel = "A.csv", description = "source point cloud")
    Path source;

    @Option(names = "--target", paramLabel = "B.csv", description = "target point cloud")
    Path target;

    @Option(names = "--cost", paramLabel = "M.csv", description = "cost matrix, one row per source point (instead of point clouds)")
    Path cost;

    @Option(names = "--a", paramLabel = "a.csv", description = "source histogram for --cost (one column)")
    Path aFile;

    @Option(names = "--b", paramLabel = "b.csv", description = "target histogram for --cost (one column)")
    Path bFile;

    @Option(names = "--reg", defaultValue = "0.01", paramLabel = "EPS", description = "regularisation eps > 0 (default ${DEFAULT-VALUE})")
    double reg;

    @Option(names = "--method", defaultValue = "sinkhorn-log", paramLabel = "NAME", completionCandidates = MethodNames.Transport.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String method;

    @Mixin
    DriverOptions driver;

    @Option(names = "--plan", paramLabel = "FILE", description = "write the plan as CSV (a row per source point, a column per target point)")
    Path planFile;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        SolverSpec<TransportProblem> solver = Catalog.builtIn().transport(method);
        Settings settings = driver.over(solver.defaults());
        TransportProblem problem = problem();
        PrintWriter err = spec.commandLine().getErr();
        Solution s = DriverOptions.solve(spec, solver.create(), settings, problem, new double[problem.dimension()], "marginal error");
        double transportCost = problem.transportCost(s.x());
        double[] errors = problem.marginalErrors(s.x());
        if (planFile != null) {
            writePlan(problem.plan(s.x()), problem.targetPoints());
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", s.status().name());
            m.put("cost", Json.finiteOrString(transportCost));
            m.put("marginalError", Json.finiteOrString(s.optimality()));
            m.put("iterations", s.iterations());
            m.put("sourceMarginalError", Json.finiteOrString(errors[0]));
            m.put("targetMarginalError", Json.finiteOrString(errors[1]));
            m.put("method", s.solver());
            m.put("message", s.message());
            m.put("regularization", reg);
            m.put("sources", problem.sourcePoints());
            m.put("targets", problem.targetPoints());
            m.put("evaluations", s.evaluations().byName());
            m.put("seconds", s.seconds());
            if (planFile != null) {
                m.put("plan", planFile.toString());
            }
            out.println(Json.write(m));
        } else {
            out.println(s.status() + ": " + s.message());
            out.printf(Locale.ROOT, "transport cost <P, M> = %.12g%n", transportCost);
            out.printf(Locale.ROOT, "marginal error %.3e (source %.3e, target %.3e) after %d iterations, %d matrix passes (%s, %d x %d, "
                    + "eps = %s, %.3f s)%n", s.optimality(), errors[0], errors[1], s.iterations(), s.evaluations().get(Evaluation.MATRIX_PASS),
                    s.solver(), problem.sourcePoints(), problem.targetPoints(), reg, s.seconds());
            if (planFile != null) {
                out.println("plan written to " + planFile);
            }
        }
        out.flush();
        return ExitCodes.written(out, err, s.converged() ? ExitCodes.OK : ExitCodes.FAILURE);
    }

    private TransportProblem problem() {
        boolean clouds = source != null || target != null;
        boolean matrix = cost != null || aFile != null || bFile != null;
        if (clouds == matrix) {
            throw new UserError("give either --source and --target (point clouds) or --cost, --a and --b (a cost matrix and two histograms)");
        }
        if (clouds) {
            if (source == null || target == null) {
                throw new UserError("point clouds need both --source and --target");
            }
            CsvTable a = CsvTable.read(source);
            CsvTable b = CsvTable.read(target);
            double[][] x = coordinates(a, source);
            double[][] y = coordinates(b, target);
            if (x[0].length != y[0].length) {
                throw new UserError(source + " has " + x[0].length + " coordinate columns but " + target + " has " + y[0].length);
            }
            return TransportProblem.ofPoints(x, weights(a, x.length), y, weights(b, y.length), reg);
        }
        if (cost == null || aFile == null || bFile == null) {
            throw new UserError("a cost matrix needs --cost, --a and --b");
        }
        double[][] m = rows(CsvTable.read(cost), cost);
        double[] a = column(CsvTable.read(aFile), aFile);
        double[] b = column(CsvTable.read(bFile), bFile);
        return TransportProblem.of(a, b, m, reg);
    }

    /** Every column but w, one row per point. */
    private static double[][] coordinates(CsvTable t, Path file) {
        List<String> names = new ArrayList<>(t.names());
        names.remove("w");
        requireHeader(names, file);
        if (names.isEmpty()) {
            throw new UserError(file + " has no coordinate columns (only w)");
        }
        int n = t.column(names.get(0)).length;
        double[][] x = new double[n][names.size()];
        for (int k = 0; k < names.size(); k++) {
            double[] c = t.column(names.get(k));
            for (int i = 0; i < n; i++) {
                x[i][k] = c[i];
            }
        }
        return x;
    }

    private static double[] weights(CsvTable t, int n) {
        if (t.names().contains("w")) {
            return t.column("w");
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        return w;
    }

    private static double[][] rows(CsvTable t, Path file) {
        requireHeader(t.names(), file);
        int cols = t.names().size();
        int n = t.column(t.names().get(0)).length;
        double[][] m = new double[n][cols];
        for (int j = 0; j < cols; j++) {
            double[] c = t.column(t.names().get(j));
            for (int i = 0; i < n; i++) {
                m[i][j] = c[i];
            }
        }
        return m;
    }

    private static double[] column(CsvTable t, Path file) {
        requireHeader(t.names(), file);
        if (t.names().size() != 1) {
            throw new UserError(file + " must have one column of weights, has " + t.names().size() + " (" + String.join(", ", t.names()) + ")");
        }
        return t.column(t.names().get(0));
    }

    /** A first row of numbers is data, not a header: say so rather than lose a row. */
    private static void requireHeader(List<String> names, Path file) {
        for (String name : names) {
            try {
                Double.parseDouble(name);
            } catch (NumberFormatException e) {
                return;
            }
        }
        throw new UserError(file + ": the first row is numeric; the file needs a header row naming its columns");
    }

    private void writePlan(double[] plan, int columns) {
        try (Writer w = Files.newBufferedWriter(planFile, StandardCharsets.UTF_8)) {
            StringBuilder line = new StringBuilder();
            for (int j = 0; j < columns; j++) {
                line.append(j == 0 ? "" : ",").append("t").append(j);
            }
            w.write(line.append('\n').toString());
            for (int i = 0; i < plan.length / columns; i++) {
                line.setLength(0);
                for (int j = 0; j < columns; j++) {
                    line.append(j == 0 ? "" : ",").append(plan[i * columns + j]);
                }
                w.write(line.append('\n').toString());
            }
        } catch (IOException e) {
            throw new UserError("cannot write the plan to " + planFile + ": " + e.getMessage());
        }
    }
}
