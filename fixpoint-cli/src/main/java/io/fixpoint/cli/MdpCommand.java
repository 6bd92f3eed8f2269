package io.fixpoint.cli;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.mdp.Garnet;
import io.fixpoint.mdp.Gridworld;
import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.problem.MarkovDecisionProcess.Transition;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.io.PrintWriter;
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

/** {@code fixpoint mdp}: optimal values and policy of a finite Markov decision process. */
@Command(name = "mdp", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Optimal values and policy of a finite Markov decision process that maximises the expected discounted "
                + "reward (or, with --average-reward, the reward per step).",
                "Input: a CSV of transitions with header s,a,next,p,r (states and actions numbered from 0; the probability "
                        + "of going from s to next under a, and the reward of that transition), or a built-in process.",
                "The certificate is the Bellman residual |Tv - v|_inf (its span under the average-reward criterion).",
                "--tol bounds the Bellman residual (default 1e-8); --time-limit ends a long solve BUDGET_EXHAUSTED at its last iterate.",
                "Exit code 0 converged, 1 not converged, 2 bad input."})
final class MdpCommand implements Callable<Integer> {
    private static final int SHOWN_STATES = 20;

    @Spec
    CommandSpec spec;

    @Option(names = "--file", paramLabel = "M.csv", description = "transitions, header s,a,next,p,r")
    Path file;

    @Option(names = "--garnet", paramLabel = "S,A,B", description = "a random Garnet process: S states, A actions, B successors per pair")
    String garnet;

    @Option(names = "--seed", defaultValue = "0", description = "seed of --garnet (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--gridworld", paramLabel = "N", description = "the built-in slippery N x N gridworld")
    Integer gridworld;

    @Option(names = "--discount", paramLabel = "GAMMA", description = "discount in [0, 1) (default 0.99)")
    Double discount;

    @Option(names = "--average-reward", description = "maximise the reward per step instead (relative values, v(0) = 0)")
    boolean averageReward;

    @Option(names = "--method", defaultValue = "policy-iteration", paramLabel = "NAME", completionCandidates = MethodNames.Mdp.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String method;

    @Mixin
    DriverOptions driver;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Override
    public Integer call() {
        SolverSpec<MarkovDecisionProcess> solver = Catalog.builtIn().mdp(method);
        Settings settings = driver.over(solver.defaults());
        MarkovDecisionProcess p = problem();
        PrintWriter err = spec.commandLine().getErr();
        Solution s = DriverOptions.solve(spec, solver.create(), settings, p, new double[p.dimension()], "Bellman residual");
        int[] policy = (int[]) s.details().get("policy");
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", s.status().name());
            m.put("values", s.x());
            m.put("policy", policy);
            m.put("bellmanResidual", Json.finiteOrString(s.optimality()));
            m.put("iterations", s.iterations());
            m.put("method", s.solver());
            m.put("message", s.message());
            m.put("states", p.states());
            m.put("criterion", p.isAverageReward() ? "average-reward" : "discounted");
            if (p.isAverageReward()) {
                m.put("gain", s.details().get("gain"));
            } else {
                m.put("discount", p.discount());
                m.put("valueErrorBound", s.details().get("valueErrorBound"));
            }
            m.put("evaluations", s.evaluations().byName());
            m.put("seconds", s.seconds());
            out.println(Json.write(m));
        } else {
            out.println(s.status() + ": " + s.message());
            if (p.isAverageReward()) {
                out.printf(Locale.ROOT, "%d states, average reward: gain %.12g (between %.12g and %.12g), span of Tv - v %.3e%n", p.states(),
                        (double) s.details().get("gain"), (double) s.details().get("gainLower"), (double) s.details().get("gainUpper"), s.optimality());
            } else {
                out.printf(Locale.ROOT, "%d states, discount %s: Bellman residual %.3e, so |v - v*|_inf <= %.3e%n", p.states(), p.discount(),
                        s.optimality(), (double) s.details().get("valueErrorBound"));
            }
            out.printf(Locale.ROOT, "%d iterations, evaluations %s (%s, %.3f s)%n", s.iterations(), s.evaluations(), s.solver(), s.seconds());
            out.println("state  value  action");
            for (int i = 0; i < Math.min(p.states(), SHOWN_STATES); i++) {
                out.printf(Locale.ROOT, "%5d  %.12g  %d%n", i, s.x()[i], policy[i]);
            }
            if (p.states() > SHOWN_STATES) {
                out.println("... " + (p.states() - SHOWN_STATES) + " more states (--json prints all)");
            }
        }
        out.flush();
        return ExitCodes.written(out, err, s.converged() ? ExitCodes.OK : ExitCodes.FAILURE);
    }

    private MarkovDecisionProcess problem() {
        int sources = (file != null ? 1 : 0) + (garnet != null ? 1 : 0) + (gridworld != null ? 1 : 0);
        if (sources != 1) {
            throw new UserError("give exactly one of --file M.csv, --garnet S,A,B or --gridworld N");
        }
        if (averageReward && discount != null) {
            throw new UserError("--average-reward and --discount exclude each other");
        }
        double gamma = discount == null ? 0.99 : discount;
        if (!(gamma >= 0 && gamma < 1)) {
            throw new UserError("--discount must lie in [0, 1), got " + gamma + " (use --average-reward for the reward per step)");
        }
        MarkovDecisionProcess p;
        if (file != null) {
            p = MarkovDecisionProcess.of(transitions(CsvTable.read(file)), gamma);
        } else if (garnet != null) {
            String[] parts = garnet.split(",");
            if (parts.length != 3) {
                throw new UserError("--garnet wants S,A,B (states, actions, successors per pair), got '" + garnet + "'");
            }
            int[] sab = new int[3];
            for (int k = 0; k < 3; k++) {
                try {
                    sab[k] = Integer.parseInt(parts[k].strip());
                } catch (NumberFormatException e) {
                    throw new UserError("--garnet wants three integers S,A,B, got '" + garnet + "'");
                }
            }
            p = Garnet.generate(sab[0], sab[1], sab[2], seed, gamma);
        } else {
            p = Gridworld.build(gridworld, gamma);
        }
        return averageReward ? p.withAverageReward() : p;
    }

    private List<Transition> transitions(CsvTable t) {
        double[] s = t.column("s");
        double[] a = t.column("a");
        double[] next = t.column("next");
        double[] prob = t.column("p");
        double[] r = t.column("r");
        List<Transition> rows = new ArrayList<>(s.length);
        for (int i = 0; i < s.length; i++) {
            rows.add(new Transition(index(s[i], "s", i), index(a[i], "a", i), index(next[i], "next", i), prob[i], r[i]));
        }
        return rows;
    }

    private int index(double v, String column, int row) {
        if (!(v >= 0 && v <= Integer.MAX_VALUE && v == Math.rint(v))) {
            throw new UserError(file + ": data row " + (row + 1) + ", column '" + column + "': " + v
                    + " is not an index (states and actions are integers from 0)");
        }
        return (int) v;
    }
}
