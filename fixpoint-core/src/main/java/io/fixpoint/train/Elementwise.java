package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/** Loops over the owned elements of full-length vectors, one tight loop per segment of the layout. */
final class Elementwise {
    private Elementwise() {
    }

    static double sumOfSquares(ParameterLayout l, double[] x) {
        double s = 0;
        for (int k = 0; k < l.segmentCount(); k++) {
            int from = l.segmentStart(k);
            int to = from + l.segmentLength(k);
            for (int i = from; i < to; i++) {
                s += x[i] * x[i];
            }
        }
        return s;
    }

    static void scale(ParameterLayout l, double a, double[] x) {
        for (int k = 0; k < l.segmentCount(); k++) {
            int from = l.segmentStart(k);
            int to = from + l.segmentLength(k);
            for (int i = from; i < to; i++) {
                x[i] *= a;
            }
        }
    }

    /** y ← y + a·x on the owned elements. */
    static void axpy(ParameterLayout l, double a, double[] x, double[] y) {
        for (int k = 0; k < l.segmentCount(); k++) {
            int from = l.segmentStart(k);
            int to = from + l.segmentLength(k);
            for (int i = from; i < to; i++) {
                y[i] += a * x[i];
            }
        }
    }

    static void fill(ParameterLayout l, double v, double[] x) {
        for (int k = 0; k < l.segmentCount(); k++) {
            int from = l.segmentStart(k);
            java.util.Arrays.fill(x, from, from + l.segmentLength(k), v);
        }
    }

    static boolean allFinite(ParameterLayout l, double[] x) {
        for (int k = 0; k < l.segmentCount(); k++) {
            int from = l.segmentStart(k);
            int to = from + l.segmentLength(k);
            for (int i = from; i < to; i++) {
                if (!Double.isFinite(x[i])) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Owned elements of a full-length vector into a compact buffer, in layout order. */
    static void gather(ParameterLayout l, double[] full, double[] compact) {
        for (int k = 0; k < l.segmentCount(); k++) {
            System.arraycopy(full, l.segmentStart(k), compact, l.segmentLocal(k), l.segmentLength(k));
        }
    }
}
