package io.fixpoint.bench.report;

import io.fixpoint.bench.compare.ComparisonResult;
import java.io.PrintWriter;
import java.util.Locale;

/** The summary table and headline as plain text, for the terminal. */
public final class SummaryText {
    private SummaryText() {
    }

    public static void print(ComparisonResult result, PrintWriter out) {
        Summary s = new Summary(result);
        out.printf(Locale.ROOT, "%-28s %8s %10s %10s %10s  %-24s %5s %8s %8s%n", "solver", "solved", "med evals", "med ∇f", "med time",
                "compared with", "both", "∇f ratio", "time ratio");
        for (Summary.Row r : s.rows()) {
            out.printf(Locale.ROOT, "%-28s %8s %10s %10s %10s  %-24s %5s %8s %8s%n", r.solver(), r.solved() + "/" + r.attempted(),
                    Html.num(r.medianEvaluations()), Html.num(r.medianGradientEvaluations()), Html.seconds(r.medianSeconds()),
                    r.bestPeer() == null ? "" : r.bestPeer(), r.ratios() == null ? "" : String.valueOf(r.ratios().common()),
                    r.ratios() == null ? "" : Summary.times(r.ratios().gradientEvaluations()),
                    r.ratios() == null ? "" : Summary.times(r.ratios().seconds()));
        }
        out.println();
        s.headline().forEach(out::println);
    }
}
