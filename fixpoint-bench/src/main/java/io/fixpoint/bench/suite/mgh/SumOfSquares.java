package io.fixpoint.bench.suite.mgh;

import io.fixpoint.problem.Objective;
import java.util.Arrays;

/**
 * A function f(x) = Σ_{i=1..m} r_i(x)² of the Moré–Garbow–Hillstrom kind: m residuals of n unknowns
 * with their analytic Jacobian and second derivatives. The same object serves as a least-squares
 * problem, as a system of equations r(x) = 0 when m = n, and (through {@link #asObjective()}) as
 * an objective with exact gradient 2Jᵀr and Hessian 2(JᵀJ + Σ r_i ∇²r_i).
 *
 * <p>Subclasses write the non-zero Jacobian entries and accumulate the weighted residual Hessians;
 * zeroing and assembly happen here, once. Instances are immutable and thread-safe.
 */
public abstract class SumOfSquares {
    private final String name;
    private final int n;
    private final int m;

    protected SumOfSquares(String name, int n, int m) {
        if (n < 1 || m < n) {
            throw new IllegalArgumentException(name + ": need 1 <= n <= m, got n=" + n + ", m=" + m);
        }
        this.name = name;
        this.n = n;
        this.m = m;
    }

    /** Lower-case hyphenated name, e.g. {@code powell-badly-scaled}. */
    public final String name() {
        return name;
    }

    /** Number of unknowns. */
    public final int n() {
        return n;
    }

    /** Number of residuals. */
    public final int m() {
        return m;
    }

    /** The standard starting point x0 of the paper (a fresh copy). */
    public abstract double[] start();

    /** Writes r(x) into {@code r} (length m). */
    public abstract void residuals(double[] x, double[] r);

    /** Writes the Jacobian ∂r_i/∂x_j into {@code jac}, row-major m×n. */
    public final void jacobian(double[] x, double[] jac) {
        Arrays.fill(jac, 0, m * n, 0.0);
        jacobianEntries(x, jac);
    }

    /** Writes Σ_i w_i ∇²r_i(x) into {@code s}, row-major n×n (symmetric). */
    public final void weightedResidualHessian(double[] x, double[] w, double[] s) {
        Arrays.fill(s, 0, n * n, 0.0);
        addResidualHessians(x, w, s);
    }

    /** Writes the non-zero entries of the Jacobian; {@code jac} is zero on entry. */
    protected abstract void jacobianEntries(double[] x, double[] jac);

    /** Adds Σ_i w_i ∇²r_i(x) to {@code s} (row-major n×n); use {@link #addSymmetric}. */
    protected abstract void addResidualHessians(double[] x, double[] w, double[] s);

    /** Adds v at (i, j) and, off the diagonal, at (j, i). */
    protected final void addSymmetric(double[] s, int i, int j, double v) {
        s[i * n + j] += v;
        if (i != j) {
            s[j * n + i] += v;
        }
    }

    /** f(x) = Σ r_i(x)². */
    public final double value(double[] x) {
        double[] r = new double[m];
        residuals(x, r);
        return sumOfSquares(r);
    }

    /**
     * The objective f with analytic gradient and Hessian. Each call returns a new view with its
     * own workspaces: a view is not thread-safe, so give each thread its own.
     */
    public Objective asObjective() {
        return new SumOfSquaresObjective(this);
    }

    @Override
    public String toString() {
        return name + " (n=" + n + ", m=" + m + ")";
    }

    static double sumOfSquares(double[] r) {
        double s = 0;
        for (double v : r) {
            s += v * v;
        }
        return s;
    }
}
