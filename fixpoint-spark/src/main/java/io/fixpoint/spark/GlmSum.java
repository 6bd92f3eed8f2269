package io.fixpoint.spark;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.FiniteSum;
import java.util.Arrays;

/**
 * A generalised linear model's objective as a finite sum over standardised examples zᵢ:
 * f(w, c) = (1/N) Σᵢ ℓ(wᵀ(zᵢ − z̄) + c, yᵢ) + (λ/2) Σⱼ pⱼ wⱼ², with the intercept c = x[d] unpenalised
 * and the penalty weights pⱼ of {@link Standardization#penaltyWeights}. With {@code standardized =
 * true} this is the objective MLlib's {@code LogisticRegression} reports ({@code objectiveHistory})
 * for the same {@code regParam = λ} and {@code elasticNetParam = 0}.
 *
 * <p>Centring on the mean z̄, as MLlib does when it fits an intercept, changes no value of f (it
 * moves the intercept by wᵀz̄) but decouples the intercept from the coefficients, which conditions
 * the problem as well as standardisation does. It is done on the driver, not in the data: a pass
 * evaluates the uncentred margin wᵀzᵢ + b with b = c − wᵀz̄, and the gradient's coefficient part
 * becomes Σ ℓ′zᵢ − z̄ Σ ℓ′; sparse rows stay sparse. {@link #coefficients} undoes both
 * transformations.
 *
 * <p>A multinomial model ({@link #margins} K ≥ 2: MLlib's {@code family = "multinomial"}) has K blocks
 * of d coefficients and an intercept, x[k(d+1) .. k(d+1)+d], one per class; its loss is the softmax
 * cross-entropy ℓ = log Σₖ e^{mₖ} − m_y of the K margins, and the penalty covers every block's
 * coefficients. The other models have one block (K = 1).
 *
 * <p>Value and gradient are one pass over the data, a Hessian–vector product another. A sum
 * {@link #withDenseHessian with its dense Hessian} (one margin, at most {@value #HESSIAN_LIMIT} parameters) also
 * assembles ∇²f in the pass that computes the gradient, at (d+1)(d+2)/2 multiply-adds a row instead of about
 * 2·nnz, so that a Newton method makes one pass per iteration; where the data
 * lives (a Spark RDD, arrays in this JVM) is the subclass's business. Both subclasses fold the rows
 * of a partition in order and merge partitions exactly, so they give the same bits for the same
 * partitioning.
 */
public abstract sealed class GlmSum implements FiniteSum permits ArrayGlmSum, SparkGlmSum {
    /** Passes a sum makes when it is built: one for the moments of standardisation. */
    public static final long SETUP_PASSES = 1;
    /** Most parameters (d + 1) for which a sum assembles its dense Hessian. */
    public static final int HESSIAN_LIMIT = 1000;

    final Loss loss;
    final double l2;
    final int d;
    final long n;
    final int margins;
    private final Standardization standardization;
    private final boolean standardized;
    private final double[] penalty;
    private final double[] center;
    private final double[] sums;
    private final double[] gradientScratch;
    private final double[] point;
    private final double[] direction;
    private boolean denseHessian;

    GlmSum(Loss loss, int margins, double l2, boolean standardized, Standardization standardization, long n) {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("L2 penalty must be finite and ≥ 0, got " + l2);
        }
        if (n < 1) {
            throw new IllegalArgumentException("a finite sum needs at least one example, got " + n);
        }
        String missing = missingClass(loss, margins, standardization);
        if (missing != null) {
            throw new IllegalArgumentException(missing + ": the model's unpenalised intercept has no finite optimum");
        }
        this.loss = loss;
        this.margins = margins;
        this.l2 = l2;
        this.standardization = standardization;
        this.standardized = standardized;
        this.d = standardization.features();
        this.n = n;
        this.penalty = standardization.penaltyWeights(standardized);
        this.center = standardization.scaledMean();
        this.sums = new double[width(d, margins)];
        this.gradientScratch = new double[dimension()];
        this.point = new double[dimension()];
        this.direction = new double[dimension()];
    }

    /**
     * A class no example belongs to, for a classifier with an intercept: the likelihood then grows
     * without bound as that class's intercept goes to −∞, so no fit exists (MLlib sets the intercept
     * to ±∞ instead). Null when every class has an example.
     */
    private static String missingClass(Loss loss, int margins, Standardization s) {
        if (margins == 1) {
            double mean = s.labelMean();
            return loss != Loss.LOGISTIC || (mean > 0 && mean < 1) ? null : "every label is " + (int) mean;
        }
        double[] counts = s.classCounts();
        for (int k = 0; k < counts.length; k++) {
            if (counts[k] == 0) {
                return "no example has class " + k + " of 0 … " + (margins - 1);
            }
        }
        return null;
    }

    static int checkClasses(int classes) {
        if (classes < 2) {
            throw new IllegalArgumentException("a multinomial model needs at least 2 classes, got " + classes);
        }
        return classes;
    }

    /** Width of a pass's sums: the gradient's K(d+1) entries, then the loss. */
    static int width(int d, int margins) {
        return margins * (d + 1) + 1;
    }

    /** Width of a pass's sums with the Hessian: one margin's {@link #width}, then the packed upper triangle of order d + 1. */
    static int hessianWidth(int d) {
        return width(d, 1) + Kernel.packed(d + 1);
    }

    /**
     * Offers the solvers this sum's dense Hessian ({@link #hasHessian}): every pass that computes the
     * gradient through {@link #valueGradientAndHessian} assembles ∇²f as well. Worth it where passes are
     * dear and d small: a pass then costs (d+1)(d+2)/2 multiply-adds a row, about d/4 times a
     * Hessian–vector product's pass on dense rows. Returns this sum.
     *
     * @throws IllegalArgumentException for a multinomial model, or more than {@value #HESSIAN_LIMIT} parameters
     */
    public GlmSum withDenseHessian() {
        if (margins != 1) {
            throw new IllegalArgumentException("the dense Hessian is assembled for one margin; a " + margins + "-class model uses Hessian–vector products");
        }
        if (d + 1 > HESSIAN_LIMIT) {
            throw new IllegalArgumentException("the dense Hessian is assembled for at most " + HESSIAN_LIMIT + " parameters; this model has " + (d + 1)
                    + " (use Hessian–vector products)");
        }
        denseHessian = true;
        return this;
    }

    @Override
    public int dimension() {
        return margins * (d + 1);
    }

    /** Margins per example: the number of classes of a multinomial model, else 1. */
    public int margins() {
        return margins;
    }

    @Override
    public long size() {
        return n;
    }

    public Loss loss() {
        return loss;
    }

    public double l2() {
        return l2;
    }

    /** The scaling the model is fitted in; {@link Standardization#coefficients} maps a solution back. */
    public Standardization standardization() {
        return standardization;
    }

    /**
     * The start MLlib's {@code LogisticRegression} uses: coefficients 0 and the intercept that is
     * optimal for them (the log-odds of the mean label; the mean label for squared loss), which in
     * the centred parametrisation stays near-optimal as the coefficients move. A multinomial model
     * starts, as MLlib's does, from intercepts log(1 + countₖ), centred to sum to zero.
     */
    public double[] start() {
        double[] x = new double[dimension()];
        if (margins == 1) {
            x[d] = loss.interceptAt(standardization.labelMean());
            return x;
        }
        double[] counts = standardization.classCounts();
        double mean = 0;
        for (double c : counts) {
            mean += Math.log1p(c) / margins;
        }
        for (int k = 0; k < margins; k++) {
            x[k * (d + 1) + d] = Math.log1p(counts[k]) - mean;
        }
        return x;
    }

    /**
     * The model on the original features of the parameters x, block by block (intercept last in each):
     * βⱼ = wⱼ/σⱼ, b = c − Σ βⱼ x̄ⱼ.
     */
    public double[] coefficients(double[] x) {
        double[] beta = uncentered(x, new double[dimension()]);
        for (int o = 0; o < beta.length; o += d + 1) {
            standardization.toOriginal(beta, o);
        }
        return beta;
    }

    /** The parameters x of the model β on the original features (blocks as in x); inverse of {@link #coefficients}. */
    public double[] parameters(double[] beta) {
        check(beta, "model");
        double[] x = beta.clone();
        for (int o = 0; o < x.length; o += d + 1) {
            standardization.toScaled(x, o);
            x[o + d] += dotCenter(x, o);
        }
        return x;
    }

    /**
     * The weights, in this sum's parameters (intercept last, unpenalised), of the L1 penalty l1·Σⱼ|wⱼ| on
     * the standardised coefficients, or l1·Σⱼ|βⱼ| on the original ones when the sum penalises those
     * (weight l1/σⱼ, 0 for a dropped feature): MLlib's {@code LogisticRegression} penalty for
     * {@code regParam·elasticNetParam = l1}.
     */
    public double[] l1Weights(double l1) {
        if (!(l1 >= 0) || Double.isInfinite(l1)) {
            throw new IllegalArgumentException("L1 penalty must be finite and ≥ 0, got " + l1);
        }
        double[] block = standardization.l1Weights(l1, standardized);
        double[] weights = new double[dimension()];
        for (int o = 0; o < weights.length; o += d + 1) {
            System.arraycopy(block, 0, weights, o, d + 1);
        }
        return weights;
    }

    /** Passes over the data made so far (the standardisation pass included). */
    public abstract long passes();

    /** Bytes of coefficient vectors shipped to the workers so far (0 in process). */
    public abstract long broadcastBytes();

    /** out[0 .. K(d+1)) = Σ ∇ℓ, out[K(d+1)] = Σ ℓ over the batch's rows, in one pass. */
    abstract void gradientSums(double[] w, Batch batch, double[] out);

    /** out[0 .. K(d+1)) = Σ ∇²ℓ·v over the batch's rows (ℓ''·(zᵀv)·z for one margin), in one pass. */
    abstract void hessianVectorSums(double[] w, double[] v, Batch batch, double[] out);

    /** out = the {@link #gradientSums} of one margin, then Σ ℓ''·z̃z̃ᵀ packed ({@link Kernel#gradientAndHessian}), in one pass. */
    abstract void gradientAndHessianSums(double[] w, Batch batch, double[] out);

    @Override
    public double value(double[] w, Batch batch) {
        return valueAndGradient(w, batch, gradientScratch);
    }

    @Override
    public double valueAndGradient(double[] w, Batch batch, double[] g) {
        check(w, "point");
        gradientSums(uncentered(w, point), batch, sums);
        return valueFromSums(sums, w, batch.examples(n), g);
    }

    @Override
    public boolean hasHessian() {
        return denseHessian;
    }

    @Override
    public void hessian(double[] w, Batch batch, double[] h) {
        valueGradientAndHessian(w, batch, gradientScratch, h);
    }

    @Override
    public double valueGradientAndHessian(double[] w, Batch batch, double[] g, double[] h) {
        if (!denseHessian) {
            throw new UnsupportedOperationException("this sum has no dense Hessian (see withDenseHessian)");
        }
        check(w, "point");
        if (h.length != dimension() * dimension()) {
            throw new IllegalArgumentException("the Hessian has length " + h.length + ", the model " + dimension() + "² = " + dimension() * dimension());
        }
        double[] s = new double[hessianWidth(d)];
        gradientAndHessianSums(uncentered(w, point), batch, s);
        double m = batch.examples(n);
        hessianFromSums(s, m, h);
        return valueFromSums(s, w, m, g);
    }

    /** f and ∇f at w from a pass's sums over m examples. */
    private double valueFromSums(double[] s, double[] w, double m, double[] g) {
        centred(s, m, w, g);
        double reg = 0;
        for (int o = 0; o < g.length; o += d + 1) {
            for (int j = 0; j < d; j++) {
                reg += penalty[j] * w[o + j] * w[o + j];
            }
        }
        return s[g.length] / m + 0.5 * l2 * reg;
    }

    /**
     * out = (1/m)·Uᵀs + λP·v block by block: a pass's sums s over m examples, taken in the uncentred margin,
     * mapped back to the centred parameters (coefficient j: (sⱼ − z̄ⱼ·s_d)/m, intercept s_d/m), plus the
     * penalty's term at v: the gradient for v = w, a Hessian–vector product for a direction v.
     */
    private void centred(double[] s, double m, double[] v, double[] out) {
        for (int o = 0; o < out.length; o += d + 1) {
            for (int j = 0; j < d; j++) {
                out[o + j] = (s[o + j] - center[j] * s[o + d]) / m + l2 * penalty[j] * v[o + j];
            }
            out[o + d] = s[o + d] / m;
        }
    }

    /**
     * ∇²f = (1/m)·UᵀAU + λP from the uncentred sums A = Σ ℓ''·z̃z̃ᵀ (packed after the gradient's sums), where
     * U = [[I, 0], [−z̄ᵀ, 1]] maps centred parameters to the uncentred margin's, as {@link #hessianVector} does
     * for one direction: entry (j, k) is (A_jk − z̄ₖA_jd − z̄ⱼb_k)/m with b_k = A_kd − z̄ₖA_dd.
     */
    private void hessianFromSums(double[] s, double m, double[] h) {
        int p = d + 1;
        int o = width(d, 1);
        double corner = s[o + Kernel.packedRow(d, d)]; // A_dd
        double[] b = new double[d];
        for (int k = 0; k < d; k++) {
            b[k] = s[o + Kernel.packedRow(k, d) - k + d] - center[k] * corner;
        }
        for (int j = 0; j < d; j++) {
            int row = o + Kernel.packedRow(j, d) - j;
            double ajd = s[row + d];
            for (int k = j; k < d; k++) {
                double v = (s[row + k] - center[k] * ajd - center[j] * b[k]) / m + (j == k ? l2 * penalty[j] : 0);
                h[j * p + k] = v;
                h[k * p + j] = v;
            }
            h[j * p + d] = b[j] / m;
            h[d * p + j] = b[j] / m;
        }
        h[d * p + d] = corner / m;
    }

    @Override
    public boolean convex() {
        return true; // every loss here (logistic, squared, Huber) is convex in the margin, and the penalty is convex
    }

    @Override
    public boolean hasHessianVector() {
        return true;
    }

    /** True: a value is computed with its gradient in one pass, and a Hessian–vector product is a pass too. */
    @Override
    public boolean evaluatedInPasses() {
        return true;
    }

    @Override
    public void hessianVector(double[] w, Batch batch, double[] v, double[] hv) {
        check(w, "point");
        check(v, "direction");
        hessianVectorSums(uncentered(w, point), uncentered(v, direction), batch, sums);
        centred(sums, batch.examples(n), v, hv);
    }

    /** x with each block's intercept moved from the centred to the uncentred margin: b = c − wᵀz̄. */
    private double[] uncentered(double[] x, double[] out) {
        System.arraycopy(x, 0, out, 0, x.length);
        for (int o = 0; o < x.length; o += d + 1) {
            out[o + d] = x[o + d] - dotCenter(x, o);
        }
        return out;
    }

    private double dotCenter(double[] x, int offset) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += x[offset + j] * center[j];
        }
        return s;
    }

    private void check(double[] x, String what) {
        if (x.length != dimension()) {
            throw new IllegalArgumentException("the " + what + " has length " + x.length + ", the model " + dimension() + " ("
                    + (margins == 1 ? "" : margins + " classes × ") + d + " coefficients and the intercept)");
        }
    }

    @Override
    public String toString() {
        return (margins == 1 ? loss.key() : margins + "-class multinomial") + " model, " + d + " features, " + n + " examples, λ = " + l2 + ", penalty weights "
                + (Arrays.stream(penalty).allMatch(p -> p == 1) ? "1" : "1/σ²");
    }
}
