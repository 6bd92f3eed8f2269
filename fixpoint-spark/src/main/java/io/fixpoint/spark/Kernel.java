package io.fixpoint.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The per-row work of every pass, shared by the Spark and the in-process sums so that both compute
 * the same bits: a partition's rows are folded in order into plain double sums ({@link Sums#running}),
 * and partitions' sums are merged exactly ({@link ExactSums}), so the result depends on the
 * partitioning only, not on the order partitions finish or the tree they are merged in.
 *
 * <p>Parameter layout: w[0..d) the feature coefficients, w[d] the intercept.
 */
final class Kernel {
    private Kernel() {
    }

    /** Partial sums of one pass: the running sums of the partition being folded and the exact total. */
    static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        final double[] running;
        private final ExactSums exact;

        Sums(int n) {
            running = new double[n];
            exact = new ExactSums(n);
        }

        /** Folds the running sums into the exact total and merges {@code other} into it; returns this. */
        Sums merge(Sums other) {
            exact.addAll(running);
            Arrays.fill(running, 0);
            exact.addAll(other.running);
            exact.addAll(other.exact);
            return this;
        }

        /** The correctly rounded totals. */
        void roundInto(double[] out) {
            exact.addAll(running);
            Arrays.fill(running, 0);
            exact.roundInto(out);
        }

        void clear() {
            Arrays.fill(running, 0);
            exact.clear();
        }
    }

    static double margin(double[] w, int d, LabeledRow r) {
        double m = w[d];
        double[] x = r.values();
        int[] idx = r.indices();
        if (idx == null) {
            for (int k = 0; k < x.length; k++) {
                m += w[k] * x[k];
            }
        } else {
            for (int k = 0; k < x.length; k++) {
                m += w[idx[k]] * x[k];
            }
        }
        return m;
    }

    /** acc[0..d] += ∇ℓ(row), acc[d+1] += ℓ(row). */
    static void gradient(Loss loss, double[] w, int d, LabeledRow r, double[] acc) {
        double m = margin(w, d, r);
        double y = r.label();
        acc[d + 1] += loss.value(m, y);
        addScaled(loss.derivative(m, y), d, r, acc);
    }

    /** acc[0..d] += ℓ''(m)·(zᵀv)·z, the row's term of the Hessian–vector product. */
    static void hessianVector(Loss loss, double[] w, double[] v, int d, LabeledRow r, double[] acc) {
        double c = loss.curvature(margin(w, d, r), r.label());
        addScaled(c * margin(v, d, r), d, r, acc);
    }

    /** acc[0..d) += x, acc[d..2d) += x², acc[2d] += 1, acc[2d+1] += y: the moments standardisation and the start need. */
    static void moments(int d, LabeledRow r, double[] acc) {
        double[] x = r.values();
        for (int k = 0; k < x.length; k++) {
            int j = r.index(k);
            acc[j] += x[k];
            acc[d + j] += x[k] * x[k];
        }
        acc[2 * d] += 1;
        acc[2 * d + 1] += r.label();
    }

    /**
     * What is wrong with the row as an example of d features for the loss, or null when nothing is:
     * a label the loss does not accept, a dense row of another length, sparse indices not strictly
     * increasing in [0, d), a value that is not finite.
     */
    static String problem(LabeledRow r, int d, Loss loss) {
        String label = loss.labelProblem(r.label());
        if (label != null) {
            return label;
        }
        if (r.isDense() && r.entries() != d) {
            return "dense row has " + r.entries() + " features, the model " + d;
        }
        for (int k = 0; k < r.entries(); k++) {
            int j = r.index(k);
            if (j < 0 || j >= d) {
                return "feature index " + j + " outside [0, " + d + ")";
            }
            if (k > 0 && j <= r.index(k - 1)) {
                return "feature indices not increasing (" + r.index(k - 1) + " then " + j + ")";
            }
            if (!Double.isFinite(r.values()[k])) {
                return "feature " + j + " is " + r.values()[k];
            }
        }
        return null;
    }

    private static void addScaled(double a, int d, LabeledRow r, double[] acc) {
        double[] x = r.values();
        int[] idx = r.indices();
        if (idx == null) {
            for (int k = 0; k < x.length; k++) {
                acc[k] += a * x[k];
            }
        } else {
            for (int k = 0; k < x.length; k++) {
                acc[idx[k]] += a * x[k];
            }
        }
        acc[d] += a;
    }
}
