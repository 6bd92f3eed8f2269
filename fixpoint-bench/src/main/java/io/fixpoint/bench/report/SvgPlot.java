package io.fixpoint.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small line chart rendered as inline SVG: linear or log axes, polylines or step lines, no legend (the page has
 * one). {@link #standalone} lays plots side by side in a self-contained SVG file with its style and a legend.
 */
public final class SvgPlot {
    /** The style the plots' classes need; the HTML report carries it in its page style. */
    static final String STYLE = "svg text.t{font-size:13px;font-weight:600}svg text.tick{font-size:10px;fill:#555}"
            + "svg text.ax{font-size:11px;fill:#333}svg .frame{fill:none;stroke:#999}svg .grid{stroke:#eee}";
    private static final int LEFT = 58;
    private static final int RIGHT = 12;
    private static final int TOP = 26;
    private static final int BOTTOM = 42;

    private record Line(double[] x, double[] y, String color, String dash, boolean step, String label) {
    }

    private static final AtomicInteger IDS = new AtomicInteger();

    private final int id = IDS.incrementAndGet();
    private final String title;
    private final String xLabel;
    private final String yLabel;
    private final int width;
    private final int height;
    private final boolean logX;
    private final boolean logY;
    private final List<Line> lines = new ArrayList<>();
    private double x0 = Double.NaN;
    private double x1 = Double.NaN;
    private double y0 = Double.NaN;
    private double y1 = Double.NaN;

    public SvgPlot(String title, String xLabel, String yLabel, int width, int height, boolean logX, boolean logY) {
        this.title = title;
        this.xLabel = xLabel;
        this.yLabel = yLabel;
        this.width = width;
        this.height = height;
        this.logX = logX;
        this.logY = logY;
    }

    public SvgPlot xRange(double lo, double hi) {
        x0 = lo;
        x1 = hi;
        return this;
    }

    public SvgPlot yRange(double lo, double hi) {
        y0 = lo;
        y1 = hi;
        return this;
    }

    /** Points with a non-finite or (on a log axis) non-positive coordinate are left out. */
    public SvgPlot line(double[] x, double[] y, String color, String dash, boolean step, String label) {
        lines.add(new Line(x, y, color, dash, step, label));
        return this;
    }

    /**
     * The plots side by side as one self-contained SVG document (style inline, no script), with a legend of the
     * first plot's lines underneath: for report files beside the HTML page.
     */
    public static String standalone(List<SvgPlot> plots) {
        int width = plots.stream().mapToInt(p -> p.width).sum();
        int height = plots.stream().mapToInt(p -> p.height).max().orElse(0);
        List<Line> legend = plots.isEmpty() ? List.of() : plots.get(0).lines;
        int rows = (legend.size() + 2) / 3;
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\">",
                width, height + 18 * rows + 8));
        s.append("<style>").append(STYLE).append("svg text.lg{font-size:11px}</style>");
        s.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>", width, height + 18 * rows + 8));
        int x = 0;
        for (SvgPlot p : plots) {
            s.append(String.format(Locale.ROOT, "<g transform=\"translate(%d,0)\">", x)).append(p.render()).append("</g>");
            x += p.width;
        }
        for (int i = 0; i < legend.size(); i++) {
            Line l = legend.get(i);
            double lx = LEFT + (i % 3) * (width - LEFT) / 3.0;
            double ly = height + 14 + 18 * (i / 3);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"1.6\"%s/>",
                    lx, ly - 4, lx + 24, ly - 4, l.color, l.dash.isEmpty() ? "" : " stroke-dasharray=\"" + l.dash + "\""));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"lg\">%s</text>", lx + 30, ly, Html.escape(l.label)));
        }
        return s.append("</svg>\n").toString();
    }

    /** The lines' keys as an HTML legend ({@code <div class="legend">}), for a plot rendered inline. */
    String legend() {
        StringBuilder h = new StringBuilder("<div class=\"legend\">");
        for (Line l : lines) {
            h.append("<span><svg width=\"30\" height=\"10\"><line x1=\"1\" y1=\"5\" x2=\"29\" y2=\"5\" stroke=\"").append(l.color)
                    .append("\" stroke-width=\"2.2\"").append(l.dash.isEmpty() ? "" : " stroke-dasharray=\"" + l.dash + "\"").append("/></svg> ")
                    .append(Html.escape(l.label)).append("</span>");
        }
        return h.append("</div>\n").toString();
    }

    String render() {
        fitRanges();
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">",
                width, height, width, height));
        s.append("<title>").append(Html.escape(title)).append("</title>");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"16\" class=\"t\">%s</text>", LEFT, Html.escape(title)));
        double pw = width - LEFT - RIGHT;
        double ph = height - TOP - BOTTOM;
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" class=\"frame\"/>", LEFT, TOP, pw, ph));
        for (double t : ticks(x0, x1, logX)) {
            double px = px(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", px, TOP, px, TOP + ph));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"tick\" text-anchor=\"middle\">%s</text>", px,
                    TOP + ph + 14, label(t, logX)));
        }
        for (double t : ticks(y0, y1, logY)) {
            double py = py(t);
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" class=\"grid\"/>", LEFT, py, LEFT + pw, py));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"tick\" text-anchor=\"end\">%s</text>", LEFT - 4, py + 4,
                    label(t, logY)));
        }
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"ax\" text-anchor=\"middle\">%s</text>", LEFT + pw / 2,
                height - 6, Html.escape(xLabel)));
        s.append(String.format(Locale.ROOT,
                "<text x=\"12\" y=\"%.1f\" class=\"ax\" text-anchor=\"middle\" transform=\"rotate(-90 12 %.1f)\">%s</text>", TOP + ph / 2,
                TOP + ph / 2, Html.escape(yLabel)));
        s.append(String.format(Locale.ROOT, "<clipPath id=\"c%d\"><rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\"/></clipPath>",
                id, LEFT, TOP, pw, ph));
        s.append(String.format(Locale.ROOT, "<g clip-path=\"url(#c%d)\">", id));
        for (Line l : lines) {
            String points = points(l);
            if (!points.isEmpty()) {
                s.append("<polyline fill=\"none\" stroke=\"").append(l.color).append("\" stroke-width=\"1.6\"");
                if (!l.dash.isEmpty()) {
                    s.append(" stroke-dasharray=\"").append(l.dash).append('"');
                }
                s.append(" points=\"").append(points).append("\"><title>").append(Html.escape(l.label)).append("</title></polyline>");
            }
        }
        s.append("</g></svg>");
        return s.toString();
    }

    private String points(Line l) {
        StringBuilder p = new StringBuilder();
        double prevY = Double.NaN;
        for (int i = 0; i < l.x.length; i++) {
            if (!usable(l.x[i], logX) || !usable(l.y[i], logY)) {
                continue;
            }
            double px = px(l.x[i]);
            double py = py(l.y[i]);
            if (l.step && !Double.isNaN(prevY)) {
                p.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, prevY));
            }
            p.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
            prevY = py;
        }
        return p.toString().strip();
    }

    private static boolean usable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private double px(double v) {
        return LEFT + (width - LEFT - RIGHT) * frac(v, x0, x1, logX);
    }

    private double py(double v) {
        return TOP + (height - TOP - BOTTOM) * (1 - frac(v, y0, y1, logY));
    }

    private static double frac(double v, double lo, double hi, boolean log) {
        return log ? (Math.log10(v) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) : (v - lo) / (hi - lo);
    }

    private void fitRanges() {
        double[] xs = extent(true);
        double[] ys = extent(false);
        if (Double.isNaN(x0)) {
            x0 = xs[0];
            x1 = xs[1];
        }
        if (Double.isNaN(y0)) {
            y0 = ys[0];
            y1 = ys[1];
        }
        if (logX) {
            x0 = Math.pow(10, Math.floor(Math.log10(x0)));
            x1 = Math.pow(10, Math.ceil(Math.log10(x1)));
        }
        if (logY) {
            y0 = Math.pow(10, Math.floor(Math.log10(y0)));
            y1 = Math.pow(10, Math.ceil(Math.log10(y1)));
        }
        if (!(x1 > x0)) {
            x1 = logX ? x0 * 10 : x0 + 1;
        }
        if (!(y1 > y0)) {
            y1 = logY ? y0 * 10 : y0 + 1;
        }
    }

    private double[] extent(boolean x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        boolean log = x ? logX : logY;
        for (Line l : lines) {
            for (double v : x ? l.x : l.y) {
                if (usable(v, log)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        return Double.isFinite(lo) ? new double[] {lo, hi} : new double[] {log ? 1 : 0, log ? 10 : 1};
    }

    /** Decades on a log axis (thinned to at most 8), 4–8 round numbers on a linear one. */
    static List<Double> ticks(double lo, double hi, boolean log) {
        List<Double> t = new ArrayList<>();
        if (log) {
            int a = (int) Math.ceil(Math.log10(lo) - 1e-9);
            int b = (int) Math.floor(Math.log10(hi) + 1e-9);
            boolean shortRange = Math.log10(hi / lo) <= 2.01;
            int stride = Math.max(1, (int) Math.ceil((b - a + 1) / 8.0));
            for (int e = shortRange ? a - 1 : a; e <= b; e += stride) {
                double d = Math.pow(10, e);
                for (double m : shortRange ? new double[] {1, 2, 5} : new double[] {1}) {
                    if (m * d >= lo * (1 - 1e-9) && m * d <= hi * (1 + 1e-9)) {
                        t.add(m * d);
                    }
                }
            }
            return t;
        }
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        for (double v = Math.ceil(lo / step - 1e-9) * step; v <= hi + 1e-9 * step; v += step) {
            t.add(Math.abs(v) < 1e-12 * step ? 0 : v);
        }
        return t;
    }

    private static String label(double v, boolean log) {
        if (log) {
            int e = (int) Math.floor(Math.log10(v) + 1e-9);
            long m = Math.round(v / Math.pow(10, e));
            return e >= 0 && e <= 3 ? String.valueOf(m * (long) Math.pow(10, e)) : (m == 1 ? "" : m + "·") + "1e" + e;
        }
        return v == Math.rint(v) && Math.abs(v) < 1e6 ? String.valueOf((long) v)
                : new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }
}
