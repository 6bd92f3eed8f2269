package io.fixpoint.bench;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * What a person watching a long run sees on stderr: on a terminal, a one-line bar (or a status)
 * redrawn in place; either way, one line per finished stage ({@link #stage}) and a status line every
 * few seconds ({@link #status}), so that a log or a pipe still shows that the run is alive without
 * being flooded.
 */
public final class Progress {
    private static final int WIDTH = 28;
    private static final long REDRAW_NANOS = 100_000_000L;
    /** A status goes to a log or a pipe at most this often. */
    static final long LINE_NANOS = 5_000_000_000L;

    private final PrintWriter bar;
    private final PrintWriter lines;
    private long total;
    private long done;
    private long lastDraw;
    private long lastLine;
    private boolean lined;
    private boolean drawn;

    private Progress(PrintWriter bar, PrintWriter lines) {
        this.bar = bar;
        this.lines = lines;
    }

    /** A bar and stage lines on {@code err} when the program runs on a terminal; only the stage lines otherwise. */
    public static Progress on(PrintWriter err) {
        return new Progress(System.console() != null ? err : null, err);
    }

    /** Nothing at all. */
    public static Progress silent() {
        return new Progress(null, null);
    }

    /** A bar drawn on {@code out} whatever it is (tests). */
    static Progress to(PrintWriter out) {
        return new Progress(out, null);
    }

    public synchronized void addWork(long units) {
        total += units;
        draw("", true);
    }

    public synchronized void advance(String what) {
        done++;
        draw(what, false);
    }

    /** A step of a long stage: shown on the bar on a terminal, as its own line otherwise. */
    public synchronized void step(String what) {
        if (bar != null) {
            draw(what, true);
        } else if (lines != null) {
            lines.println(what);
            lines.flush();
        }
    }

    /**
     * Where one long task stands, e.g. a solve's iteration: redrawn in place on a terminal (at most
     * ten times a second), otherwise a line of its own, the first at once and then at most one every
     * five seconds.
     */
    public synchronized void status(String what) {
        long now = System.nanoTime();
        if (bar != null) {
            if (!drawn || now - lastDraw >= REDRAW_NANOS) {
                lastDraw = now;
                redraw(what);
            }
        } else if (lines != null && (!lined || now - lastLine >= LINE_NANOS)) {
            lined = true;
            lastLine = now;
            lines.println(what);
            lines.flush();
        }
    }

    /** A finished stage, said in one line (the bar is cleared first and redrawn on the next advance). */
    public synchronized void stage(String line) {
        finish();
        if (lines != null) {
            lines.println(line);
            lines.flush();
        }
    }

    /** Clears the bar. */
    public synchronized void finish() {
        if (bar != null && drawn) {
            bar.print("\r" + " ".repeat(100) + "\r");
            bar.flush();
            drawn = false;
        }
    }

    private void draw(String what, boolean force) {
        if (bar == null) {
            return;
        }
        long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS && done < total) {
            return;
        }
        lastDraw = now;
        double f = total == 0 ? 0 : Math.min(1, (double) done / total);
        int filled = (int) Math.round(f * WIDTH);
        redraw(String.format(Locale.ROOT, "[%s%s] %3.0f%% %d/%d %s", "#".repeat(filled), "-".repeat(WIDTH - filled), 100 * f, done, total, what));
    }

    /** Overwrites the line with {@code text}, cut or padded to 100 characters. */
    private void redraw(String text) {
        bar.print("\r" + (text.length() > 100 ? text.substring(0, 100) : text + " ".repeat(100 - text.length())));
        bar.flush();
        drawn = true;
    }
}
