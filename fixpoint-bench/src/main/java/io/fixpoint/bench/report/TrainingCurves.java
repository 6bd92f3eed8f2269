package io.fixpoint.bench.report;

import io.fixpoint.train.Training;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The loss curves of a training run: {@code epochs.csv} and a self-contained {@code loss-curves.html}. */
public final class TrainingCurves {
    private TrainingCurves() {
    }

    /** Writes both files into {@code dir} (created if missing). */
    public static void write(Path dir, String title, List<Training.Epoch> epochs) throws IOException {
        Files.createDirectories(dir);
        StringBuilder csv = new StringBuilder("epoch,steps,trainLoss,heldOutLoss,heldOutAccuracy,seconds\n");
        double[] x = new double[epochs.size()];
        double[] train = new double[epochs.size()];
        double[] held = new double[epochs.size()];
        double[] acc = new double[epochs.size()];
        for (int i = 0; i < epochs.size(); i++) {
            Training.Epoch e = epochs.get(i);
            csv.append(String.format(Locale.ROOT, "%d,%d,%s,%s,%s,%s%n", e.epoch(), e.steps(), e.trainLoss(), e.heldOutLoss(), e.heldOutAccuracy(),
                    e.seconds()));
            x[i] = e.epoch();
            train[i] = e.trainLoss();
            held[i] = e.heldOutLoss();
            acc[i] = e.heldOutAccuracy();
        }
        Files.writeString(dir.resolve("epochs.csv"), csv, StandardCharsets.UTF_8);
        String loss = new SvgPlot("loss (log scale)", "epoch", "loss", 640, 360, false, true)
                .line(x, train, "#1f77b4", "", false, "train (mean minibatch loss)")
                .line(x, held, "#d62728", "", false, "held-out").render();
        String accuracy = new SvgPlot("held-out accuracy", "epoch", "accuracy", 640, 360, false, false)
                .line(x, acc, "#2ca02c", "", false, "held-out accuracy").render();
        String page = "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + Html.escape(title) + "</title><style>"
                + ReportWriter.CSS + "</style></head><body>\n<h1>" + Html.escape(title) + "</h1>\n"
                + "<p><span style=\"color:#1f77b4\">■</span> train loss (mean of the epoch's minibatch losses) "
                + "<span style=\"color:#d62728\">■</span> held-out loss</p>\n" + loss + "\n" + accuracy + "\n</body></html>\n";
        Files.writeString(dir.resolve("loss-curves.html"), page, StandardCharsets.UTF_8);
    }
}
