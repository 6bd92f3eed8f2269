package io.fixpoint.bench.sequence;

import io.fixpoint.bench.SolveRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A small log–log SVG plot of speed-up against T: measured (2 threads) and projected (16, 64 cores), per method, at one D. */
final class Svg {
    private static final String[] COLORS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e"};

    private Svg() {
    }

    static String speedups(List<SolveRecord> rows) {
        int d = rows.stream().mapToInt(SequenceBench::d).filter(x -> x == 8).findFirst()
                .orElse(rows.isEmpty() ? 1 : SequenceBench.d(rows.get(0)));
        int threads = rows.stream().mapToInt(SequenceBench::threads).max().orElse(1);
        Map<String, StringBuilder[]> series = new LinkedHashMap<>();
        double w = 720;
        double h = 440;
        double minT = 1e3;
        double maxT = 1e6;
        double minS = 0.01;
        double maxS = 100;
        StringBuilder svg = new StringBuilder();
        svg.append(String.format(Locale.ROOT, "<svg xmlns='http://www.w3.org/2000/svg' width='%.0f' height='%.0f' font-family='sans-serif' font-size='12'>%n", w, h));
        svg.append(String.format(Locale.ROOT, "<text x='60' y='20'>GRU, D=%d: speed-up over the sequential loop (solid: measured, %d threads; dashed: model, 16 cores; dotted: 64)</text>%n", d, threads));
        for (double s = minS; s <= maxS * 1.01; s *= 10) {
            double y = y(s, minS, maxS, h);
            svg.append(String.format(Locale.ROOT, "<line x1='60' x2='%.0f' y1='%.1f' y2='%.1f' stroke='#ddd'/><text x='20' y='%.1f'>%s</text>%n", w - 20, y, y, y + 4, fmt(s)));
        }
        for (double t = minT; t <= maxT * 1.01; t *= 10) {
            double x = x(t, minT, maxT, w);
            svg.append(String.format(Locale.ROOT, "<line x1='%.1f' x2='%.1f' y1='40' y2='%.0f' stroke='#ddd'/><text x='%.1f' y='%.0f'>T=%s</text>%n", x, x, h - 40, x - 15, h - 20, fmt(t)));
        }
        double one = y(1, minS, maxS, h);
        svg.append(String.format(Locale.ROOT, "<line x1='60' x2='%.0f' y1='%.1f' y2='%.1f' stroke='#000' stroke-width='1.5'/>%n", w - 20, one, one));
        for (SolveRecord r : rows) {
            if (SequenceBench.d(r) != d || SequenceBench.threads(r) != threads) {
                continue;
            }
            StringBuilder[] pts = series.computeIfAbsent(r.method(), k -> new StringBuilder[] {new StringBuilder(), new StringBuilder(), new StringBuilder()});
            double x = x(SequenceBench.length(r), minT, maxT, w);
            pts[0].append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(clamp(SequenceBench.speedup(r), minS, maxS), minS, maxS, h)));
            pts[1].append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(clamp(SequenceBench.sequentialSeconds(r) / SequenceBench.projected(r)[2], minS, maxS), minS, maxS, h)));
            pts[2].append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(clamp(SequenceBench.sequentialSeconds(r) / SequenceBench.projected(r)[3], minS, maxS), minS, maxS, h)));
        }
        int i = 0;
        for (Map.Entry<String, StringBuilder[]> e : series.entrySet()) {
            String c = COLORS[i % COLORS.length];
            String[] dash = {"", " stroke-dasharray='6,4'", " stroke-dasharray='2,3'"};
            for (int k = 0; k < 3; k++) {
                svg.append(String.format("<polyline fill='none' stroke='%s' stroke-width='2'%s points='%s'/>%n", c, dash[k], e.getValue()[k].toString().trim()));
            }
            svg.append(String.format(Locale.ROOT, "<text x='%.0f' y='%d' fill='%s'>%s</text>%n", w - 120, 60 + 16 * i, c, e.getKey()));
            i++;
        }
        return svg.append("</svg>\n").toString();
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }

    private static double x(double t, double lo, double hi, double w) {
        return 60 + (w - 80) * Math.log(t / lo) / Math.log(hi / lo);
    }

    private static double y(double s, double lo, double hi, double h) {
        return h - 40 - (h - 80) * Math.log(s / lo) / Math.log(hi / lo);
    }

    private static String fmt(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
