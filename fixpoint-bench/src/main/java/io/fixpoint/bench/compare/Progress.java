package io.fixpoint.bench.compare;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on stderr while the bench runs; silent when stderr is not a terminal
 * ({@code System.console() == null}) so that logs and pipes stay clean.
 */
public final class Progress {
    private static final int WIDTH = 28;
    private static final long REDRAW_NANOS = 100_000_000L;

    private final PrintStream out;
    private long total;
    private long done;
    private long lastDraw;

    private Progress(PrintStream out) {
        this.out = out;
    }

    /** A bar on stderr if there is a terminal, otherwise a silent one. */
    public static Progress onTerminal() {
        return System.console() != null ? new Progress(System.err) : silent();
    }

    public static Progress silent() {
        return new Progress(null);
    }

    /** A bar drawn on {@code out} whatever it is (tests). */
    static Progress to(PrintStream out) {
        return new Progress(out);
    }

    public synchronized void addWork(long units) {
        total += units;
        draw("", true);
    }

    public synchronized void advance(String what) {
        done++;
        draw(what, false);
    }

    /** Clears the bar. */
    public synchronized void finish() {
        if (out != null) {
            out.print("\r" + " ".repeat(100) + "\r");
            out.flush();
        }
    }

    private void draw(String what, boolean force) {
        if (out == null) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        double f = total == 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        String line = String.format(Locale.ROOT, "\r[%s%s] %3.0f%% %d/%d %s", "#".repeat(filled), "-".repeat(WIDTH - filled), 100 * f,
                done, total, what);
        out.print(line.length() > 100 ? line.substring(0, 100) : line + " ".repeat(100 - line.length()));
        out.flush();
    }
}
