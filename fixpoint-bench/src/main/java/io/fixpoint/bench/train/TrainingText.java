package io.fixpoint.bench.train;

import io.fixpoint.bench.train.TrainingBench.Claim;
import io.fixpoint.bench.train.TrainingBench.Result;
import io.fixpoint.bench.train.TrainingBench.Row;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The text report of the training suite. */
final class TrainingText {
    private TrainingText() {
    }

    static String of(Result r) {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "Training suite: %d workloads × %d optimisers × learning rate ×{%s}; warm-up 5%% + cosine decay "
                + "(Schedule-Free: warm-up + constant); single thread, seed 0%n", r.workloads().size(), r.settings().optimizers().size(),
                Arrays.stream(r.settings().multipliers()).mapToObj(m -> String.format(Locale.ROOT, "%.3g", m)).collect(Collectors.joining(", "))));
        for (Workload w : r.workloads()) {
            b.append(String.format(Locale.ROOT, "%n%s: %s%n  batch %d, %d steps, held-out loss every %d steps, target %s%n", w.name(),
                    w.setup().get().description(), w.batch(), w.steps(), w.evalEvery(), TrainingBench.fmt(w.target())));
            b.append(String.format(Locale.ROOT, "  %-19s %9s %11s %9s %11s %9s %8s %7s%n", "optimizer", "best lr", "steps→tgt", "s→tgt",
                    "final loss", "accuracy", "train s", "state"));
            for (String opt : r.settings().optimizers()) {
                Row best = Claims.best(r.rows(), w.name(), opt);
                if (best == null) {
                    Row any = r.rows().stream().filter(x -> x.workload().equals(w.name()) && x.optimizer().equals(opt)).findFirst().orElse(null);
                    b.append(String.format(Locale.ROOT, "  %-19s %s%n", opt, any == null ? "not run" : any.status()));
                    continue;
                }
                b.append(String.format(Locale.ROOT, "  %-19s %9.3g %11s %9s %11s %9s %8.2f %7s%n", opt, best.learningRate(),
                        best.reached() ? Integer.toString(best.stepsToTarget()) : "-",
                        best.reached() ? String.format(Locale.ROOT, "%.2f", best.secondsToTarget()) : "-", TrainingBench.fmt(best.finalHeldOutLoss()),
                        Double.isFinite(best.finalAccuracy()) ? String.format(Locale.ROOT, "%.3f", best.finalAccuracy()) : "-", best.trainSeconds(),
                        TrainingBench.fmt(best.stateDoublesPerParameter())));
            }
        }
        b.append(String.format(Locale.ROOT, "%nScores (area under the performance profile up to τ = 4; 1 = fastest on every workload): "
                + "time to target with the default learning rate and the best of the grid, steps to target with the best of the grid%n"));
        b.append(String.format(Locale.ROOT, "  %-19s %8s %8s %8s%n", "optimizer", "default", "tuned", "steps"));
        List<String> order = r.settings().optimizers().stream()
                .sorted(Comparator.comparingDouble((String o) -> -r.tunedScores().get(o)).thenComparing(o -> -r.defaultScores().get(o))).toList();
        for (String o : order) {
            b.append(String.format(Locale.ROOT, "  %-19s %8.3f %8.3f %8.3f%n", o, r.defaultScores().get(o), r.tunedScores().get(o),
                    r.tunedStepScores().get(o)));
        }
        if (!r.claims().isEmpty()) {
            b.append(String.format(Locale.ROOT, "%nClaims of the seeds, measured here:%n"));
            for (Claim c : r.claims()) {
                b.append(String.format(Locale.ROOT, "  [%s] %s — %s, %s: %s vs %s%n", c.holds() ? "holds" : "does not hold", c.claim(), c.workload(),
                        c.measure(), c.ours(), c.baseline()));
            }
        }
        b.append(String.format(Locale.ROOT, "%n%s%n", r.torch().describe()));
        return b.toString();
    }
}
