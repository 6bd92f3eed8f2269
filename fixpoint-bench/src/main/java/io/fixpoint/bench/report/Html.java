package io.fixpoint.bench.report;

import java.util.Locale;

/** Escaping and number formatting for the report. */
public final class Html {
    private Html() {
    }

    static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }

    /** Three significant digits without trailing zeros (1e-10, 0.001, 2.5), or an en dash for a missing figure. */
    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "–";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e7) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.3g", v).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2").replaceAll("\\.(e|$)", "$1");
    }

    /** Seconds with a unit that keeps three significant digits readable. */
    static String seconds(double s) {
        if (Double.isNaN(s)) {
            return "–";
        }
        if (s < 1e-3) {
            return String.format(Locale.ROOT, "%.3g µs", s * 1e6);
        }
        if (s < 1) {
            return String.format(Locale.ROOT, "%.3g ms", s * 1e3);
        }
        return String.format(Locale.ROOT, "%.3g s", s);
    }
}
