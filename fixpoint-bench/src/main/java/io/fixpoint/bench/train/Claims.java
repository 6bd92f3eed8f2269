package io.fixpoint.bench.train;

import io.fixpoint.bench.train.TrainingBench.Claim;
import io.fixpoint.bench.train.TrainingBench.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** The seeds' claims, judged on the suite's runs (each optimiser at its best learning rate of the grid). */
final class Claims {
    /** Schedule-Free "matches" cosine AdamW when its loss is at most this much above. */
    static final double MATCH = 0.01;
    /** The workloads with hidden weight matrices, where Muon differs from AdamW. */
    static final List<String> WITH_HIDDEN_MATRICES = List.of("mlp-digits", "char-gru");

    private Claims() {
    }

    static List<Claim> of(List<Workload> workloads, List<Row> rows) {
        List<Claim> out = new ArrayList<>();
        for (Workload w : workloads) {
            Row sf = lowestLoss(rows, w.name(), "schedule-free-adamw");
            Row adamw = lowestLoss(rows, w.name(), "adamw");
            if (sf != null && adamw != null) {
                out.add(new Claim("Schedule-Free AdamW, no decay, matches or beats tuned cosine AdamW (within 1%)", w.name(),
                        "lowest final held-out loss over the grid", TrainingBench.fmt(sf.finalHeldOutLoss()), TrainingBench.fmt(adamw.finalHeldOutLoss()),
                        sf.finalHeldOutLoss() <= (1 + MATCH) * adamw.finalHeldOutLoss()));
            }
        }
        for (Workload w : workloads) {
            if (WITH_HIDDEN_MATRICES.contains(w.name())) {
                steps(out, rows, w.name(), "muon", "adamw", "Muon on hidden matrices reaches the target in fewer steps than AdamW", 1);
            }
        }
        Row lion = rows.stream().filter(r -> r.optimizer().equals("lion") && Double.isFinite(r.stateDoublesPerParameter())).findFirst().orElse(null);
        Row adam = rows.stream().filter(r -> r.optimizer().equals("adamw") && Double.isFinite(r.stateDoublesPerParameter())).findFirst().orElse(null);
        if (lion != null && adam != null) {
            out.add(new Claim("Lion keeps one state buffer to AdamW's two", "all", "optimiser state, doubles per parameter",
                    TrainingBench.fmt(lion.stateDoublesPerParameter()), TrainingBench.fmt(adam.stateDoublesPerParameter()),
                    lion.stateDoublesPerParameter() * 2 == adam.stateDoublesPerParameter()));
        }
        for (Workload w : workloads) {
            steps(out, rows, w.name(), "lion", "adamw", "Lion reaches the target in no more steps than AdamW", 1);
        }
        if (workloads.stream().anyMatch(w -> w.name().equals("char-gru"))) {
            steps(out, rows, "char-gru", "sophia-g", "adamw", "Sophia-G needs half of AdamW's steps on the language model", 0.5);
        }
        return out;
    }

    /**
     * Compares steps to target at each optimiser's best multiplier; the claim holds when ours ≤ factor ×
     * baseline. When neither reaches the target, the lowest final held-out losses are compared instead,
     * and the measure says so.
     */
    private static void steps(List<Claim> out, List<Row> rows, String workload, String ours, String baseline, String claim, double factor) {
        Row a = best(rows, workload, ours);
        Row b = best(rows, workload, baseline);
        if (a == null || b == null) {
            return;
        }
        if (!a.reached() && !b.reached()) {
            out.add(new Claim(claim, workload, "neither reaches the target; lowest final held-out loss instead", TrainingBench.fmt(a.finalHeldOutLoss()),
                    TrainingBench.fmt(b.finalHeldOutLoss()), a.finalHeldOutLoss() <= b.finalHeldOutLoss()));
            return;
        }
        boolean holds = a.reached() && (!b.reached() || a.stepsToTarget() <= factor * b.stepsToTarget());
        out.add(new Claim(claim, workload, "steps to target (best of the grid)", describe(a), describe(b), holds));
    }

    private static String describe(Row r) {
        return r.reached() ? r.stepsToTarget() + String.format(Locale.ROOT, " (lr %.3g)", r.learningRate()) : "not reached";
    }

    /** The run of {@code optimizer} on {@code workload} (default schedule) that reached the target in the fewest steps, else the lowest final loss. */
    static Row best(List<Row> rows, String workload, String optimizer) {
        List<Row> candidates = candidates(rows, workload, optimizer);
        return candidates.stream().filter(Row::reached).min(Comparator.comparingInt(Row::stepsToTarget))
                .orElseGet(() -> lowestLoss(rows, workload, optimizer));
    }

    static Row lowestLoss(List<Row> rows, String workload, String optimizer) {
        return candidates(rows, workload, optimizer).stream().filter(r -> Double.isFinite(r.finalHeldOutLoss()))
                .min(Comparator.comparingDouble(Row::finalHeldOutLoss)).orElse(null);
    }

    private static List<Row> candidates(List<Row> rows, String workload, String optimizer) {
        return rows.stream().filter(r -> r.workload().equals(workload) && r.optimizer().equals(optimizer)
                && r.schedule().equals(TrainingBench.defaultSchedule(optimizer))).toList();
    }
}
