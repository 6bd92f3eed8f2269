package io.fixpoint.bench.mdp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fixpoint.bench.report.SvgPlot;
import io.fixpoint.mdp.Garnet;
import io.fixpoint.mdp.Gridworld;
import io.fixpoint.mdp.MdpSolvers;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.problem.MarkovDecisionProcess.Transition;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * error of every iterate is recorded, beside the paper's bound (with ‖v₀ − v*‖∞ from policy iteration). A second table
 * runs every method to a Bellman residual of 10⁻⁸ on a Garnet and a gridworld.
 */
public final class MdpBench {
    /** The claim, in the paper's words. */
    public static final String CLAIM = "Lee and Ryu, NeurIPS 2023: Anc-VI exhibits an O(1/k) rate for γ ≈ 1 or even γ = 1, "
            + "while standard VI has rate O(1) for γ ≥ 1 − 1/k";
    static final double[] GAMMAS = {0.99, 0.999, 1 - 1e-4};
    static final int[] MARKS = {1, 10, 100, 1000, 10_000, 100_000};
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The Bellman error after each of k = 0..horizon iterations, and ‖v₀ − v*‖∞. */
    public record Curve(String problem, double gamma, String method, double[] errors, double distance) {
    }

    /** One method run to the tolerance. */
    public record MethodRow(String problem, double gamma, String method, String status, int iterations, long bellman, long policyBellman,
            long policySolves, double seconds, double residual) {
    }

    /** Everything one run measured. */
    public record Result(int horizon, List<Curve> curves, List<MethodRow> methods) {
    }

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

    public Result run(PrintStream progress) {
        Map<String, DoubleFunction<MarkovDecisionProcess>> problems = new LinkedHashMap<>();
        problems.put("garnet(100,4,5)", g -> Garnet.generate(100, 4, 5, 1, g));
        problems.put("7-cycle", g -> cycle(7, g));
        List<Curve> curves = new ArrayList<>();
        Driver fixed = Driver.builder().tolerance(0).maxIterations(horizon).stallIterations(horizon + 1).build();
        for (Map.Entry<String, DoubleFunction<MarkovDecisionProcess>> e : problems.entrySet()) {
            for (double gamma : GAMMAS) {
                MarkovDecisionProcess p = e.getValue().apply(gamma);
                double distance = 0;
                for (double v : Driver.builder().tolerance(1e-12).maxIterations(1000).build()
                        .solve(MdpSolvers.byName("policy-iteration"), p, new double[p.dimension()]).x()) {
                    distance = Math.max(distance, Math.abs(v));
                }
                for (String method : List.of("value-iteration", "anchored-vi")) {
                    Solution s = fixed.solve(MdpSolvers.byName(method), p, new double[p.dimension()]);
                    curves.add(new Curve(e.getKey(), gamma, s.solver(), s.trace().optimality(), distance));
                    progress.printf(Locale.ROOT, "mdp %s γ=%s %s: Bellman error %.3e after %d iterations%n", e.getKey(), gamma, s.solver(),
                            s.optimality(), s.iterations());
                }
            }
        }
        List<MethodRow> methods = new ArrayList<>();
        Map<String, MarkovDecisionProcess> table = new LinkedHashMap<>();
        table.put("garnet(" + 10 * size + ",4,5) γ=0.99", Garnet.generate(10 * size, 4, 5, 2, 0.99));
        table.put("gridworld(" + size + ") γ=0.99", Gridworld.build(size, 0.99));
        table.put("gridworld(" + size + ") γ=0.999", Gridworld.build(size, 0.999));
        table.put("gridworld(" + size + ") average", Gridworld.build(size, 0.5).withAverageReward());
        Driver tolerance = Driver.builder().tolerance(1e-8).maxIterations(1_000_000).build();
        for (Map.Entry<String, MarkovDecisionProcess> e : table.entrySet()) {
            MarkovDecisionProcess p = e.getValue();
            for (String method : MdpSolvers.names()) {
                Solution s;
                try {
                    s = tolerance.solve(MdpSolvers.byName(method), p, new double[p.dimension()]);
                } catch (IllegalArgumentException unsupported) {
                    continue;
                }
                methods.add(new MethodRow(e.getKey(), p.discount(), method, s.status().name(), s.iterations(), s.evaluations().get(Evaluation.BELLMAN),
                        s.evaluations().get(Evaluation.POLICY_BELLMAN), s.evaluations().get(Evaluation.POLICY_SOLVE), s.seconds(), s.optimality()));
                progress.printf(Locale.ROOT, "mdp %s %s: %s, %d iterations%n", e.getKey(), method, s.status(), s.iterations());
            }
        }
        return new Result(horizon, curves, methods);
    }

    /** Lee and Ryu's bound (γ⁻¹ − γ)(1 + 2γ − γ^{k+1}) / (γ^{−(k+1)} − γ^{k+1}) · ‖v₀ − v*‖∞ on Anc-VI's Bellman error. */
    public static double anchoredBound(double gamma, int k, double distance) {
        return (1 / gamma - gamma) * (1 + 2 * gamma - Math.pow(gamma, k + 1)) / (Math.pow(gamma, -(k + 1)) - Math.pow(gamma, k + 1)) * distance;
    }

    /** The error after k iterations; a curve that reached zero exactly (and so stopped) stays there. */
    private static double at(double[] errors, int k) {
        return errors[Math.min(k, errors.length - 1)];
    }

    public static String text(Result r) {
        StringBuilder s = new StringBuilder();
        s.append("Bellman error ‖T v_k − v_k‖∞ of value iteration and anchored value iteration from v_0 = 0\n");
        s.append("Claim: ").append(CLAIM).append("\n\n");
        s.append(String.format(Locale.ROOT, "%-16s %-9s %-16s", "process", "γ", "method"));
        for (int k : MARKS) {
            if (k <= r.horizon()) {
                s.append(String.format(Locale.ROOT, " %10s", "k=" + k));
            }
        }
        s.append('\n');
        for (Curve c : r.curves()) {
            s.append(String.format(Locale.ROOT, "%-16s %-9s %-16s", c.problem(), c.gamma(), c.method()));
            for (int k : MARKS) {
                if (k <= r.horizon()) {
                    s.append(String.format(Locale.ROOT, " %10.2e", at(c.errors(), k)));
                }
            }
            s.append('\n');
            if (c.method().equals("anchored-vi")) {
                s.append(String.format(Locale.ROOT, "%-16s %-9s %-16s", "", "", "  paper's bound"));
                for (int k : MARKS) {
                    if (k <= r.horizon()) {
                        s.append(String.format(Locale.ROOT, " %10.2e", anchoredBound(c.gamma(), k, c.distance())));
                    }
                }
                s.append(String.format(Locale.ROOT, "   (‖v_0 − v*‖∞ = %.3g)%n", c.distance()));
            }
        }
        s.append("\nEvery method to a Bellman residual of 1e-8 (sweeps: T over all states; policy sweeps: T_π; solves: sparse LU of a policy's equations)\n");
        s.append(String.format(Locale.ROOT, "%-24s %-26s %-15s %9s %9s %13s %7s %9s %10s%n", "process", "method", "status", "iters", "sweeps",
                "policy sweeps", "solves", "seconds", "residual"));
        for (MethodRow m : r.methods()) {
            s.append(String.format(Locale.ROOT, "%-24s %-26s %-15s %9d %9d %13d %7d %9.3f %10.2e%n", m.problem(), m.method(), m.status(), m.iterations(),
                    m.bellman(), m.policyBellman(), m.policySolves(), m.seconds(), m.residual()));
        }
        return s.toString();
    }

    public static String json(Result r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("claim", CLAIM);
        m.put("horizon", r.horizon());
        List<Map<String, Object>> curves = new ArrayList<>();
        for (Curve c : r.curves()) {
            Map<String, Object> cm = new LinkedHashMap<>();
            cm.put("problem", c.problem());
            cm.put("gamma", c.gamma());
            cm.put("method", c.method());
            cm.put("distance", c.distance());
            Map<String, Double> at = new LinkedHashMap<>();
            for (int k : MARKS) {
                if (k <= r.horizon()) {
                    at.put(String.valueOf(k), at(c.errors(), k));
                }
            }
            cm.put("bellmanError", at);
            curves.add(cm);
        }
        m.put("curves", curves);
        m.put("methods", r.methods());
        try {
            return JSON.writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One panel per process: Bellman error against k, VI dashed and Anc-VI solid, a colour per γ. */
    public static String svg(Result r) {
        String[] colors = {"#1f77b4", "#d62728", "#2ca02c"};
        List<SvgPlot> panels = new ArrayList<>();
        for (String problem : r.curves().stream().map(Curve::problem).distinct().toList()) {
            SvgPlot plot = new SvgPlot(problem + ": Bellman error from v₀ = 0", "iteration k (log scale)", "‖T v_k − v_k‖∞", 460, 340, true, true);
            List<Curve> ordered = r.curves().stream().filter(c -> c.problem().equals(problem))
                    .sorted(java.util.Comparator.comparing(Curve::method).reversed()).toList();
            for (Curve c : ordered) {
                int g = indexOf(c.gamma());
                double[] k = new double[c.errors().length - 1];
                double[] e = new double[k.length];
                for (int i = 0; i < k.length; i++) {
                    k[i] = i + 1;
                    e[i] = c.errors()[i + 1];
                }
                boolean anchored = c.method().equals("anchored-vi");
                plot.line(thin(k), thin(e), colors[g % colors.length], anchored ? "" : "6,4", false,
                        (anchored ? "Anc-VI" : "VI") + " γ = " + c.gamma());
            }
            panels.add(plot.yRange(1e-12, 1e2));
        }
        return SvgPlot.standalone(panels);
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

    /** mdp-bench.txt, mdp-bench.json and mdp-bellman.svg in {@code dir}. */
    public static void writeReport(Result r, Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("mdp-bench.txt"), text(r));
        Files.writeString(dir.resolve("mdp-bench.json"), json(r));
        Files.writeString(dir.resolve("mdp-bellman.svg"), svg(r));
    }
}
