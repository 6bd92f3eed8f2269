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
 * <p>Value and gradient are one pass over the data, a Hessian–vector product another; where the data
 * lives (a Spark RDD, arrays in this JVM) is the subclass's business. Both subclasses fold the rows
 * of a partition in order and merge partitions exactly, so they give the same bits for the same
 * partitioning.
 */
public abstract sealed class GlmSum implements FiniteSum permits ArrayGlmSum, SparkGlmSum {
    /** Passes a sum makes when it is built: one for the moments of standardisation. */
    public static final long SETUP_PASSES = 1;

    final Loss loss;
    final double l2;
    final int d;
    final long n;
    private final Standardization standardization;
    private final double[] penalty;
    private final double[] center;
    private final double[] sums;
    private final double[] gradientScratch;
    private final double[] point;
    private final double[] direction;

    GlmSum(Loss loss, double l2, boolean standardized, Standardization standardization, long n) {
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("L2 penalty must be finite and ≥ 0, got " + l2);
        }
        if (n < 1) {
            throw new IllegalArgumentException("a finite sum needs at least one example, got " + n);
        }
        this.loss = loss;
        this.l2 = l2;
        this.standardization = standardization;
        this.d = standardization.features();
        this.n = n;
        this.penalty = standardization.penaltyWeights(standardized);
        this.center = standardization.scaledMean();
        this.sums = new double[d + 2];
        this.gradientScratch = new double[d + 1];
        this.point = new double[d + 1];
        this.direction = new double[d + 1];
    }

    @Override
    public int dimension() {
        return d + 1;
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
     * the centred parametrisation stays near-optimal as the coefficients move.
     */
    public double[] start() {
        double[] x = new double[d + 1];
        x[d] = loss.interceptAt(standardization.labelMean());
        return x;
    }

    /** The model on the original features of the parameters x (intercept last): βⱼ = wⱼ/σⱼ, b = c − Σ βⱼ x̄ⱼ. */
    public double[] coefficients(double[] x) {
        return standardization.coefficients(uncentered(x, new double[d + 1]));
    }

    /** The parameters x of the model β on the original features (intercept last); inverse of {@link #coefficients}. */
    public double[] parameters(double[] beta) {
        double[] x = standardization.scaledCoefficients(beta);
        x[d] += dotCenter(x);
        return x;
    }

    /** Passes over the data made so far (the standardisation pass included). */
    public abstract long passes();

    /** Bytes of coefficient vectors shipped to the workers so far (0 in process). */
    public abstract long broadcastBytes();

    /** out[0..d] = Σ ∇ℓ, out[d+1] = Σ ℓ over the batch's rows, in one pass. */
    abstract void gradientSums(double[] w, Batch batch, double[] out);

    /** out[0..d] = Σ ℓ''·(zᵀv)·z over the batch's rows, in one pass. */
    abstract void hessianVectorSums(double[] w, double[] v, Batch batch, double[] out);

    @Override
    public double value(double[] w, Batch batch) {
        return valueAndGradient(w, batch, gradientScratch);
    }

    @Override
    public double valueAndGradient(double[] w, Batch batch, double[] g) {
        check(w, "point");
        gradientSums(uncentered(w, point), batch, sums);
        double m = batch.examples(n);
        double reg = 0;
        for (int j = 0; j < d; j++) {
            reg += penalty[j] * w[j] * w[j];
            g[j] = (sums[j] - center[j] * sums[d]) / m + l2 * penalty[j] * w[j];
        }
        g[d] = sums[d] / m;
        return sums[d + 1] / m + 0.5 * l2 * reg;
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
        double m = batch.examples(n);
        for (int j = 0; j < d; j++) {
            hv[j] = (sums[j] - center[j] * sums[d]) / m + l2 * penalty[j] * v[j];
        }
        hv[d] = sums[d] / m;
    }

    /** x with its intercept moved from the centred to the uncentred margin: b = c − wᵀz̄. */
    private double[] uncentered(double[] x, double[] out) {
        System.arraycopy(x, 0, out, 0, d);
        out[d] = x[d] - dotCenter(x);
        return out;
    }

    private double dotCenter(double[] x) {
        double s = 0;
        for (int j = 0; j < d; j++) {
            s += x[j] * center[j];
        }
        return s;
    }

    private void check(double[] x, String what) {
        if (x.length != d + 1) {
            throw new IllegalArgumentException("the " + what + " has length " + x.length + ", the model " + (d + 1)
                    + " (" + d + " coefficients and the intercept)");
        }
    }

    @Override
    public String toString() {
        return loss.key() + " model, " + d + " features, " + n + " examples, λ = " + l2 + ", penalty weights "
                + (Arrays.stream(penalty).allMatch(p -> p == 1) ? "1" : "1/σ²");
    }
}
