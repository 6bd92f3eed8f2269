package io.fixpoint.bench.transport;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.report.SvgPlot;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Tolerances;
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
 * over a range of ε; iteration counts and matrix passes are exact, times are one run on this machine. Beside POT
 * (Python Optimal Transport) when it is installed, Fixpoint's Sinkhorn in both forms and POT's {@code ot.sinkhorn} in
 * both forms solve smaller problems of the same kind, and every plan is judged by {@link #judge}.
 */
public final class TransportBench {
    public static final String SUITE = "transport";
    /** The claim, in the paper's words. */
    public static final String CLAIM = "Tang et al., ICLR 2024: in total iteration count SNS \"converges orders of magnitude faster\" than Sinkhorn";
    /** "Orders of magnitude", read as at least two: the ratio the claim needs. */
    public static final double CLAIMED_RATIO = 100;
    /** The marginal error the ratio runs are solved to. */
    public static final double TOLERANCE = 1e-10;
    /**
     * The marginal error both tools are run to on the problems beside POT, so that agreement to {@link #AGREEMENT} tests
     * the answers rather than where each tool stopped.
     */
    public static final double PEER_TOLERANCE = 1e-13;
    /** The judge's agreement between tools: the cost to this relative, every plan entry to this absolute. */
    public static final double AGREEMENT = 1e-10;
    /** The reference method of the ratios, and the two forms of Sinkhorn compared with POT's. */
    static final String SINKHORN = "sinkhorn";
    static final String SINKHORN_LOG = "sinkhorn-log";
    static final String POT = "pot";
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

    private final int n;
    private final double[] eps;
    private final List<String> methods;
    private final int potN;
    private final double[] potEps;
    private final long seed;

    /**
     * @param n       points per side of the ratio problems
     * @param eps     their regularisations
     * @param methods transport methods by name; {@value #SINKHORN} is the reference the ratios divide
     * @param potN    points per side of the problems beside POT (0: none)
     * @param potEps  their regularisations
     * @param seed    seed of the point clouds (the POT problems use seed + 1)
     */
    public TransportBench(int n, double[] eps, List<String> methods, int potN, double[] potEps, long seed) {
        this.n = n;
        this.eps = eps.clone();
        this.methods = List.copyOf(methods);
        this.potN = potN;
        this.potEps = potEps.clone();
        this.seed = seed;
    }

    /**
     * Quick: n = 300, ε = 0.1, 0.01, 0.001, Sinkhorn and SNS; beside POT at n = 100 for ε = 0.1 and 0.01. Full: n = 1000, ε from
     * 10⁻¹ to 3·10⁻⁴ with every accelerated method; beside POT at n = 200 for ε = 0.1, 0.01 and 0.001.
     */
    public static TransportBench standard(boolean full) {
        return full
                ? new TransportBench(1000, new double[] {0.1, 0.03, 0.01, 0.003, 0.001, 3e-4},
                        List.of(SINKHORN, "sns", "sinkhorn-anderson", "sinkhorn-eps-scaling", "greenkhorn"), 200, new double[] {0.1, 0.01, 0.001}, 1)
                : new TransportBench(300, new double[] {0.1, 0.01, 0.001}, List.of(SINKHORN, "sns"), 100, new double[] {0.1, 0.01}, 1);
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

    /** Every solve judged, and what a reader must know (POT skipped, and why). */
    public record Result(int n, int potN, long seed, List<SolveRecord> records, String potVersion, List<String> notes) {
    }

    public Result run(SuiteOptions options) {
        List<SolveRecord> records = new ArrayList<>();
        for (double e : eps) {
            TransportProblem p = problem(n, e, seed);
            for (String method : options.chosenMethods(methods)) {
                Solution s = solve(options, method, p, TOLERANCE);
                records.add(fixpoint(options, name(n, e), p, method, s, "ratio", TOLERANCE, null, List.of()));
                step(options, records);
                if (method.equals(SINKHORN) && s.status() == Status.NON_FINITE) {
                    // the scaling form broke down: the log domain takes the same iterations in exact arithmetic
                    records.add(fixpoint(options, name(n, e), p, SINKHORN_LOG, solve(options, SINKHORN_LOG, p, TOLERANCE), "ratio", TOLERANCE,
                            null, List.of()).withFigures(Map.of("standsFor", SINKHORN)));
                    step(options, records);
                }
            }
        }
        List<String> notes = new ArrayList<>();
        String version = potN == 0 ? null : besidePot(options, records, notes);
        return new Result(n, potN, seed, records, version, notes);
    }

    /** Fixpoint's two forms of Sinkhorn and POT's on each problem, judged together; POT's version, or null when it did not run. */
    private String besidePot(SuiteOptions options, List<SolveRecord> records, List<String> notes) {
        Map<String, TransportProblem> problems = new LinkedHashMap<>();
        for (double e : potEps) {
            problems.put(name(potN, e), problem(potN, e, seed + 1));
        }
        PotPeer.Outcome pot = null;
        if (!options.peer(POT, true)) {
            notes.add("POT not run: the peers asked for leave it out (--no-peers)");
        } else {
            List<PotPeer.Case> cases = new ArrayList<>();
            // POT stops on the 2-norm of the target marginal's error (its rows are exact); ‖·‖₁ ≤ √m‖·‖₂ makes that the same test
            problems.forEach((name, p) -> cases.add(new PotPeer.Case(name, p, List.of("sinkhorn", "sinkhorn_log"),
                    PEER_TOLERANCE / Math.sqrt(p.targets()), 1_000_000)));
            options.progress().step("transport: POT on " + cases.size() + " problems");
            try {
                pot = PotPeer.run(cases, options.solveLimit().multipliedBy(2L * cases.size()).plusMinutes(1));
            } catch (PotPeer.Unavailable e) {
                notes.add("POT skipped: " + e.getMessage());
            }
        }
        for (Map.Entry<String, TransportProblem> entry : problems.entrySet()) {
            TransportProblem p = entry.getValue();
            List<Solution> ours = new ArrayList<>();
            List<Judged> judged = new ArrayList<>();
            for (String method : List.of(SINKHORN, SINKHORN_LOG)) {
                Solution s = solve(options, method, p, PEER_TOLERANCE);
                ours.add(s);
                double[] plan = p.plan(s.x());
                judged.add(new Judged(true, s.converged(), plan, cost(p, plan), p.marginalError(s.x()), PEER_TOLERANCE));
            }
            List<PotPeer.Answer> theirs = pot == null ? List.of()
                    : pot.answers().stream().filter(a -> a.name().equals(entry.getKey())).toList();
            for (PotPeer.Answer a : theirs) {
                boolean claimed = a.finite() && a.error() <= PEER_TOLERANCE / Math.sqrt(p.targets());
                judged.add(new Judged(false, claimed, a.plan(), cost(p, a.plan()), marginalError(p, a.plan()), PEER_TOLERANCE));
            }
            for (int k = 0; k < ours.size(); k++) {
                records.add(fixpoint(options, entry.getKey(), p, ours.get(k).solver(), ours.get(k), "pot", PEER_TOLERANCE, judged.get(k), judged));
                step(options, records);
            }
            for (int k = 0; k < theirs.size(); k++) {
                records.add(pot(entry.getKey(), p, theirs.get(k), judged.get(ours.size() + k), judged, options.catalog()));
            }
        }
        return pot == null ? null : pot.version();
    }

    private static void step(SuiteOptions options, List<SolveRecord> records) {
        SolveRecord r = records.get(records.size() - 1);
        options.progress().step(String.format(Locale.ROOT, "transport %s %s: %s, %d iterations, %.1f s", r.problem(), r.method(), r.statusText(),
                r.iterations(), r.seconds()));
    }

    /** One Fixpoint solve to {@code tolerance} under the catalogue's settings otherwise, within the suite's time limit per solve. */
    private static Solution solve(SuiteOptions options, String method, TransportProblem p, double tolerance) {
        SolverSpec<TransportProblem> spec = options.catalog().transport(method);
        Settings settings = spec.defaults().withTolerances(Tolerances.of(tolerance)).withMaxIterations(1_000_000)
                .withTimeLimit(options.solveLimit());
        return spec.solve(p, new double[p.dimension()], settings, SolverContext.SEQUENTIAL);
    }

    private static String name(int points, double e) {
        return "uniform n=" + points + " ε=" + e;
    }

    /**
     * The suite's one judge, the same for both tools: {@code j} is solved when its tool claims convergence, the relative
     * marginal error (‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁)/Σa of the returned plan, recomputed by Fixpoint, is within the tolerance
     * the solve was run to, and the plan agrees ({@link Judged#agrees}) with every plan of the other tool on the same
     * problem that passes the first two tests.
     */
    static boolean judge(Judged j, List<Judged> same) {
        return j.converged() && same.stream().filter(o -> o.fixpoint() != j.fixpoint() && o.converged()).allMatch(j::agrees);
    }

    /** What the judge reads of one solve. */
    record Judged(boolean fixpoint, boolean claimed, double[] plan, double cost, double marginalError, double tolerance) {
        boolean converged() {
            return claimed && marginalError <= tolerance;
        }

        /** The cost to {@link #AGREEMENT} relative and every plan entry to {@link #AGREEMENT}. */
        boolean agrees(Judged o) {
            return costDifference(o) <= AGREEMENT && planDifference(o) <= AGREEMENT;
        }

        double costDifference(Judged o) {
            return Math.abs(cost - o.cost) / Math.abs(o.cost);
        }

        double planDifference(Judged o) {
            if (plan == null || o.plan == null) {
                return Double.NaN;
            }
            double d = 0;
            for (int k = 0; k < plan.length; k++) {
                d = Math.max(d, Math.abs(plan[k] - o.plan[k]));
            }
            return d;
        }

        /** The largest cost and plan differences from the other tool's converged plans (NaN when there is none). */
        Map<String, Object> differences(List<Judged> same) {
            List<Judged> others = same.stream().filter(o -> o.fixpoint != fixpoint && o.converged()).toList();
            Map<String, Object> f = new LinkedHashMap<>();
            f.put("costDifference", others.stream().mapToDouble(this::costDifference).max().orElse(Double.NaN));
            f.put("planDifference", others.stream().mapToDouble(this::planDifference).max().orElse(Double.NaN));
            return f;
        }
    }

    /** A Fixpoint solve as a record: value the transport cost ⟨P, M⟩, optimality the marginal error recomputed from the potentials. */
    private static SolveRecord fixpoint(SuiteOptions options, String problem, TransportProblem p, String method, Solution s, String part,
            double tolerance, Judged judged, List<Judged> same) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("part", part);
        f.put("n", p.sources());
        f.put("eps", p.regularization());
        f.put("tolerance", tolerance);
        Object newton = s.details().get("newtonIterations");
        if (newton != null) {
            f.put("newtonIterations", newton);
        }
        double error = judged == null ? p.marginalError(s.x()) : judged.marginalError();
        boolean solved = judged == null ? judge(new Judged(true, s.converged(), null, Double.NaN, error, tolerance), List.of()) : judge(judged, same);
        if (judged != null) {
            f.putAll(judged.differences(same));
        }
        return SolveRecord.of(SUITE, problem, method, options.catalog().transport(method).family(), s, solved, p.transportCost(s.x()), error,
                s.seconds(), 1, f);
    }

    /** A POT solve as a record, its cost and marginal error recomputed from its plan. */
    private static SolveRecord pot(String problem, TransportProblem p, PotPeer.Answer a, Judged j, List<Judged> same, Catalog catalog) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("part", "pot");
        f.put("n", p.sources());
        f.put("eps", p.regularization());
        f.put("tolerance", j.tolerance());
        f.put("potError", a.error());
        f.putAll(j.differences(same));
        String status = !a.finite() ? "NaN in the plan" : j.claimed() ? "converged" : "not converged";
        String message = a.warnings().isEmpty() ? String.format(Locale.ROOT, "its own error %.2e after %d iterations", a.error(), a.iterations())
                : String.join("; ", a.warnings());
        return new SolveRecord(SUITE, problem, p.dimension(), POT, a.method(), catalog.transport(SINKHORN).family(), SolveRecord.Outcome.RAN,
                null, status, j.claimed(), judge(j, same), message, a.iterations(), Map.of(), j.cost(), j.marginalError(), a.seconds(), 1, null,
                null, f);
    }

    /** ⟨P, M⟩ of a plan over every point; NaN for none. */
    private static double cost(TransportProblem p, double[] plan) {
        if (plan == null) {
            return Double.NaN;
        }
        double c = 0;
        for (int i = 0; i < p.sources(); i++) {
            for (int j = 0; j < p.targets(); j++) {
                c += plan[i * p.targets() + j] * p.cost(i, j);
            }
        }
        return c;
    }

    /** The relative marginal error of a plan; NaN for none. */
    private static double marginalError(TransportProblem p, double[] plan) {
        if (plan == null) {
            return Double.NaN;
        }
        double[] rows = new double[p.sources()];
        double[] columns = new double[p.targets()];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < columns.length; j++) {
                rows[i] += plan[i * columns.length + j];
                columns[j] += plan[i * columns.length + j];
            }
        }
        return p.marginalError(rows, columns);
    }

    // reading the records back

    /** The solves of the claim's table (Sinkhorn's breakdowns left out: the log-domain solve beside each stands for it). */
    public static List<SolveRecord> ratioRuns(List<SolveRecord> records) {
        return records.stream().filter(r -> "ratio".equals(r.figures().get("part")) && !(r.method().equals(SINKHORN) && r.status() == Status.NON_FINITE))
                .toList();
    }

    /** The solves beside POT, both tools. */
    public static List<SolveRecord> potRuns(List<SolveRecord> records) {
        return records.stream().filter(r -> "pot".equals(r.figures().get("part"))).toList();
    }

    public static double eps(SolveRecord r) {
        return r.figure("eps", Double.NaN);
    }

    /** The method a ratio run stands for: Sinkhorn for its log-domain rerun. */
    public static String method(SolveRecord r) {
        Object s = r.figures().get("standsFor");
        return s == null ? r.method() : (String) s;
    }

    /** Newton iterations of an SNS solve, −1 for methods without a Newton phase. */
    public static int newtonIterations(SolveRecord r) {
        return (int) r.figure("newtonIterations", -1);
    }

    /** Sinkhorn's iterations at r's ε over r's: NaN without a Sinkhorn run at that ε. */
    public static double ratio(List<SolveRecord> records, SolveRecord r) {
        SolveRecord ref = reference(records, eps(r));
        return ref == null ? Double.NaN : (double) ref.iterations() / r.iterations();
    }

    /** Whether the ratio is only a lower bound: Sinkhorn did not converge within its budget. */
    public static boolean lowerBound(List<SolveRecord> records, SolveRecord r) {
        SolveRecord ref = reference(records, eps(r));
        return ref != null && ref.status() != Status.CONVERGED;
    }

    private static SolveRecord reference(List<SolveRecord> records, double e) {
        return ratioRuns(records).stream().filter(r -> eps(r) == e && method(r).equals(SINKHORN)).findFirst().orElse(null);
    }

    /** The terminal report: the claim, the ratio table, the solves beside POT, the judge. */
    public static String text(Result r) {
        StringBuilder s = new StringBuilder();
        List<SolveRecord> ratio = ratioRuns(r.records());
        s.append(String.format(Locale.ROOT, "SNS against Sinkhorn: n = %d uniform points in the unit square per side, cost |x - y|^2, "
                + "marginal error to %.0e (seed %d)%n", r.n(), TOLERANCE, r.seed()));
        s.append("Claim: ").append(CLAIM).append("\n\n");
        s.append(String.format(Locale.ROOT, "%-8s %-22s %-16s %8s %7s %9s %9s %11s %10s%n", "eps", "method", "status", "iters", "Newton", "passes",
                "seconds", "iter ratio", "|dcost|"));
        for (SolveRecord row : ratio) {
            SolveRecord ref = reference(r.records(), eps(row));
            s.append(String.format(Locale.ROOT, "%-8s %-22s %-16s %8d %7s %9d %9.2f %11s %10.1e%n", eps(row), row.method(), row.statusText(),
                    row.iterations(), newtonIterations(row) < 0 ? "" : String.valueOf(newtonIterations(row)), row.count("matrixPass"), row.seconds(),
                    (lowerBound(r.records(), row) ? ">" : "") + String.format(Locale.ROOT, "%.1f", ratio(r.records(), row)),
                    ref == null ? Double.NaN : Math.abs(row.value() - ref.value())));
        }
        s.append("iter ratio = Sinkhorn's iterations / the method's (Sinkhorn in the scaling form where it works, in the log domain where "
                + "it breaks down: the same iterations); > marks a lower bound (Sinkhorn did not converge).\n");
        List<SolveRecord> pot = potRuns(r.records());
        if (!pot.isEmpty()) {
            s.append(String.format(Locale.ROOT, "%nBeside POT%s: n = %d (seed %d), both tools to a marginal error of %.0e%n",
                    r.potVersion() == null ? " (not run)" : " " + r.potVersion(), r.potN(), r.seed() + 1, PEER_TOLERANCE));
            s.append(String.format(Locale.ROOT, "%-8s %-9s %-13s %-16s %8s %12s %9s %13s %10s  %s%n", "eps", "tool", "method", "status", "iters",
                    "marg. error", "seconds", "|dcost|/cost", "max |dP|", "solved"));
            for (SolveRecord row : pot) {
                s.append(String.format(Locale.ROOT, "%-8s %-9s %-13s %-16s %8d %12.1e %9.3f %13.1e %10.1e  %s%n", eps(row), row.tool(), row.method(),
                        row.statusText(), row.iterations(), row.optimality(), row.seconds(), row.figure("costDifference", Double.NaN),
                        row.figure("planDifference", Double.NaN), row.solved() ? "yes" : "no"));
            }
        }
        s.append('\n').append(judgeSentence()).append('\n');
        r.notes().forEach(note -> s.append(note).append('\n'));
        return s.toString();
    }

    /** The judge in words, for the terminal and the report. */
    public static String judgeSentence() {
        return String.format(Locale.ROOT, "Solved means: the tool claims convergence, the relative marginal error (|P1 - a|_1 + |P'1 - b|_1)/sum(a) "
                + "of its plan, recomputed by Fixpoint, is within the tolerance of the solve, and on the problems beside POT the plan agrees "
                + "with every converged plan of the other tool: cost to %.0e relative, every entry to %.0e.", AGREEMENT, AGREEMENT);
    }

    /** Iterations against ε for every method, and Sinkhorn's iterations over each method's. */
    public static List<SvgPlot> plots(Result r) {
        List<SolveRecord> ratio = ratioRuns(r.records());
        SvgPlot iterations = new SvgPlot(String.format(Locale.ROOT, "Iterations to marginal error %.0e, n = %d", TOLERANCE, r.n()), "ε (log scale)",
                "iterations", 460, 320, true, true);
        SvgPlot ratios = new SvgPlot("Sinkhorn's iterations / the method's", "ε (log scale)", "iteration ratio", 460, 320, true, true);
        List<String> names = ratio.stream().map(TransportBench::method).distinct().toList();
        for (int k = 0; k < names.size(); k++) {
            String method = names.get(k);
            List<SolveRecord> rows = ratio.stream().filter(x -> method(x).equals(method)).toList();
            double[] x = rows.stream().mapToDouble(TransportBench::eps).toArray();
            iterations.line(x, rows.stream().mapToDouble(SolveRecord::iterations).toArray(), COLORS[k % COLORS.length], "", false, method);
            ratios.line(x, rows.stream().mapToDouble(row -> ratio(r.records(), row)).toArray(), COLORS[k % COLORS.length], "", false, method);
        }
        return List.of(iterations, ratios);
    }
}
