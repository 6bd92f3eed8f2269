package io.fixpoint.spark;

import java.io.Serializable;
import java.util.Arrays;

/**
 * The per-row work of every pass, shared by the Spark and the in-process sums so that both compute
 * the same bits: a partition's rows are folded in order into plain double sums ({@link Sums#running}),
 * and partitions' sums are merged exactly ({@link ExactSums}), so the result depends on the
 * partitioning only, not on the order partitions finish or the tree they are merged in.
 *
 * <p>Parameter layout: w[0..d) the feature coefficients, w[d] the intercept; a multinomial model of K
 * classes has K such blocks, block k at offset k(d+1).
 */
final class Kernel {
    private Kernel() {
    }

    /**
     * Partial sums of one pass: the running sums of the partition being folded and the exact total; and
     * the dense rows whose Hessian terms wait to be added {@value #BLOCK} at a time, which costs half the
     * time of one at a time (each sum is loaded and stored once per block).
     */
    static final class Sums implements Serializable {
        private static final long serialVersionUID = 1L;
        static final int BLOCK = 4;
        final double[] running;
        private final ExactSums exact;
        private transient double[] scratch;
        /** Neumaier's correction of the running loss sum at {@link #lossIndex} (−1: none yet). */
        private double lossCarry;
        private int lossIndex = -1;
        private LabeledRow[] pending;
        private double[] curvatures;
        private int pendingCount;
        private int pendingFeatures;

        Sums(int n) {
            running = new double[n];
            exact = new ExactSums(n);
        }

        /** Folds the running sums into the exact total and merges {@code other} into it; returns this. */
        Sums merge(Sums other) {
            flush();
            other.flush();
            other.foldCarry();
            foldCarry();
            exact.addAll(running);
            Arrays.fill(running, 0);
            exact.addAll(other.running);
            exact.addAll(other.exact);
            return this;
        }

        /** The correctly rounded totals. */
        void roundInto(double[] out) {
            flush();
            foldCarry();
            exact.addAll(running);
            Arrays.fill(running, 0);
            exact.roundInto(out);
        }

        void clear() {
            Arrays.fill(running, 0);
            exact.clear();
            pendingCount = 0;
            lossCarry = 0;
        }

        /**
         * running[i] += x with Neumaier's compensation: the loss of every row goes to one sum, whose plain
         * rounding error over 10⁶ rows (about 10⁻¹³ of f) would exceed the few ulps a trust region's ratio of
         * actual to predicted decrease can tolerate near a minimiser; compensated, f is good to an ulp or two.
         */
        void addLoss(int i, double x) {
            double s = running[i];
            double t = s + x;
            lossCarry += Math.abs(s) >= Math.abs(x) ? (s - t) + x : (x - t) + s;
            running[i] = t;
            lossIndex = i;
        }

        /** Adds the loss's correction to the exact total. */
        private void foldCarry() {
            if (lossIndex >= 0 && lossCarry != 0) {
                exact.add(lossIndex, lossCarry);
            }
            lossCarry = 0;
        }

        /** Queues the Hessian term c·z̃z̃ᵀ of a dense row of d features; a full block is added at once. */
        void defer(LabeledRow r, double c, int d) {
            if (pending == null) {
                pending = new LabeledRow[BLOCK];
                curvatures = new double[BLOCK];
            }
            pending[pendingCount] = r;
            curvatures[pendingCount++] = c;
            pendingFeatures = d;
            if (pendingCount == BLOCK) {
                addOuterBlock(running, d + 2, d, curvatures, pending[0].values(), pending[1].values(), pending[2].values(), pending[3].values());
                pendingCount = 0;
            }
        }

        /** Adds the queued rows' Hessian terms one at a time, in order. */
        private void flush() {
            for (int i = 0; i < pendingCount; i++) {
                addOuter(running, pendingFeatures + 2, pendingFeatures, curvatures[i], pending[i].values(), null);
            }
            pendingCount = 0;
        }

        /** Work space of at least {@code size} doubles for one row's margins (not sent with the sums). */
        double[] scratch(int size) {
            if (scratch == null || scratch.length < size) {
                scratch = new double[size];
            }
            return scratch;
        }
    }

    /** The margin of block {@code o}: w[o+d] + Σⱼ w[o+j]·xⱼ. */
    static double margin(double[] w, int o, int d, LabeledRow r) {
        double m = w[o + d];
        double[] x = r.values();
        int[] idx = r.indices();
        if (idx == null) {
            for (int k = 0; k < x.length; k++) {
                m += w[o + k] * x[k];
            }
        } else {
            for (int k = 0; k < x.length; k++) {
                m += w[o + idx[k]] * x[k];
            }
        }
        return m;
    }

    /** acc[0 .. K(d+1)) += ∇ℓ(row), acc[K(d+1)] += ℓ(row), for a model of K = {@code margins} margins. */
    static void gradient(Loss loss, int margins, double[] w, int d, LabeledRow r, Sums acc) {
        if (margins == 1) {
            oneMargin(loss, w, d, r, acc);
            return;
        }
        double[] a = acc.running;
        double[] p = softmax(w, margins, d, r, acc.scratch(2 * margins + 1));
        int y = (int) r.label();
        acc.addLoss(margins * (d + 1), p[margins] - p[margins + 1 + y]); // log Σ e^m − m_y
        for (int k = 0; k < margins; k++) {
            addScaled(k == y ? p[k] - 1 : p[k], k * (d + 1), d, r, a);
        }
    }

    /** Entries of the packed upper triangle of a symmetric matrix of order p. */
    static int packed(int p) {
        return p * (p + 1) / 2;
    }

    /** Where row j of the packed upper triangle of order d + 1 starts: row j holds columns j … d. */
    static int packedRow(int j, int d) {
        return j * (2 * d + 3 - j) / 2;
    }

    /**
     * One margin's {@link #gradient} and, after it at acc[d + 2 ..], ∇²ℓ(row) = ℓ''(m)·z̃z̃ᵀ with z̃ = (z, 1),
     * as the packed upper triangle of order d + 1 ({@link #packedRow}): the Hessian's sums of a pass.
     */
    static void gradientAndHessian(Loss loss, double[] w, int d, LabeledRow r, Sums acc) {
        double c = loss.curvature(oneMargin(loss, w, d, r, acc), r.label());
        if (r.isDense()) {
            acc.defer(r, c, d);
        } else {
            addOuter(acc.running, d + 2, d, c, r.values(), r.indices());
        }
    }

    /** One margin's {@link #gradient} terms of the row; returns its margin. */
    private static double oneMargin(Loss loss, double[] w, int d, LabeledRow r, Sums acc) {
        double m = margin(w, 0, d, r);
        double y = r.label();
        acc.addLoss(d + 1, loss.value(m, y));
        addScaled(loss.derivative(m, y), 0, d, r, acc.running);
        return m;
    }

    /** a[o ..] += c·z̃z̃ᵀ for one row z (dense when idx is null), packed upper triangle of order d + 1. */
    private static void addOuter(double[] a, int o, int d, double c, double[] x, int[] idx) {
        if (idx == null) {
            for (int j = 0; j < d; j++) {
                double cj = c * x[j];
                int row = o + packedRow(j, d) - j;
                for (int k = j; k < d; k++) {
                    a[row + k] += cj * x[k];
                }
                a[row + d] += cj;
            }
        } else {
            for (int t = 0; t < x.length; t++) {
                int j = idx[t];
                double cj = c * x[t];
                int row = o + packedRow(j, d) - j;
                for (int u = t; u < x.length; u++) {
                    a[row + idx[u]] += cj * x[u];
                }
                a[row + d] += cj;
            }
        }
        a[o + packedRow(d, d)] += c;
    }

    /** {@link #addOuter} for four dense rows at once, their four terms summed before each entry is updated. */
    private static void addOuterBlock(double[] a, int o, int d, double[] c, double[] x0, double[] x1, double[] x2, double[] x3) {
        for (int j = 0; j < d; j++) {
            double c0 = c[0] * x0[j];
            double c1 = c[1] * x1[j];
            double c2 = c[2] * x2[j];
            double c3 = c[3] * x3[j];
            int row = o + packedRow(j, d) - j;
            for (int k = j; k < d; k++) {
                a[row + k] += (c0 * x0[k] + c1 * x1[k]) + (c2 * x2[k] + c3 * x3[k]);
            }
            a[row + d] += (c0 + c1) + (c2 + c3);
        }
        a[o + packedRow(d, d)] += (c[0] + c[1]) + (c[2] + c[3]);
    }

    /**
     * acc[0 .. K(d+1)) += ∇²ℓ(row)·v: ℓ''(m)·(zᵀv)·z for one margin; for K, block k gets
     * pₖ(uₖ − Σⱼ pⱼuⱼ)·z with uₖ = block k of v applied to the row and p the softmax of the margins.
     */
    static void hessianVector(Loss loss, int margins, double[] w, double[] v, int d, LabeledRow r, Sums acc) {
        double[] a = acc.running;
        if (margins == 1) {
            double c = loss.curvature(margin(w, 0, d, r), r.label());
            addScaled(c * margin(v, 0, d, r), 0, d, r, a);
            return;
        }
        double[] p = softmax(w, margins, d, r, acc.scratch(2 * margins + 1));
        double pu = 0;
        for (int k = 0; k < margins; k++) {
            double u = margin(v, k * (d + 1), d, r);
            p[margins + 1 + k] = u;
            pu += p[k] * u;
        }
        for (int k = 0; k < margins; k++) {
            addScaled(p[k] * (p[margins + 1 + k] - pu), k * (d + 1), d, r, a);
        }
    }

    /**
     * The softmax of the row's K margins in p[0..K), log Σ e^m in p[K] and the margins in p[K+1 .. 2K]:
     * computed from the largest margin so that no exponential overflows.
     */
    private static double[] softmax(double[] w, int margins, int d, LabeledRow r, double[] p) {
        double max = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < margins; k++) {
            double m = margin(w, k * (d + 1), d, r);
            p[margins + 1 + k] = m;
            max = Math.max(max, m);
        }
        double z = 0;
        for (int k = 0; k < margins; k++) {
            p[k] = Math.exp(p[margins + 1 + k] - max);
            z += p[k];
        }
        for (int k = 0; k < margins; k++) {
            p[k] /= z;
        }
        p[margins] = max + Math.log(z);
        return p;
    }

    /**
     * acc[0..d) += x, acc[d..2d) += x², acc[2d] += 1, then acc[2d+1] += y for one margin or acc[2d+1+y] += 1
     * for K classes: the moments standardisation and the start need.
     */
    static void moments(int d, int margins, LabeledRow r, double[] acc) {
        double[] x = r.values();
        for (int k = 0; k < x.length; k++) {
            int j = r.index(k);
            acc[j] += x[k];
            acc[d + j] += x[k] * x[k];
        }
        acc[2 * d] += 1;
        if (margins == 1) {
            acc[2 * d + 1] += r.label();
        } else {
            acc[2 * d + 1 + (int) r.label()] += 1;
        }
    }

    /**
     * What is wrong with the row as an example of d features for the loss (K classes when
     * {@code margins} > 1), or null when nothing is: a label the loss does not accept, a dense row of
     * another length, sparse indices not strictly increasing in [0, d), a value that is not finite.
     */
    static String problem(LabeledRow r, int d, Loss loss, int margins) {
        double y = r.label();
        String label = margins == 1 ? loss.labelProblem(y)
                : y == Math.rint(y) && y >= 0 && y < margins ? null
                : "label " + y + " is not a class 0, 1, …, " + (margins - 1) + " (multinomial loss)";
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

    private static void addScaled(double a, int o, int d, LabeledRow r, double[] acc) {
        double[] x = r.values();
        int[] idx = r.indices();
        if (idx == null) {
            for (int k = 0; k < x.length; k++) {
                acc[o + k] += a * x[k];
            }
        } else {
            for (int k = 0; k < x.length; k++) {
                acc[o + idx[k]] += a * x[k];
            }
        }
        acc[o + d] += a;
    }
}
