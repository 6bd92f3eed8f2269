package io.fixpoint.bench.report;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.train.TrainingBench;
import io.fixpoint.bench.train.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The training suite's section of the report: the rule, a table per workload, the scores, the claims and PyTorch beside. */
public final class TrainingSection {
    private TrainingSection() {
    }

    public static String html(TrainingBench.Result r, List<SolveRecord> records) {
        StringBuilder b = new StringBuilder();
        b.append("<h2 id=\"training\">Training (stochastic optimisers)</h2>\n");
        long ran = records.stream().filter(x -> x.outcome() == SolveRecord.Outcome.RAN).count();
        long solved = records.stream().filter(SolveRecord::solved).count();
        b.append(String.format(Locale.ROOT, "<p>%d workloads × %d optimisers × learning-rate multipliers {%s} of each optimiser's default, "
                + "single thread, seed 0. One rule judges every run of every tool: it is solved when its held-out loss, measured every few steps, "
                + "reaches the workload's target within the budget, and the step at which it first does is its score. "
                + "%d of the %d runs that started reached their targets.</p>%n", r.workloads().size(), r.settings().optimizers().size(),
                Arrays.stream(r.settings().multipliers()).mapToObj(Html::num).collect(Collectors.joining(", ")), solved, ran));
        for (Workload w : r.workloads()) {
            b.append(String.format(Locale.ROOT, "<h3>%s</h3>%n<p>%s; batch %d, %d steps, held-out loss every %d steps, target %s.</p>%n",
                    Html.escape(w.name()), Html.escape(w.setup().get().description()), w.batch(), w.steps(), w.evalEvery(), Html.num(w.target())));
            b.append("<table><tr><th>optimizer</th><th>lr</th><th>schedule</th><th>steps to target</th><th>final held-out loss</th>"
                    + "<th>status</th></tr>\n");
            for (TrainingBench.Row row : r.rows()) {
                if (!row.workload().equals(w.name())) {
                    continue;
                }
                b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>%n",
                        Html.escape(row.optimizer()), Html.num(row.learningRate()), Html.escape(row.schedule()),
                        row.reached() ? Integer.toString(row.stepsToTarget()) : "not reached", Html.num(row.finalHeldOutLoss()),
                        Html.escape(row.status())));
            }
            b.append("</table>\n");
        }
        b.append("<p>Scores: the area under each optimiser's performance profile of steps (and of time) to target for ratios up to 4, "
                + "divided by 3 (1: first to the target on every workload; 0: no target reached).</p>\n");
        b.append("<table><tr><th>optimizer</th><th>steps, best of the grid</th><th>time, defaults</th><th>time, best of the grid</th></tr>\n");
        for (String o : r.settings().optimizers()) {
            b.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%.3f</td><td>%.3f</td><td>%.3f</td></tr>%n", Html.escape(o),
                    r.tunedStepScores().get(o), r.defaultScores().get(o), r.tunedScores().get(o)));
        }
        b.append("</table>\n");
        if (!r.claims().isEmpty()) {
            b.append("<p>Claims of the seeds, measured in this run:</p>\n<ul>\n");
            for (TrainingBench.Claim c : r.claims()) {
                b.append(String.format(Locale.ROOT, "<li>%s (%s, %s): %s against %s — %s.</li>%n", Html.escape(c.claim()), Html.escape(c.workload()),
                        Html.escape(c.measure()), Html.escape(c.ours()), Html.escape(c.baseline()), c.holds() ? "holds" : "does not hold"));
            }
            b.append("</ul>\n");
        }
        b.append("<p>").append(Html.escape(r.torch().describe())).append(".</p>\n");
        return b.toString();
    }
}
