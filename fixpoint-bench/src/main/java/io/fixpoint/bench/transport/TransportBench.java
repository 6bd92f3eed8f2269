package io.fixpoint.bench.transport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.bench.report.SvgPlot;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import io.fixpoint.transport.TransportSolvers;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The entropic transport benchmark. Its claim is Tang et al.'s (ICLR 2024): Sinkhorn–Newton–Sparse converges
 * "orders of magnitude faster" than Sinkhorn in total iteration count. Both run side by side, one solve each, on n
 * uniform points in the unit square per side (squared Euclidean cost, uniform weights) to the same marginal error,
 * over a range of ε; iteration counts and matrix passes are exact, times are one run on this machine. When POT is
 * installed its {@code ot.sinkhorn} (scaling and log domain) runs on smaller problems of the same kind and its plans
 * and costs are compared with Fixpoint's; without POT that part is skipped, naming the install command.
 */
public final class TransportBench {
    /** The claim, in the paper's words. */
    public static final String CLAIM = "Tang et al., ICLR 2024: in total iteration count SNS \"converges orders of magnitude faster\" than Sinkhorn";
    /** The marginal error every method is run to. */
    public static final double TOLERANCE = 1e-10;
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * One Fixpoint solve of {@code method}; {@code solver} is what ran (sinkhorn-log where scaling Sinkhorn broke
     * down). {@code newtonIterations} is −1 for methods without a Newton phase.
     */
    public record Row(int n, double eps, String method, String solver, String status, int iterations, int newtonIterations, long passes,
            double seconds, double cost, double marginalError) {
    }

    /** One POT solve beside Fixpoint's log-domain Sinkhorn on the same problem. */
    public record PotRow(int n, double eps, String method, String outcome, int iterations, double error, double seconds, double costDifference,
            double planDifference, List<String> warnings, int fixpointIterations, double fixpointSeconds) {
    }

    /** Everything one run measured; {@code potNote} says which POT ran, or why it did not. */
    public record Result(int n, long seed, List<Row> rows, List<PotRow> pot, String potNote) {
    }

    private final int n;
    private final double[] eps;
    private final List<String> methods;
    private final int potN;
    private final double[] potEps;
    private final long seed;
    private final Duration timeLimit;

    /**
     * @param n         points per side of the main problems
     * @param eps       the regularisations
     * @param methods   transport methods by name; the first is the reference the ratios divide
     * @param potN      points per side of the POT comparison (0: none)
     * @param potEps    its regularisations
     * @param seed      seed of the point clouds
     * @param timeLimit per solve
     */
    public TransportBench(int n, double[] eps, List<String> methods, int potN, double[] potEps, long seed, Duration timeLimit) {
        this.n = n;
        this.eps = eps.clone();
        this.methods = List.copyOf(methods);
        this.potN = potN;
        this.potEps = potEps.clone();
        this.seed = seed;
        this.timeLimit = timeLimit;
    }

    /** n = 1000, ε from 10⁻¹ to 10⁻³, Sinkhorn and SNS, POT at n = 200; {@code full} adds 3·10⁻⁴ and every accelerated method. */
    public static TransportBench standard(boolean full) {
        return full
                ? new TransportBench(1000, new double[] {0.1, 0.03, 0.01, 0.003, 0.001, 3e-4},
                        List.of("sinkhorn", "sns", "sinkhorn-anderson", "sinkhorn-eps-scaling", "greenkhorn"), 200,
                        new double[] {0.1, 0.01, 0.001}, 1, Duration.ofMinutes(20))
                : new TransportBench(1000, new double[] {0.1, 0.01, 0.003, 0.001}, List.of("sinkhorn", "sns"), 200,
                        new double[] {0.1, 0.01, 0.001}, 1, Duration.ofMinutes(10));
    }

    /** n uniform points in the unit square on each side, uniform weights, squared Euclidean cost. */
    public static TransportProblem problem(int n, double eps, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[n][2];
        for (double[][] cloud : new double[][][] {x, y}) {
            for (double[] p : cloud) {
                p[0] = r.nextDouble();
                p[1] = r.nextDouble();
            }
        }
        double[] w = new double[n];
        Arrays.fill(w, 1.0 / n);
        return TransportProblem.ofPoints(x, w, y, w, eps);
    }

    public Result run(PrintStream progress) {
        List<Row> rows = new ArrayList<>();
        for (double e : eps) {
            TransportProblem p = problem(n, e, seed);
            for (String method : methods) {
                Solution s = solve(method, p);
                Object newton = s.details().get("newtonIterations");
                Row row = new Row(n, e, method, s.solver(), s.status().name(), s.iterations(), newton == null ? -1 : (int) newton,
                        s.evaluations().get(Evaluation.MATRIX_PASS), s.seconds(), p.transportCost(s.x()), s.optimality());
                rows.add(row);
                progress.printf(Locale.ROOT, "transport n=%d eps=%s %s: %s, %d iterations, %.1f s%n", n, e, row.solver(), row.status(),
                        row.iterations(), row.seconds());
            }
        }
        List<PotRow> pot = new ArrayList<>();
        String note;
        if (potN == 0) {
            note = "POT not run";
        } else {
            try {
                note = comparePot(pot, progress);
            } catch (PotPeer.Unavailable e) {
                note = "POT skipped: " + e.getMessage();
            }
        }
        progress.println(note);
        return new Result(n, seed, rows, pot, note);
    }

    /**
     * One solve to {@link #TOLERANCE}. Scaling Sinkhorn that breaks down at small ε is rerun in the log domain: the
     * two take the same iterations in exact arithmetic, and the scaling form is the faster per iteration.
     */
    private Solution solve(String method, TransportProblem p) {
        Driver driver = Driver.builder().tolerance(TOLERANCE).maxIterations(1_000_000).timeLimit(timeLimit).build();
        Solution s = driver.solve(TransportSolvers.byName(method), p, new double[p.dimension()]);
        if (method.equals("sinkhorn") && s.status() == Status.NON_FINITE) {
            return driver.solve(TransportSolvers.byName("sinkhorn-log"), p, new double[p.dimension()]);
        }
        return s;
    }

    private String comparePot(List<PotRow> out, PrintStream progress) throws PotPeer.Unavailable {
        List<PotPeer.Case> cases = new ArrayList<>();
        Map<String, TransportProblem> problems = new LinkedHashMap<>();
        for (double e : potEps) {
            String name = "eps=" + e;
            TransportProblem p = problem(potN, e, seed + 1);
            problems.put(name, p);
            cases.add(new PotPeer.Case(name, p, List.of("sinkhorn", "sinkhorn_log"), TOLERANCE, 100_000));
        }
        PotPeer.Outcome outcome = PotPeer.run(cases);
        for (PotPeer.Answer a : outcome.answers()) {
            TransportProblem p = problems.get(a.name());
            Solution ours = solve("sinkhorn", p);
            double[] plan = p.plan(ours.x());
            double planDifference = Double.NaN;
            if (a.plan() != null) {
                planDifference = 0;
                for (int k = 0; k < plan.length; k++) {
                    planDifference = Math.max(planDifference, Math.abs(plan[k] - a.plan()[k]));
                }
            }
            String outcomeText = !a.finite() ? "NaN in the plan" : a.error() <= TOLERANCE ? "converged" : "not converged";
            out.add(new PotRow(potN, p.regularization(), a.method(), outcomeText, a.iterations(), a.error(), a.seconds(),
                    Math.abs(a.cost() - p.transportCost(ours.x())), planDifference, a.warnings(), ours.iterations(), ours.seconds()));
            progress.printf(Locale.ROOT, "POT n=%d eps=%s %s: %s after %d iterations%n", potN, p.regularization(), a.method(), outcomeText,
                    a.iterations());
        }
        return "POT " + outcome.version() + " (ot.sinkhorn, stopThr " + TOLERANCE + " on its own 2-norm marginal error, at most 10^5 iterations)";
    }

    /** The report as text: the claim, the ratio table, every solve, and POT. */
    public static String text(Result r) {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "Entropic transport: n = %d uniform points in the unit square on each side, cost |x - y|^2, "
                + "marginal error to %.0e (seed %d)%n", r.n(), TOLERANCE, r.seed()));
        s.append("Claim: ").append(CLAIM).append("\n\n");
        s.append(String.format(Locale.ROOT, "%-8s %-22s %10s %8s %8s %10s %9s %12s %10s%n", "eps", "method", "status", "iters", "Newton",
                "passes", "seconds", "iter ratio", "|dcost|"));
        for (Row row : r.rows()) {
            Row ref = reference(r, row.eps());
            s.append(String.format(Locale.ROOT, "%-8s %-22s %10s %8d %8s %10d %9.2f %12s %10.1e%n", row.eps(), row.solver(), row.status(),
                    row.iterations(), row.newtonIterations() < 0 ? "" : String.valueOf(row.newtonIterations()), row.passes(), row.seconds(),
                    ratio(ref, row), Math.abs(row.cost() - ref.cost())));
        }
        s.append("iter ratio = the first method's iterations / the method's (Sinkhorn's in the scaling form where it works, else in the "
                + "log domain: the same iterations); a ratio marked > is a lower bound (the reference did not converge).\n");
        s.append('\n').append(r.potNote()).append('\n');
        if (!r.pot().isEmpty()) {
            s.append(String.format(Locale.ROOT, "%-8s %-13s %-16s %8s %10s %9s %12s %12s %10s %9s  %s%n", "eps", "POT method", "outcome", "iters",
                    "POT err", "POT s", "|dcost|", "max |dP|", "Fixpoint", "Fixpt s", "POT warnings"));
            for (PotRow p : r.pot()) {
                s.append(String.format(Locale.ROOT, "%-8s %-13s %-16s %8d %10.1e %9.3f %12.1e %12.1e %10d %9.3f  %s%n", p.eps(), p.method(),
                        p.outcome(), p.iterations(), p.error(), p.seconds(), p.costDifference(), p.planDifference(), p.fixpointIterations(),
                        p.fixpointSeconds(), String.join("; ", p.warnings())));
            }
            s.append("Fixpoint = Fixpoint's Sinkhorn on the same problem; |dcost| and max |dP| compare POT's plan with it.\n");
        }
        return s.toString();
    }

    /** The first method's row at eps: the reference the ratios divide. */
    private static Row reference(Result r, double eps) {
        return r.rows().stream().filter(x -> x.eps() == eps).findFirst().orElseThrow();
    }

    private static String ratio(Row reference, Row row) {
        double q = (double) reference.iterations() / row.iterations();
        return (reference.status().equals(Status.CONVERGED.name()) ? "" : ">") + String.format(Locale.ROOT, "%.1f", q);
    }

    public static String json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claim", CLAIM);
        m.put("n", r.n());
        m.put("seed", r.seed());
        m.put("tolerance", TOLERANCE);
        m.put("rows", r.rows());
        m.put("pot", r.pot());
        m.put("potNote", r.potNote());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Iterations against ε for every method, and the reference's iterations over each method's. */
    public static String svg(Result r) {
        String[] colors = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
        SvgPlot iterations = new SvgPlot("Iterations to marginal error 1e-10, n = " + r.n(), "ε (log scale)", "iterations", 460, 320, true, true);
        SvgPlot ratios = new SvgPlot("Iteration ratio to " + (r.rows().isEmpty() ? "" : r.rows().get(0).method()), "ε (log scale)",
                "reference iterations / method's", 460, 320, true, true);
        List<String> names = r.rows().stream().map(Row::method).distinct().toList();
        for (int k = 0; k < names.size(); k++) {
            String method = names.get(k);
            List<Row> rows = r.rows().stream().filter(x -> x.method().equals(method)).toList();
            double[] x = rows.stream().mapToDouble(Row::eps).toArray();
            double[] y = rows.stream().mapToDouble(Row::iterations).toArray();
            double[] q = rows.stream().mapToDouble(row -> (double) reference(r, row.eps()).iterations() / row.iterations()).toArray();
            iterations.line(x, y, colors[k % colors.length], "", false, method);
            ratios.line(x, q, colors[k % colors.length], "", false, method);
        }
        return SvgPlot.standalone(List.of(iterations, ratios));
    }

    /** transport-bench.txt, transport-bench.json and transport-iterations.svg in {@code dir}. */
    public static void writeReport(Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("transport-bench.txt"), text(r));
        Files.writeString(dir.resolve("transport-bench.json"), json(r));
        Files.writeString(dir.resolve("transport-iterations.svg"), svg(r));
    }
}
