package io.fixpoint.leastsquares;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.solve.SolverState;

/**
 * What every least-squares solver keeps: the iterate with its residuals, Jacobian and gradient Jᵀr,
 * the column scaling D and the SVD of J·D⁻¹ the steps are computed from, the damping λ, and the
 * trial point. Gauss–Newton needs nothing more; the trust-region methods extend it with the region
 * and their own workspaces. Nothing is allocated per iteration.
 *
 * <p>{@link #value()} is ½‖r‖². {@link #optimality()} is ‖Jᵀr‖∞ for unbounded problems and the
 * Coleman–Li scaled gradient ‖v∘Jᵀr‖∞ for bounded ones (v = distance to the bound the gradient
 * points at), which is zero exactly at first-order critical points of the box-constrained problem.
 */
public class LeastSquaresState extends SolverState {
    /** A relative predicted reduction this small means the Gauss–Newton model is exact to all practical digits. */
    private static final double ASYMPTOTIC = 1e-8;

    final int n;
    final int m;
    final Bounds bounds;
    final double[] r;
    final double[] jac;
    final double[] g;
    /** The column scaling D, and the D⁻¹ that J is multiplied by before the SVD. */
    final double[] scale;
    final double[] inverseScale;
    final ScaledSvd svd;
    /** The Levenberg–Marquardt parameter of the last step (0 for an undamped Gauss–Newton step). */
    double lambda;
    /** ‖D·p‖/‖D·x‖ of the Gauss–Newton correction where a stopping test fired (NaN until then). */
    double correction = Double.NaN;

    // the step (unscaled and scaled), the trial point and its residuals, a scratch n-vector
    final double[] step;
    final double[] scaledStep;
    final double[] xTrial;
    final double[] rTrial;
    final double[] work;

    /** Evaluates r and J at {@code x0}; {@code augmented}: the SVD carries the Coleman–Li rows of the reflective method. */
    LeastSquaresState(LeastSquaresProblem problem, double[] x0, boolean augmented) {
        super(x0);
        this.n = problem.dimension();
        this.m = problem.residualCount();
        if (m <= 0) {
            throw new InvalidProblemException("a least-squares problem needs at least one residual, got m = " + m);
        }
        this.bounds = problem.bounds() != null && problem.bounds().isBounded() ? problem.bounds() : null;
        if (problem.bounds() != null) {
            InvalidProblemException.checkDimension("bounds", problem.bounds().dimension(), n);
        }
        this.r = new double[m];
        this.jac = new double[m * n];
        this.g = new double[n];
        this.scale = new double[n];
        this.inverseScale = new double[n];
        this.svd = new ScaledSvd(m, n, augmented);
        this.step = new double[n];
        this.scaledStep = new double[n];
        this.xTrial = new double[n];
        this.rTrial = new double[m];
        this.work = new double[n];
        problem.residuals(x, r);
        value = 0.5 * Vectors.dot(r, r);
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

    /** Makes the trial point, with residuals {@code rTrial} and value {@code fTrial}, the iterate, and evaluates J there. */
    void acceptTrial(LeastSquaresProblem problem, double fTrial, double stepLength) {
        Vectors.copy(xTrial, x);
        Vectors.copy(rTrial, r);
        stepNorm = stepLength;
        value = fTrial;
        updateJacobian(problem);
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

    /** MINPACK's scaling (mode 1) into {@code d}: dⱼ = the largest norm column j of J has had so far (1 for a zero column). */
    void updateColumnScaling(double[] d) {
        for (int j = 0; j < n; j++) {
            double c = 0;
            for (int i = 0; i < m; i++) {
                double v = jac[i * n + j];
                c += v * v;
            }
            c = Math.sqrt(c);
            d[j] = d[j] == 0 ? (c == 0 ? 1 : c) : Math.max(d[j], c);
        }
    }

    /** MINPACK's column scaling D and the SVD of J·D⁻¹ at the current iterate; false when J cannot be factorised. */
    boolean factorScaled() {
        updateColumnScaling(scale);
        for (int j = 0; j < n; j++) {
            inverseScale[j] = 1 / scale[j];
        }
        return svd.decompose(jac, inverseScale, null, r);
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

    /**
     * In the last iterations the change in ½‖r‖² sinks below the rounding noise of the residuals and
     * the ratio test turns into a coin toss. There a Gauss–Newton step (λ = 0, tiny predicted
     * reduction) is judged in parameter space instead, by Deuflhard's natural monotonicity test: the
     * simplified correction −J⁺r(x + p), with the factorisation at hand, must be at most half as long
     * as p. Unbounded problems only (with bounds the factorisation carries the Coleman–Li rows).
     */
    boolean contracts(double pred, double pnorm) {
        if (lambda != 0 || !(pred <= ASYMPTOTIC) || bounds != null || pnorm == 0) {
            return false;
        }
        svd.gaussNewton(rTrial, work);
        return Vectors.norm(work) <= 0.5 * pnorm;
    }

    /**
     * The relative length ‖D·p‖/‖D·x‖ of the Gauss–Newton correction p = −J⁺r at the current iterate,
     * with D the column norms of J there: how far the linearised model still asks x to move. At a
     * stationary point it is at rounding level (J⁺ of residuals that are noise is tiny too); where a
     * step or reduction test fired only because the trust region collapsed (a vanishing column, a
     * badly scaled start) it is not. A variable the correction would push across a bound is held at
     * that bound (its column dropped) and counts with its distance to it. Records and returns the
     * figure; overwrites the scaling and the factorisation, so it is for the end of a solve.
     */
    double gaussNewtonCorrection() {
        ScaledSvd.columnNorms(jac, m, n, scale, inverseScale);
        if (!svd.decompose(jac, inverseScale, null, r)) {
            return correction = Double.NaN;
        }
        svd.gaussNewton(scaledStep);
        if (bounds != null && cutAtBounds()) {
            // the held variables keep their distance to the bound (in work); the others get the correction without them
            for (int j = 0; j < n; j++) {
                inverseScale[j] = Double.isNaN(work[j]) ? 1 / scale[j] : 0;
            }
            svd.decompose(jac, inverseScale, null, r);
            svd.gaussNewton(scaledStep);
            for (int j = 0; j < n; j++) {
                if (!Double.isNaN(work[j])) {
                    scaledStep[j] = work[j];
                }
            }
            cutAtBounds();
        }
        double norm = Vectors.norm(scaledStep);
        double xn = scaledNorm(scale, x);
        return correction = xn > 0 ? norm / xn : (norm == 0 ? 0 : Double.POSITIVE_INFINITY);
    }

    /**
     * Cuts the scaled step at the box: a component that would leave it becomes the (scaled) distance to
     * the bound, also kept in {@code work} (NaN for the others); true if any was cut.
     */
    private boolean cutAtBounds() {
        boolean cut = false;
        for (int j = 0; j < n; j++) {
            double to = x[j] + scaledStep[j] / scale[j];
            double bound = to > bounds.upper()[j] ? bounds.upper()[j] : to < bounds.lower()[j] ? bounds.lower()[j] : Double.NaN;
            work[j] = Double.isNaN(bound) ? Double.NaN : (bound - x[j]) * scale[j];
            if (!Double.isNaN(bound)) {
                scaledStep[j] = work[j];
                cut = true;
            }
        }
        return cut;
    }

    /** ½‖r‖² − ½‖r₊‖², accurately. */
    static double reduction(double[] r, double[] rTrial) {
        double t = 0;
        for (int i = 0; i < r.length; i++) {
            t += (r[i] - rTrial[i]) * (r[i] + rTrial[i]);
        }
        return 0.5 * t;
    }

    /** ‖D∘x‖. */
    static double scaledNorm(double[] d, double[] x) {
        double t = 0;
        for (int j = 0; j < x.length; j++) {
            t = Math.hypot(t, d[j] * x[j]);
        }
        return t;
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
    protected void describe(Details details) {
        details.put("rss", 2 * value).put("lambda", lambda);
        if (!Double.isNaN(correction)) {
            details.put("gaussNewtonCorrection", correction);
        }
    }
}
