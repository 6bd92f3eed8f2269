package io.fixpoint.bench.sequence;

import io.fixpoint.bench.SolveRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A log–log SVG plot of speed-up against T at one D: per method (a colour), measured with the run's
 * threads (solid) and projected by the cost model for 16 and 64 cores (dashed, dotted). Both axes
 * and every series are labelled; the legend sits outside the plot area, so no label is clipped.
 */
final class Svg {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};
    private static final String[] DASHES = {"", " stroke-dasharray='6,4'", " stroke-dasharray='2,3'"};
    private static final double W = 820;
    private static final double H = 470;
    private static final double LEFT = 80;
    private static final double RIGHT = W - 200;
    private static final double TOP = 40;
    private static final double BOTTOM = H - 64;
    private static final double MIN_T = 1e3;
    private static final double MAX_T = 1e6;
    private static final double MIN_S = 0.01;
    private static final double MAX_S = 100;

    private Svg() {
    }

    static String speedups(List<SolveRecord> rows) {
        int d = rows.stream().mapToInt(SequenceBench::d).filter(x -> x == 8).findFirst()
                .orElse(rows.isEmpty() ? 1 : SequenceBench.d(rows.get(0)));
        int threads = rows.stream().mapToInt(SequenceBench::threads).max().orElse(1);
        Map<String, StringBuilder[]> series = new LinkedHashMap<>();
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f' font-family='sans-serif' font-size='12'>%n", W, H));
        svg.append(String.format(Locale.ROOT, "<text x='%.0f' y='22' font-size='14'>GRU, D=%d: speed-up over the sequential loop against the length T</text>%n", LEFT, d));
        for (double s = MIN_S; s <= MAX_S * 1.01; s *= 10) {
            double y = y(s);
            svg.append(String.format(Locale.ROOT, "<line x1='%.0f' x2='%.0f' y1='%.1f' y2='%.1f' stroke='#ddd'/><text x='%.0f' y='%.1f' text-anchor='end'>%s</text>%n",
                    LEFT, RIGHT, y, y, LEFT - 6, y + 4, fmt(s)));
        }
        for (double t = MIN_T; t <= MAX_T * 1.01; t *= 10) {
            double x = x(t);
            svg.append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='%.0f' y2='%.0f' stroke='#ddd'/><text x='%.1f' y='%.0f' text-anchor='middle'>%s</text>%n",
                    x, x, TOP, BOTTOM, x, BOTTOM + 18, power(t)));
        }
        svg.append(String.format(Locale.ROOT, "<text x='%.0f' y='%.0f' text-anchor='middle'>T, steps in the sequence (log scale)</text>%n", (LEFT + RIGHT) / 2, BOTTOM + 44));
        svg.append(String.format(Locale.ROOT, "<text transform='rotate(-90)' x='%.0f' y='22' text-anchor='middle'>speed-up = sequential time / method time (log scale)</text>%n", -(TOP + BOTTOM) / 2));
        double one = y(1);
        svg.append(String.format(Locale.ROOT, "<line x1='%.0f' x2='%.0f' y1='%.1f' y2='%.1f' stroke='#000' stroke-width='1.5'/><text x='%.0f' y='%.1f' text-anchor='end'>parity</text>%n",
                LEFT, RIGHT, one, one, RIGHT - 4, one - 5));
        for (SolveRecord r : rows) {
            if (SequenceBench.d(r) != d || SequenceBench.threads(r) != threads) {
                continue;
            }
            StringBuilder[] pts = series.computeIfAbsent(r.method(), k -> new StringBuilder[] {new StringBuilder(), new StringBuilder(), new StringBuilder()});
            double x = x(SequenceBench.length(r));
            pts[0].append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(clamp(SequenceBench.speedup(r)))));
            pts[1].append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(clamp(SequenceBench.sequentialSeconds(r) / SequenceBench.projected(r)[2]))));
            pts[2].append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(clamp(SequenceBench.sequentialSeconds(r) / SequenceBench.projected(r)[3]))));
        }
        double lx = RIGHT + 20;
        double ly = TOP + 10;
        svg.append(String.format(Locale.ROOT, "<text x='%.0f' y='%.0f' font-weight='bold'>method</text>%n", lx, ly));
        int i = 0;
        for (Map.Entry<String, StringBuilder[]> e : series.entrySet()) {
            String c = COLORS[i % COLORS.length];
            for (int k = 0; k < 3; k++) {
                svg.append(String.format("<polyline fill='none' stroke='%s' stroke-width='2'%s points='%s'/>%n", c, DASHES[k], e.getValue()[k].toString().trim()));
            }
            ly += 18;
            svg.append(String.format(Locale.ROOT, "<line x1='%.0f' x2='%.0f' y1='%.0f' y2='%.0f' stroke='%s' stroke-width='3'/><text x='%.0f' y='%.0f'>%s</text>%n",
                    lx, lx + 24, ly - 4, ly - 4, c, lx + 30, ly, e.getKey()));
            i++;
        }
        ly += 30;
        svg.append(String.format(Locale.ROOT, "<text x='%.0f' y='%.0f' font-weight='bold'>line</text>%n", lx, ly));
        String[] styles = {"measured, " + threads + (threads == 1 ? " thread" : " threads"), "model, " + SequenceBench.CORES[2] + " cores",
                "model, " + SequenceBench.CORES[3] + " cores"};
        for (int k = 0; k < 3; k++) {
            ly += 18;
            svg.append(String.format(Locale.ROOT, "<line x1='%.0f' x2='%.0f' y1='%.0f' y2='%.0f' stroke='#333' stroke-width='2'%s/><text x='%.0f' y='%.0f'>%s</text>%n",
                    lx, lx + 24, ly - 4, ly - 4, DASHES[k], lx + 30, ly, styles[k]));
        }
        return svg.append("</svg>\n").toString();
    }

    private static double clamp(double v) {
        return Math.max(MIN_S, Math.min(MAX_S, v));
    }

    private static double x(double t) {
        return LEFT + (RIGHT - LEFT) * Math.log(t / MIN_T) / Math.log(MAX_T / MIN_T);
    }

    private static double y(double s) {
        return BOTTOM - (BOTTOM - TOP) * Math.log(s / MIN_S) / Math.log(MAX_S / MIN_S);
    }

    private static String fmt(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }

    /** 10ᵏ with a superscript exponent, for the T axis. */
    private static String power(double t) {
        String digits = String.valueOf(Math.round(Math.log10(t)));
        StringBuilder sb = new StringBuilder("10");
        for (char ch : digits.toCharArray()) {
            sb.append("⁰¹²³⁴⁵⁶⁷⁸⁹".charAt(ch - '0'));
        }
        return sb.toString();
    }
}
