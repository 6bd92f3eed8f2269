package io.fixpoint.bench.mdp;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.report.SvgPlot;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.mdp.Garnet;
import io.fixpoint.mdp.Gridworld;
import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.problem.MarkovDecisionProcess.Transition;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Tolerances;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoubleFunction;

/**
 * The decision-process benchmark. Its claim is Lee and Ryu's (NeurIPS 2023): anchored value iteration reduces the
 * Bellman error at an O(1/k) rate even as γ → 1, where value iteration's guarantee is O(1) for k ≲ 1/(1 − γ). VI and
 * Anc-VI run from v = 0 for a fixed number of iterations at γ = 0.99, 0.999 and 1 − 10⁻⁴ on two processes: a Garnet
 * (random, fast-mixing) and a deterministic 7-cycle with rewards +1 and −1 (periodic: VI's worst case); the Bellman
 * error of every iterate is recorded, beside the paper's bound. A second table runs every method to the catalogue's
 * tolerance on a Garnet and a gridworld. Every solve is judged by {@link #judge}.
 */
public final class MdpBench {
    public static final String SUITE = "mdp";
    /** The claim, in the paper's words. */
    public static final String CLAIM = "Lee and Ryu, NeurIPS 2023: Anc-VI exhibits an O(1/k) rate for γ ≈ 1 or even γ = 1, "
            + "while standard VI has rate O(1) for γ ≥ 1 − 1/k";
    /** The Bellman residual every solve is judged against (the catalogue's default). */
    public static final double TOLERANCE = 1e-8;
    public static final double[] GAMMAS = {0.99, 0.999, 1 - 1e-4};
    public static final int[] MARKS = {1, 10, 100, 1000, 10_000, 100_000};
    static final String VI = "value-iteration";
    static final String ANCHORED = "anchored-vi";
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c"};

    private final int horizon;
    private final int size;

    /**
     * @param horizon iterations of VI and Anc-VI per curve
     * @param size    N of the N×N gridworld in the method table; its Garnet has 10·N states
     */
    public MdpBench(int horizon, int size) {
        this.horizon = horizon;
        this.size = size;
    }

    /** 10⁴ iterations per curve and a 20×20 gridworld; {@code full}: 10⁵ iterations. */
    public static MdpBench standard(boolean full) {
        return new MdpBench(full ? 100_000 : 10_000, 20);
    }

    /** The deterministic k-cycle s → s + 1 with reward +1 leaving state 0 and −1 leaving state 1. */
    public static MarkovDecisionProcess cycle(int k, double gamma) {
        List<Transition> rows = new ArrayList<>();
        for (int s = 0; s < k; s++) {
            rows.add(new Transition(s, 0, (s + 1) % k, 1, s == 0 ? 1 : s == 1 ? -1 : 0));
        }
        return MarkovDecisionProcess.of(rows, gamma);
    }

    /** Every solve, judged: the curves first, then the method table. */
    public record Result(int horizon, List<SolveRecord> records) {
    }

    public Result run(SuiteOptions options) {
        List<SolveRecord> records = new ArrayList<>();
        Map<String, DoubleFunction<MarkovDecisionProcess>> curves = new LinkedHashMap<>();
        curves.put("garnet(100,4,5)", g -> Garnet.generate(100, 4, 5, 1, g));
        curves.put("7-cycle", g -> cycle(7, g));
        List<String> curveMethods = options.chosenMethods(List.of(VI, ANCHORED));
        for (Map.Entry<String, DoubleFunction<MarkovDecisionProcess>> e : curves.entrySet()) {
            for (double gamma : GAMMAS) {
                if (curveMethods.isEmpty()) {
                    continue;
                }
                MarkovDecisionProcess p = e.getValue().apply(gamma);
                Reference ref = Reference.of(p, options.catalog());
                for (String method : curveMethods) {
                    SolverSpec<MarkovDecisionProcess> spec = options.catalog().mdp(method);
                    Settings fixed = spec.defaults().withTolerances(Tolerances.of(0)).withMaxIterations(horizon).withoutStallRule()
                            .withTimeLimit(options.solveLimit());
                    Solution s = spec.solve(p, new double[p.dimension()], fixed, SolverContext.SEQUENTIAL);
                    records.add(solveRecord(options, e.getKey(), "curve", p, ref, method, s).withFigures(Map.of("distance", ref.distance())));
                    step(options, records);
                }
            }
        }
        List<Map.Entry<String, MarkovDecisionProcess>> table = List.of(
                Map.entry("garnet(" + 10 * size + ",4,5)", Garnet.generate(10 * size, 4, 5, 2, 0.99)),
                Map.entry("gridworld(" + size + ")", Gridworld.build(size, 0.99)),
                Map.entry("gridworld(" + size + ")", Gridworld.build(size, 0.999)),
                Map.entry("gridworld(" + size + ")", Gridworld.build(size, 0.5).withAverageReward()));
        for (Map.Entry<String, MarkovDecisionProcess> e : table) {
            MarkovDecisionProcess p = e.getValue();
            Reference ref = Reference.of(p, options.catalog());
            for (String method : options.chosenMethods(options.catalog().names(ProblemKind.MDP))) {
                SolverSpec<MarkovDecisionProcess> spec = options.catalog().mdp(method);
                Solution s;
                try {
                    s = spec.solve(p, new double[p.dimension()], spec.defaults().withTimeLimit(options.solveLimit()), SolverContext.SEQUENTIAL);
                } catch (IllegalArgumentException unsupported) {
                    records.add(SolveRecord.failed(SUITE, name(e.getKey(), p), p.dimension(), method, spec.family(),
                            SolveRecord.Outcome.NOT_APPLICABLE, unsupported.getMessage()).withFigures(figures(e.getKey(), "table", p)));
                    continue;
                }
                records.add(solveRecord(options, e.getKey(), "table", p, ref, method, s));
                step(options, records);
            }
        }
        return new Result(horizon, records);
    }

    private static void step(SuiteOptions options, List<SolveRecord> records) {
        SolveRecord r = records.get(records.size() - 1);
        options.progress().step(String.format(Locale.ROOT, "mdp %s %s: %s, Bellman residual %.2e after %d iterations", r.problem(), r.method(),
                r.statusText(), r.optimality(), r.iterations()));
    }

    /** The problem's name in the records: the process and its criterion. */
    private static String name(String process, MarkovDecisionProcess p) {
        return process + (p.isAverageReward() ? " average reward" : " γ=" + p.discount());
    }

    private static Map<String, Object> figures(String process, String part, MarkovDecisionProcess p) {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("part", part);
        f.put("process", process);
        f.put("criterion", p.isAverageReward() ? "average-reward" : "discounted");
        if (!p.isAverageReward()) {
            f.put("gamma", p.discount());
        }
        return f;
    }

    private static SolveRecord solveRecord(SuiteOptions options, String process, String part, MarkovDecisionProcess p, Reference ref, String method,
            Solution s) {
        Verdict v = judge(p, s.x(), ref);
        Map<String, Object> f = figures(process, part, p);
        if (!p.isAverageReward()) {
            f.put("valueError", v.valueError());
            f.put("bound", v.bound());
        }
        return SolveRecord.of(SUITE, name(process, p), method, options.catalog().mdp(method).family(), s, v.solved(), s.value(), v.residual(),
                s.seconds(), 1, f);
    }

    /**
     * The judge's reference: policy iteration's last values — an exact sparse-LU solve of its policy's equations — with
     * their own Bellman residual δ*, recomputed here, which bounds how far they may be from the optimum.
     */
    record Reference(double[] values, double residual, double gainLower, double gainUpper) {
        static Reference of(MarkovDecisionProcess p, Catalog catalog) {
            SolverSpec<MarkovDecisionProcess> pi = catalog.mdp("policy-iteration");
            // tolerance 0: it runs until its policy repeats, and its values are then exact to rounding
            Solution s = pi.solve(p, new double[p.dimension()], pi.defaults().withTolerances(Tolerances.of(0)).withMaxIterations(10_000),
                    SolverContext.SEQUENTIAL);
            double[] d = differences(p, s.x());
            return new Reference(s.x(), MdpBench.residual(p, d), min(d), max(d));
        }

        /** ‖v*‖∞: the distance of the start v₀ = 0 from the reference. */
        double distance() {
            return max(abs(values));
        }
    }

    /** What the judge found: the recomputed residual, ‖v − v*‖∞ and the bound it must meet (NaN under average reward). */
    record Verdict(boolean solved, double residual, double valueError, double bound) {
    }

    /**
     * The suite's one judge: the values are solved when their Bellman residual, recomputed here by one sweep of T in
     * double precision, is at most {@link #TOLERANCE}, and they agree with the reference's exact policy solve within what
     * the two certificates allow — discounted: ‖v − v*‖∞ ≤ (‖Tv − v‖∞ + δ*)/(1 − γ); average reward: the gain intervals
     * [min(Tv − v), max(Tv − v)] of both contain the optimal gain, so they must meet.
     */
    static Verdict judge(MarkovDecisionProcess p, double[] v, Reference ref) {
        double[] d = differences(p, v);
        double residual = residual(p, d);
        if (p.isAverageReward()) {
            boolean meets = min(d) <= ref.gainUpper() && ref.gainLower() <= max(d);
            return new Verdict(residual <= TOLERANCE && meets, residual, Double.NaN, Double.NaN);
        }
        double error = 0;
        for (int s = 0; s < v.length; s++) {
            error = Math.max(error, Math.abs(v[s] - ref.values()[s]));
        }
        // the bound itself is computed in floating point: a few ulps of the values' size
        double bound = (residual + ref.residual()) / (1 - p.discount()) + 1e-12 * (1 + ref.distance());
        return new Verdict(residual <= TOLERANCE && error <= bound, residual, error, bound);
    }

    /** Tv − v by one uncounted sweep. */
    private static double[] differences(MarkovDecisionProcess p, double[] v) {
        double[] tv = new double[v.length];
        p.bellman(v, tv, null);
        for (int s = 0; s < v.length; s++) {
            tv[s] -= v[s];
        }
        return tv;
    }

    private static double residual(MarkovDecisionProcess p, double[] d) {
        return p.isAverageReward() ? max(d) - min(d) : max(abs(d));
    }

    private static double[] abs(double[] d) {
        return java.util.Arrays.stream(d).map(Math::abs).toArray();
    }

    private static double min(double[] d) {
        return java.util.Arrays.stream(d).min().orElse(Double.NaN);
    }

    private static double max(double[] d) {
        return java.util.Arrays.stream(d).max().orElse(Double.NaN);
    }

    // reading the records back

    public static List<SolveRecord> curves(List<SolveRecord> records) {
        return records.stream().filter(r -> "curve".equals(r.figures().get("part"))).toList();
    }

    public static List<SolveRecord> table(List<SolveRecord> records) {
        return records.stream().filter(r -> "table".equals(r.figures().get("part"))).toList();
    }

    public static String process(SolveRecord r) {
        return (String) r.figures().get("process");
    }

    public static double gamma(SolveRecord r) {
        return r.figure("gamma", Double.NaN);
    }

    /** The Bellman error after k iterations; a curve that reached zero exactly (and so stopped) stays there. */
    public static double at(SolveRecord curve, int k) {
        double[] e = curve.history();
        return e[Math.min(k, e.length - 1)];
    }

    /** Lee and Ryu's bound (γ⁻¹ − γ)(1 + 2γ − γ^{k+1}) / (γ^{−(k+1)} − γ^{k+1}) · ‖v₀ − v*‖∞ on Anc-VI's Bellman error. */
    public static double anchoredBound(double gamma, int k, double distance) {
        return (1 / gamma - gamma) * (1 + 2 * gamma - Math.pow(gamma, k + 1)) / (Math.pow(gamma, -(k + 1)) - Math.pow(gamma, k + 1)) * distance;
    }

    /** Whether an Anc-VI curve kept within the paper's bound at every iterate, up to the rounding of the values (10⁻¹²·(1 + ‖v*‖∞)). */
    public static boolean withinBound(SolveRecord curve) {
        double distance = curve.figure("distance", Double.NaN);
        double[] e = curve.history();
        for (int k = 1; k < e.length; k++) {
            if (e[k] > anchoredBound(gamma(curve), k, distance) + 1e-12 * (1 + distance)) {
                return false;
            }
        }
        return true;
    }

    /** The marks a run of {@code horizon} iterations reaches. */
    public static List<Integer> marks(int horizon) {
        return java.util.Arrays.stream(MARKS).filter(k -> k <= horizon).boxed().toList();
    }

    public static String text(Result r) {
        StringBuilder s = new StringBuilder();
        s.append("Bellman error ‖T v_k − v_k‖∞ of value iteration and anchored value iteration from v_0 = 0\n");
        s.append("Claim: ").append(CLAIM).append("\n\n");
        s.append(String.format(Locale.ROOT, "%-16s %-9s %-16s", "process", "γ", "method"));
        marks(r.horizon()).forEach(k -> s.append(String.format(Locale.ROOT, " %10s", "k=" + k)));
        s.append('\n');
        for (SolveRecord c : curves(r.records())) {
            s.append(String.format(Locale.ROOT, "%-16s %-9s %-16s", process(c), gamma(c), c.method()));
            marks(r.horizon()).forEach(k -> s.append(String.format(Locale.ROOT, " %10.2e", at(c, k))));
            s.append('\n');
            if (c.method().equals(ANCHORED)) {
                double distance = c.figure("distance", Double.NaN);
                s.append(String.format(Locale.ROOT, "%-16s %-9s %-16s", "", "", "  paper's bound"));
                marks(r.horizon()).forEach(k -> s.append(String.format(Locale.ROOT, " %10.2e", anchoredBound(gamma(c), k, distance))));
                s.append(String.format(Locale.ROOT, "   (‖v_0 − v*‖∞ = %.3g)%n", distance));
            }
        }
        s.append(String.format(Locale.ROOT, "%nEvery method to a Bellman residual of %.0e (sweeps: T over all states; policy sweeps: T_π; solves: sparse "
                + "LU of a policy's equations)%n", TOLERANCE));
        s.append(String.format(Locale.ROOT, "%-32s %-26s %-15s %8s %8s %13s %7s %9s %10s %10s  %s%n", "process", "method", "status", "iters", "sweeps",
                "policy sweeps", "solves", "seconds", "residual", "|v - v*|", "solved"));
        for (SolveRecord m : table(r.records())) {
            s.append(String.format(Locale.ROOT, "%-32s %-26s %-15s %8d %8d %13d %7d %9.3f %10.2e %10.2e  %s%n", m.problem(), m.method(), m.statusText(),
                    m.iterations(), m.count("bellman"), m.count("policyBellman"), m.count("policySolve"), m.seconds(), m.optimality(),
                    m.figure("valueError", Double.NaN), m.solved() ? "yes" : "no"));
        }
        s.append('\n').append(judgeSentence()).append('\n');
        return s.toString();
    }

    /** The judge in words, for the terminal and the report. */
    public static String judgeSentence() {
        return String.format(Locale.ROOT, "Solved means: the Bellman residual of the returned values, recomputed by one sweep, is at most %.0e, and "
                + "the values lie within the certificates' bound of an exact policy solve (policy iteration's sparse LU): |v - v*|_inf <= "
                + "(|Tv - v|_inf + |Tv* - v*|_inf)/(1 - γ); under average reward the two gain intervals meet. The curves run a fixed number of "
                + "iterations and are judged the same way.", TOLERANCE);
    }

    /** One panel per process: Bellman error against k, VI dashed and Anc-VI solid, a colour per γ. */
    public static List<SvgPlot> plots(Result r) {
        List<SvgPlot> panels = new ArrayList<>();
        List<SolveRecord> curves = curves(r.records());
        for (String process : curves.stream().map(MdpBench::process).distinct().toList()) {
            SvgPlot plot = new SvgPlot(process + ": Bellman error from v₀ = 0", "iteration k (log scale)", "‖T v_k − v_k‖∞", 460, 340, true, true);
            List<SolveRecord> ordered = curves.stream().filter(c -> process(c).equals(process))
                    .sorted(Comparator.comparing(SolveRecord::method).reversed()).toList();
            for (SolveRecord c : ordered) {
                double[] errors = c.history();
                double[] k = new double[errors.length - 1];
                double[] e = new double[k.length];
                for (int i = 0; i < k.length; i++) {
                    k[i] = i + 1;
                    e[i] = errors[i + 1];
                }
                boolean anchored = c.method().equals(ANCHORED);
                plot.line(thin(k), thin(e), COLORS[indexOf(gamma(c)) % COLORS.length], anchored ? "" : "6,4", false,
                        (anchored ? "Anc-VI" : "VI") + " γ = " + gamma(c));
            }
            panels.add(plot.yRange(1e-12, 1e2));
        }
        return panels;
    }

    private static int indexOf(double gamma) {
        for (int i = 0; i < GAMMAS.length; i++) {
            if (GAMMAS[i] == gamma) {
                return i;
            }
        }
        return 0;
    }

    /** About 400 points spread evenly in log k: the curve's shape without 10⁵ vertices. */
    private static double[] thin(double[] v) {
        List<Double> out = new ArrayList<>();
        int last = -1;
        for (int j = 0; j <= 400; j++) {
            int i = (int) Math.round(Math.pow(v.length, j / 400.0)) - 1;
            if (i > last && i < v.length) {
                out.add(v[i]);
                last = i;
            }
        }
        return out.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
