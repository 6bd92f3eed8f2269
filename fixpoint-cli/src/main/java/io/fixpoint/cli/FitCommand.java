package io.fixpoint.cli;

import io.fixpoint.bench.nist.Lre;
import io.fixpoint.bench.Progress;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.nist.LeastSquaresSuite;
import io.fixpoint.bench.nist.NistDataset;
import io.fixpoint.expr.Expression;
import io.fixpoint.leastsquares.CurveFit;
import io.fixpoint.leastsquares.FitStatistics;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
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
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fixpoint fit}: nonlinear curve fitting of NIST StRD files or CSV data, and the NIST LRE table. */
@Command(name = "fit", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Fit a nonlinear model by least squares and print estimates, standard errors, RSS and counts.",
                "FILE is a NIST StRD .dat file (or the name of a built-in one, e.g. Misra1a): its model, starts and "
                        + "certified values are read from it and the log relative error (LRE) of each estimate is shown. "
                        + "Otherwise FILE is CSV with a header row, fitted with --model and --params.",
                "--nist-bench fits every built-in NIST dataset from both starts with every method, beside SciPy.",
                "Exit codes: 0 converged, 1 did not converge, 2 bad input."})
final class FitCommand implements Callable<Integer> {
    /** The standard error of a parameter the data do not determine (JSON; "—" in the text). */
    static final String NOT_DETERMINED = "not determined";

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "FILE", description = "NIST .dat file, built-in NIST dataset name, or CSV file.")
    String file;

    @Option(names = "--method", paramLabel = "NAME", completionCandidates = MethodNames.LeastSquares.class,
            description = "${COMPLETION-CANDIDATES}. Default: ${DEFAULT-VALUE}.")
    String method = "lm";

    @Mixin
    DriverOptions driver;

    @Option(names = "--start", paramLabel = "1|2", description = "NIST starting vector. Default: ${DEFAULT-VALUE}.")
    int start = 1;

    @Option(names = "--model", paramLabel = "EXPR", description = "Model for CSV data, e.g. \"b1*(1-exp(-b2*x))\".")
    String model;

    @Option(names = "--params", paramLabel = "b1=V,...", description = "Parameters to fit with their starting values, e.g. b1=500,b2=1e-4.")
    String params;

    @Option(names = "--x", paramLabel = "COL", description = "CSV column for the model's variable. Default: the column named like it.")
    String xColumn;

    @Option(names = "--y", paramLabel = "COL", description = "CSV column of the observations. Default: ${DEFAULT-VALUE}.")
    String yColumn = "y";

    @Option(names = "--bounds", paramLabel = "b1=LO:HI,...",
            description = "Simple bounds on parameters, e.g. b2=0:1e-3 (inf allowed; others unbounded). Needs --method trf.")
    String bounds;

    @Option(names = "--json", description = "Print the result as one JSON object.")
    boolean json;

    @Option(names = "--nist-bench", description = "Fit every built-in NIST dataset from both starts with every method, beside SciPy.")
    boolean nistBench;

    @Option(names = "--methods", split = ",", paramLabel = "a,b", description = "Methods for --nist-bench. Default: all.")
    List<String> methods = List.of();

    @Option(names = "--no-peer", description = "With --nist-bench: skip SciPy.")
    boolean noPeer;

    @Option(names = "--report", paramLabel = "DIR", description = "With --nist-bench: also write the report (index.html, least-squares/…) to DIR.")
    Path report;

    @Override
    public Integer call() {
        Catalog.builtIn().leastSquares(method); // fail early on an unknown method
        if (nistBench) {
            return bench();
        }
        Options.refuse(spec, "without --nist-bench", "--methods", "--no-peer", "--report");
        if (file == null) {
            throw new UserError("give a FILE (NIST .dat, built-in dataset name or CSV), or --nist-bench");
        }
        Path path = Path.of(file);
        if (Files.isRegularFile(path)) {
            return model == null && looksLikeNist(path) ? fitNist(NistDataset.read(path)) : fitCsv(path);
        }
        if (NistDataset.BUILT_IN.stream().anyMatch(n -> n.equalsIgnoreCase(file))) {
            return fitNist(NistDataset.builtIn(file));
        }
        if (Files.isDirectory(path)) {
            throw new UserError(file + " is a directory; give a data file (CSV or NIST .dat)");
        }
        if (Files.exists(path)) {
            throw new UserError(file + " is not a regular file (a pipe or a device); fit reads its data from a file, so save it to one first");
        }
        throw new UserError("no such file: " + file + "; nor is it a built-in NIST dataset (" + String.join(", ", NistDataset.BUILT_IN) + ")");
    }

    /** A NIST StRD file says so in its first lines (or is named .dat). */
    private static boolean looksLikeNist(Path path) {
        try (InputStream in = Files.newInputStream(path)) {
            String head = new String(in.readNBytes(4096), StandardCharsets.ISO_8859_1);
            return head.contains("NIST/ITL StRD") || path.toString().toLowerCase(Locale.ROOT).endsWith(".dat");
        } catch (IOException e) {
            throw new UserError("cannot read " + path + ": " + e.getMessage());
        }
    }

    private int fitNist(NistDataset d) {
        Options.refuse(spec, "to a NIST dataset: it carries its own model, data columns and starts", "--model", "--params", "--x", "--y");
        if (start != 1 && start != 2) {
            throw new UserError("--start must be 1 or 2, got " + start);
        }
        CurveFit problem = d.problem();
        double[] x0 = d.start(start);
        checkStart(problem, x0);
        Solution s = solve(bounded(problem, problem.parameters(), x0), x0);
        FitStatistics stats = FitStatistics.at(problem, s.x());
        Map<String, Object> out = result(s, problem.parameters(), stats);
        out.put("dataset", d.name());
        out.put("start", start);
        out.put("model", d.model().text());
        List<Map<String, Object>> ps = parameterRows(out);
        for (int j = 0; j < ps.size(); j++) {
            ps.get(j).put("certified", d.certified()[j]);
            ps.get(j).put("certifiedStandardError", d.certifiedSd()[j]);
            ps.get(j).put("lre", round(Lre.of(s.x()[j], d.certified()[j])));
            ps.get(j).put("standardErrorLre", round(Lre.of(stats.standardErrors()[j], d.certifiedSd()[j])));
        }
        out.put("certifiedRss", d.certifiedRss());
        out.put("rssLre", round(Lre.of(stats.rss(), d.certifiedRss())));
        print(s, out, d.name() + " (NIST StRD, start " + start + ")");
        return s.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private int fitCsv(Path path) {
        Options.refuse(spec, "to CSV data: it chooses a NIST starting vector (the start of a CSV fit is --params)", "--start");
        if (model == null) {
            throw new UserError(path + " is not a NIST file: give --model \"EXPR\" and --params b1=V,... to fit CSV data");
        }
        if (params == null) {
            throw new UserError("--params is required with --model, e.g. --params b1=500,b2=1e-4");
        }
        Expression expr = Expression.parse(model);
        Map<String, Double> starts = parseParams(params);
        CsvTable table = CsvTable.read(path);
        double[] y = table.column(yColumn);
        List<String> variables = new ArrayList<>();
        for (String v : expr.variables()) {
            if (!starts.containsKey(v)) {
                variables.add(v);
            }
        }
        for (String p : starts.keySet()) {
            if (!expr.names().contains(p)) {
                throw new UserError("parameter '" + p + "' does not appear in the model " + expr.text()
                        + " (it uses: " + String.join(", ", expr.variables()) + ")");
            }
            if (xColumn == null && table.names().contains(p)) {
                // the column would be silently ignored: say which meaning the name cannot have
                throw new UserError("'" + p + "' is both a parameter (--params) and a column of " + path
                        + ": rename the parameter, or name the data column with --x");
            }
        }
        Map<String, double[]> predictors = new LinkedHashMap<>();
        if (xColumn != null) {
            if (variables.size() != 1) {
                throw new UserError("--x names one column but the model has " + variables.size() + " variables besides the parameters: " + variables);
            }
            predictors.put(variables.get(0), table.column(xColumn));
        } else {
            for (String v : variables) {
                if (!table.names().contains(v)) {
                    throw new UserError("unknown variable '" + v + "' in the model: not a parameter (" + String.join(", ", starts.keySet())
                            + ") nor a column of " + path + " (" + String.join(", ", table.names()) + ")");
                }
                predictors.put(v, table.column(v));
            }
        }
        CurveFit problem = CurveFit.of(expr, List.copyOf(starts.keySet()), predictors, y);
        double[] x0 = starts.values().stream().mapToDouble(Double::doubleValue).toArray();
        checkStart(problem, x0);
        Solution s = solve(bounded(problem, problem.parameters(), x0), x0);
        FitStatistics stats = FitStatistics.at(problem, s.x());
        Map<String, Object> out = result(s, problem.parameters(), stats);
        out.put("model", expr.text());
        print(s, out, path.getFileName().toString());
        return s.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /** The fit under the method's defaults and the user's options. */
    private Solution solve(LeastSquaresProblem problem, double[] x0) {
        SolverSpec<LeastSquaresProblem> m = Catalog.builtIn().leastSquares(method);
        return driver.solve(spec, m, problem, x0);
    }

    /** The problem with the --bounds attached (unchanged without them). */
    private LeastSquaresProblem bounded(LeastSquaresProblem problem, List<String> names, double[] x0) {
        if (bounds == null) {
            return problem;
        }
        io.fixpoint.problem.Bounds b = BoundsOption.parse(bounds, names, "parameter");
        if (!b.contains(x0)) {
            throw new UserError("the start point " + java.util.Arrays.toString(x0) + " lies outside the --bounds");
        }
        return problem.withBounds(b);
    }

    static Map<String, Double> parseParams(String text) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (String part : text.split(",", -1)) {
            String[] kv = part.split("=", -1);
            if (kv.length != 2 || kv[0].isBlank() || kv[1].isBlank()) {
                throw new UserError("--params wants name=value pairs separated by commas, e.g. b1=500,b2=1e-4; got '" + part.strip() + "'");
            }
            String name = kv[0].strip();
            double v;
            try {
                v = Double.parseDouble(kv[1].strip());
            } catch (NumberFormatException e) {
                throw new UserError("--params: the start value of '" + name + "' is not a number: '" + kv[1].strip() + "'");
            }
            if (!Double.isFinite(v)) {
                throw new UserError("--params: the start value of '" + name + "' must be finite, got " + v);
            }
            if (m.put(name, v) != null) {
                throw new UserError("--params: parameter '" + name + "' is given twice");
            }
        }
        return m;
    }

    /** A model that is NaN or infinite at the start cannot be fitted: say where. */
    private static void checkStart(LeastSquaresProblem problem, double[] x0) {
        double[] r = new double[problem.residualCount()];
        problem.residuals(x0, r);
        for (int i = 0; i < r.length; i++) {
            if (!Double.isFinite(r[i])) {
                throw new UserError("the model is not finite at the start point for observation " + (i + 1) + " (residual " + r[i] + ")");
            }
        }
        int n = problem.dimension();
        double[] jac = new double[r.length * n];
        problem.jacobian(x0, jac);
        for (int k = 0; k < jac.length; k++) {
            if (!Double.isFinite(jac[k])) {
                throw new UserError("the model's derivative with respect to parameter " + (k % n + 1) + " is not finite at the start point for observation "
                        + (k / n + 1));
            }
        }
    }

    private static Map<String, Object> result(Solution s, List<String> names, FitStatistics stats) {
        Map<String, Object> out = Json.of(s);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (int j = 0; j < names.size(); j++) {
            Map<String, Object> p = new LinkedHashMap<>();
            p.put("name", names.get(j));
            p.put("estimate", s.x()[j]);
            p.put("standardError", stats.determined(j) ? stats.standardErrors()[j] : NOT_DETERMINED);
            ps.add(p);
        }
        out.put("parameters", ps);
        out.put("rss", stats.rss());
        out.put("degreesOfFreedom", stats.degreesOfFreedom());
        out.put("residualStandardDeviation", Json.finiteOrString(Math.sqrt(stats.residualVariance())));
        out.put("rank", stats.rank());
        out.put("rankDeficient", stats.rankDeficient());
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> parameterRows(Map<String, Object> out) {
        return (List<Map<String, Object>>) out.get("parameters");
    }

    private static double round(double lre) {
        return Math.round(lre * 10) / 10.0;
    }

    @SuppressWarnings("unchecked")
    private void print(Solution s, Map<String, Object> out, String title) {
        PrintWriter w = spec.commandLine().getOut();
        if (json) {
            w.println(Json.write(out));
            w.flush();
            return;
        }
        w.printf(Locale.ROOT, "%s — %s, method %s%n", title, out.get("model"), out.get("method"));
        w.printf(Locale.ROOT, "status: %s (%s)%n", s.statusText(), s.message());
        boolean nist = out.containsKey("certifiedRss");
        w.printf(Locale.ROOT, nist ? "%-6s %24s %24s %18s %5s %7s%n" : "%-6s %24s %24s%n", "param", "estimate", "std. error",
                "certified", "LRE", "SE LRE");
        List<String> undetermined = new ArrayList<>();
        for (Map<String, Object> p : parameterRows(out)) {
            String se = p.get("standardError") instanceof Double d ? String.format(Locale.ROOT, "%24.15e", d) : String.format("%24s", "—");
            if (!(p.get("standardError") instanceof Double)) {
                undetermined.add((String) p.get("name"));
            }
            if (nist) {
                w.printf(Locale.ROOT, "%-6s %24.15e %s %18.10e %5.1f %7.1f%n", p.get("name"), p.get("estimate"), se, p.get("certified"),
                        p.get("lre"), p.get("standardErrorLre"));
            } else {
                w.printf(Locale.ROOT, "%-6s %24.15e %s%n", p.get("name"), p.get("estimate"), se);
            }
        }
        int n = parameterRows(out).size();
        if (Boolean.TRUE.equals(out.get("rankDeficient"))) {
            w.printf(Locale.ROOT, "rank-deficient: the Jacobian has rank %s of %d, so the data determine only %s combination%s of the parameters; "
                    + "no standard error (—) for %s%n", out.get("rank"), n, out.get("rank"), Integer.valueOf(1).equals(out.get("rank")) ? "" : "s",
                    String.join(", ", undetermined));
        } else if (!undetermined.isEmpty()) {
            w.printf(Locale.ROOT, "no standard errors (—): %s degrees of freedom leave no residual variance%n", out.get("degreesOfFreedom"));
        }
        if (!s.converged()) {
            w.println("not a converged fit: the standard errors describe the linearisation at this point, not estimates");
        }
        if (nist) {
            w.printf(Locale.ROOT, "RSS %.15e (certified %.10e, LRE %.1f)%n", out.get("rss"), out.get("certifiedRss"), out.get("rssLre"));
        } else {
            w.printf(Locale.ROOT, "RSS %.15e, residual std. deviation %s, %s degrees of freedom%n", out.get("rss"),
                    out.get("residualStandardDeviation"), out.get("degreesOfFreedom"));
        }
        w.printf(Locale.ROOT, "iterations %d, evaluations %s%n", s.iterations(), s.evaluations().describe());
        w.flush();
    }

    private int bench() {
        if (file != null) {
            throw new UserError("--nist-bench runs the built-in datasets; it takes no FILE");
        }
        Options.refuse(spec, "with --nist-bench, which runs every built-in dataset from both starts with each method's defaults "
                + "(choose methods with --methods)", "--model", "--params", "--x", "--y", "--bounds", "--start", "--method", "--tol", "--rtol",
                "--max-iter", "--time-limit");
        methods.forEach(Catalog.builtIn()::leastSquares);
        SuiteOptions options = SuiteOptions.DEFAULT.withMethods(methods).withPeers(noPeer ? List.of() : null).withProgress(Progress.on(spec.commandLine().getErr()));
        return SuiteRun.run(List.of(new LeastSquaresSuite()), options, json, report, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
