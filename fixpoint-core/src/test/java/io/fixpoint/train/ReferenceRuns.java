package io.fixpoint.train;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.model.Mlp;
import io.fixpoint.solve.Solution;
import java.util.Map;

/** Runs a named optimiser on a {@link ReferenceProblem} and returns the loss of every minibatch before its update. */
final class ReferenceRuns {
    private ReferenceRuns() {
    }

    static double[] losses(ReferenceProblem p, Map<String, String> run) {
        String name = run.get("optimizer");
        Optimizer optimizer = Catalog.builtIn().optimizer(name);
        Optimizers.Settings d = optimizer.defaults(p.seed);
        Optimizers.Settings s = new Optimizers.Settings(Schedules.constant(Double.parseDouble(run.get("lr"))),
                Double.parseDouble(run.getOrDefault("weight_decay", Double.toString(d.weightDecay()))),
                Double.parseDouble(run.getOrDefault("momentum", Double.toString(d.momentum()))),
                Boolean.parseBoolean(run.getOrDefault("nesterov", "false")), p.seed);
        Mlp model = p.model();
        MinibatchSolver solver = new MinibatchSolver(name, optimizer.create(s), p.batchSize, p.seed);
        Solution sol = Catalog.builtIn().training(name).defaults().withMaxIterations(p.steps - 1).driver().solve(solver, model, p.w0);
        return sol.trace().values();
    }

    /** The largest |a − b| / |b|. */
    static double maxRelative(double[] a, double[] b) {
        double worst = 0;
        for (int i = 0; i < b.length; i++) {
            worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.abs(b[i]));
        }
        return worst;
    }
}
