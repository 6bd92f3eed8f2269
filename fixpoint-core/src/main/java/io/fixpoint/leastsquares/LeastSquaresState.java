package io.fixpoint.leastsquares;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state shared by the least-squares solvers: the iterate with its residuals, Jacobian and
 * gradient Jᵀr, the trust region, and every workspace (nothing is allocated per iteration).
 *
 * <p>{@link #value()} is ½‖r‖². {@link #optimality()} is ‖Jᵀr‖∞ for unbounded problems and the
 * Coleman–Li scaled gradient ‖v∘Jᵀr‖∞ for bounded ones (v = distance to the bound the gradient
 * points at), which is zero exactly at first-order critical points of the box-constrained problem.
 */
public final class LeastSquaresState implements IterationState {
    final int n;
    final int m;
    final Bounds bounds;
    final double[] x;
    final double[] r;
    final double[] jac;
    final double[] g;
    double f;
    double optimality;
    double stepNorm = Double.NaN;
    Verdict verdict;

    /** Trust-region radius (in scaled variables), Levenberg–Marquardt parameter, column scaling. */
    double radius;
    double lambda;
    final double[] scale;
    int trials;
    int accelerated;

    // workspaces
    final double[] step;
    final double[] scaledStep;
    final double[] xTrial;
    final double[] rTrial;
    final double[] jp;
    final double[] work;
    final double[] workM;
    /** The factorisation and extra vectors a method needs, sized once in init. */
    ScaledSvd svd;
    double[][] extra;

    LeastSquaresState(LeastSquaresProblem problem, double[] x0) {
        this.n = problem.dimension();
        this.m = problem.residualCount();
        if (m <= 0) {
            throw new InvalidProblemException("a least-squares problem needs at least one residual, got m = " + m);
        }
        this.bounds = problem.bounds() != null && problem.bounds().isBounded() ? problem.bounds() : null;
        if (problem.bounds() != null) {
            InvalidProblemException.checkDimension("bounds", problem.bounds().dimension(), n);
        }
        this.x = x0;
        this.r = new double[m];
        this.jac = new double[m * n];
        this.g = new double[n];
        this.scale = new double[n];
        this.step = new double[n];
        this.scaledStep = new double[n];
        this.xTrial = new double[n];
        this.rTrial = new double[m];
        this.jp = new double[m];
        this.work = new double[n];
        this.workM = new double[m];
        problem.residuals(x, r);
        f = 0.5 * Vectors.dot(r, r);
        updateJacobian(problem);
    }

    /** Evaluates J at x and refreshes the gradient and the optimality measure. */
    void updateJacobian(LeastSquaresProblem problem) {
        problem.jacobian(x, jac);
        java.util.Arrays.fill(g, 0);
        for (int i = 0; i < m; i++) {
            double ri = r[i];
            int row = i * n;
            for (int j = 0; j < n; j++) {
                g[j] += jac[row + j] * ri;
            }
        }
        optimality = 0;
        for (int j = 0; j < n; j++) {
            double v = bounds == null ? 1 : colemanLi(j);
            optimality = Math.max(optimality, Math.abs(v * g[j]));
        }
    }

    /** Coleman–Li scaling: distance to the bound the negative gradient points at (1 if that bound is infinite). */
    double colemanLi(int j) {
        if (g[j] < 0 && Double.isFinite(bounds.upper()[j])) {
            return bounds.upper()[j] - x[j];
        }
        if (g[j] > 0 && Double.isFinite(bounds.lower()[j])) {
            return x[j] - bounds.lower()[j];
        }
        return 1;
    }

    /** J·v into {@code out} (length m). */
    void multiply(double[] v, double[] out) {
        for (int i = 0; i < m; i++) {
            double s = 0;
            int row = i * n;
            for (int j = 0; j < n; j++) {
                s += jac[row + j] * v[j];
            }
            out[i] = s;
        }
    }

    /** The model's predicted decrease of ½‖r‖² for the step p: −(gᵀp + ½‖Jp‖²). Leaves Jp in {@code jp}. */
    double predictedReduction(double[] p) {
        multiply(p, jp);
        return -(Vectors.dot(g, p) + 0.5 * Vectors.dot(jp, jp));
    }

    @Override
    public double[] x() {
        return x;
    }

    /** The residuals at {@link #x()}. */
    public double[] residuals() {
        return r;
    }

    /** The Jacobian at {@link #x()}, row-major m×n. */
    public double[] jacobian() {
        return jac;
    }

    @Override
    public double value() {
        return f;
    }

    @Override
    public double optimality() {
        return optimality;
    }

    @Override
    public double stepNorm() {
        return stepNorm;
    }

    @Override
    public Verdict verdict() {
        return verdict;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rss", 2 * f);
        if (radius > 0) {
            d.put("trustRadius", radius);
        }
        d.put("lambda", lambda);
        if (accelerated > 0) {
            d.put("acceleratedTrials", accelerated);
        }
        return d;
    }
}
