package io.fixpoint.derivativefree;

import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.EigenDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * A derivative-free trust-region method on full quadratic interpolation models, in the manner of
 * Powell's UOBYQA (Math. Programming 92, 2002) and of Conn, Scheinberg and Vicente, <i>Introduction to
 * Derivative-Free Optimization</i> (SIAM, 2009), Algorithm 11.2. The model m(x_k + s) = f_k + gᵀs +
 * ½sᵀHs interpolates f on p = (n + 1)(n + 2)/2 points, found each iteration by solving the
 * interpolation system (EJML LU) in coordinates scaled by the radius Δ. A step minimises m exactly
 * within ‖s‖ ≤ Δ (eigen-decomposition of H and the secular equation, Moré and Sorensen 1983; the
 * hard case moves along the lowest eigenvector), and the new point replaces the interpolation point
 * whose Lagrange polynomial is largest there, weighted by its distance (Powell's rule), so the set
 * stays poised. The radius doubles after a good step to the boundary (ratio ≥ 0.7) and halves after
 * a poor one (ratio &lt; 0.1) — unless some point lies farther than 2Δ from the best one: that point
 * is then replaced by the point of x_k ± Δeᵢ where its Lagrange polynomial is largest (a geometry
 * step) before the radius is blamed.
 *
 * <p>The initial points are x₀, x₀ ± Δ₀eᵢ and x₀ + Δ₀(eᵢ + eⱼ), i &lt; j (UOBYQA's), with
 * Δ₀ = {@code initialRadius}·max(1, ‖x₀‖∞). The certificate is max(‖∇m(x_k)‖₂, Δ): on a poised set
 * the model gradient is within O(Δ) of ∇f (Conn, Scheinberg and Vicente, Theorem 3.16), so a small
 * model gradient alone, on a large set, does not pass. A radius at the rounding level of x ends the
 * solve STALLED.
 *
 * @param initialRadius Δ₀ relative to max(1, ‖x₀‖∞)
 */
public record ModelTrustRegion(double initialRadius) implements Solver<Objective, ModelTrustRegion.State> {

    public ModelTrustRegion {
        if (!(initialRadius > 0) || Double.isInfinite(initialRadius)) {
            throw new IllegalArgumentException("initialRadius must be finite and > 0, got " + initialRadius);
        }
    }

    /** Δ₀ = 0.1·max(1, ‖x₀‖∞). */
    public ModelTrustRegion() {
        this(0.1);
    }

    @Override
    public String name() {
        return "model-trust-region";
    }

    @Override
    public State init(Objective problem, double[] x0) {
        double scale = 1;
        for (double v : x0) {
            scale = Math.max(scale, Math.abs(v));
        }
        State s = new State(x0.length, initialRadius * scale);
        build(problem, s, x0, s.resolution);
        return s;
    }

    @Override
    public State step(Objective problem, State s) {
        int n = s.n;
        s.stepNorm = 0;
        if (!s.fitted) {
            // a set without a model: rebuilt around the best point, closer in when f was not finite at some point
            for (double v : s.values) {
                if (!Double.isFinite(v)) {
                    s.resolution *= 0.1;
                    break;
                }
            }
            System.arraycopy(s.points[s.best], 0, s.trial, 0, n);
            build(problem, s, s.trial, s.resolution);
            s.rebuilds++;
            return s;
        }
        double predicted = s.trustRegionStep();
        double stepLength = norm(s.step);
        if (stepLength < 0.5 * s.resolution) {
            // the model sees nothing to gain at this resolution: mend the geometry, or resolve finer
            refine(problem, s);
            return s;
        }
        double[] xk = s.points[s.best];
        for (int j = 0; j < n; j++) {
            s.trial[j] = xk[j] + s.step[j];
        }
        double fTrial = problem.value(s.trial);
        double ratio = predicted > 0 && Double.isFinite(fTrial) ? (s.values[s.best] - fTrial) / predicted : Double.NEGATIVE_INFINITY;
        if (Double.isFinite(fTrial)) {
            int replaced = s.replacement(s.trial, fTrial < s.values[s.best]);
            System.arraycopy(s.trial, 0, s.points[replaced], 0, n);
            s.values[replaced] = fTrial;
            if (fTrial < s.values[s.best]) {
                s.best = replaced;
                s.stepNorm = stepLength;
            }
        }
        if (ratio >= 0.7 && stepLength >= 0.99 * s.radius) {
            s.radius *= 2;
        } else if (ratio < 0.1) {
            if (s.radius > s.resolution) {
                s.radius = Math.max(s.resolution, 0.5 * s.radius);
            } else {
                s.fit();
                if (s.fitted) {
                    refine(problem, s);
                    return s;
                }
            }
        }
        s.fit();
        return s;
    }

    /**
     * When the trust region cannot make progress at the current resolution ρ: replace a point farther
     * than 2Δ from the best one (a geometry step), or else lower ρ tenfold (Δ to max(ρ, Δ/2)).
     */
    private static void refine(Objective problem, State s) {
        int far = s.farthest();
        if (distance(s.points[far], s.points[s.best]) > 2 * s.radius) {
            geometry(problem, s, far);
            return;
        }
        double scale = 1;
        for (double v : s.points[s.best]) {
            scale = Math.max(scale, Math.abs(v));
        }
        if (s.resolution <= 1e-15 * scale) {
            s.verdict = new Verdict(Status.STALLED, "the resolution of the interpolation set fell to the rounding level of x ("
                    + String.format("%.3g", s.resolution) + ")");
            return;
        }
        s.resolution *= 0.1;
        s.radius = Math.max(s.resolution, 0.5 * s.radius);
        s.fit();
    }

    /** UOBYQA's initial set around x with spacing {@code spacing}: x, x ± Δeᵢ, x + Δ(eᵢ + eⱼ), i &lt; j. {@code x} must not be a point of the set. */
    private static void build(Objective problem, State s, double[] x, double spacing) {
        int n = s.n;
        s.radius = spacing;
        int k = 0;
        System.arraycopy(x, 0, s.points[k++], 0, n);
        for (int i = 0; i < n; i++) {
            for (int sign = 1; sign >= -1; sign -= 2) {
                System.arraycopy(x, 0, s.points[k], 0, n);
                s.points[k++][i] += sign * spacing;
            }
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                System.arraycopy(x, 0, s.points[k], 0, n);
                s.points[k][i] += spacing;
                s.points[k++][j] += spacing;
            }
        }
        for (int i = 0; i < s.p; i++) {
            s.values[i] = problem.value(s.points[i]);
        }
        s.best = s.bestIndex();
        s.fit();
    }

    /** Replaces point {@code j} by the point of x_k ± Δeᵢ where its Lagrange polynomial is largest in magnitude. */
    private static void geometry(Objective problem, State s, int j) {
        int n = s.n;
        double[] xk = s.points[s.best];
        double bestValue = -1;
        for (int i = 0; i < n; i++) {
            for (int sign = 1; sign >= -1; sign -= 2) {
                System.arraycopy(xk, 0, s.trial, 0, n);
                s.trial[i] += sign * s.radius;
                double l = Math.abs(s.lagrange(j, s.trial));
                if (l > bestValue) {
                    bestValue = l;
                    System.arraycopy(s.trial, 0, s.step, 0, n);
                }
            }
        }
        System.arraycopy(s.step, 0, s.points[j], 0, n);
        s.values[j] = problem.value(s.points[j]);
        s.geometrySteps++;
        s.stepNorm = 0;
        if (s.values[j] < s.values[s.best]) {
            s.stepNorm = distance(s.points[j], xk);
            s.best = j;
        }
        s.fit();
    }

    private static double norm(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x * x;
        }
        return Math.sqrt(s);
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    /** The interpolation set and its model, with the workspaces of the fit and the trust-region subproblem. */
    public static final class State implements IterationState {
        final int n;
        final int p;
        final double[][] points;
        final double[] values;
        final double[] trial;
        final double[] step;
        final double[] gradient;
        final double[] hessian;
        final DMatrixRMaj system;
        final DMatrixRMaj rhs;
        final DMatrixRMaj coefficients;
        final DMatrixRMaj basis;
        final DMatrixRMaj lagrangeValues;
        final LinearSolverDense<DMatrixRMaj> lu;
        final DMatrixRMaj transposed;
        final LinearSolverDense<DMatrixRMaj> transposedLu;
        final DMatrixRMaj hessianMatrix;
        final EigenDecomposition_F64<DMatrixRMaj> eigen;
        final double[] eigenvalues;
        final double[][] eigenvectors;
        final double[] projected;
        double radius;
        /** ρ: the spacing the set is meant to resolve; Δ ≥ ρ. */
        double resolution;
        int rebuilds;
        int best;
        boolean fitted;
        double stepNorm = Double.NaN;
        Verdict verdict;
        int geometrySteps;

        State(int n, double radius) {
            this.n = n;
            this.p = (n + 1) * (n + 2) / 2;
            this.radius = radius;
            this.resolution = radius;
            points = new double[p][n];
            values = new double[p];
            trial = new double[n];
            step = new double[n];
            gradient = new double[n];
            hessian = new double[n * n];
            system = new DMatrixRMaj(p, p);
            rhs = new DMatrixRMaj(p, 1);
            coefficients = new DMatrixRMaj(p, 1);
            basis = new DMatrixRMaj(p, 1);
            lagrangeValues = new DMatrixRMaj(p, 1);
            lu = LinearSolverFactory_DDRM.lu(p);
            transposed = new DMatrixRMaj(p, p);
            transposedLu = LinearSolverFactory_DDRM.lu(p);
            hessianMatrix = new DMatrixRMaj(n, n);
            eigen = DecompositionFactory_DDRM.eig(n, true, true);
            eigenvalues = new double[n];
            eigenvectors = new double[n][n];
            projected = new double[n];
        }

        int bestIndex() {
            int b = 0;
            for (int i = 1; i < p; i++) {
                if (values[i] < values[b]) {
                    b = i;
                }
            }
            return b;
        }

        int farthest() {
            int far = best == 0 ? 1 : 0;
            for (int i = 0; i < p; i++) {
                if (i != best && distance(points[i], points[best]) > distance(points[far], points[best])) {
                    far = i;
                }
            }
            return far;
        }

        /** φ(s) for s = (y − x_k)/Δ: 1, sᵢ, ½sᵢ², sᵢsⱼ (i &lt; j), written into {@code out} at column offset 0. */
        private void monomials(double[] y, double[] out, int offset) {
            double[] xk = points[best];
            out[offset] = 1;
            int k = 1;
            for (int i = 0; i < n; i++) {
                out[offset + k++] = (y[i] - xk[i]) / radius;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double si = (y[i] - xk[i]) / radius;
                    double sj = (y[j] - xk[j]) / radius;
                    out[offset + k++] = i == j ? 0.5 * si * si : si * sj;
                }
            }
        }

        /** Solves the interpolation system for g and H; {@link #fitted} false when it is singular. */
        void fit() {
            for (int r = 0; r < p; r++) {
                monomials(points[r], system.data, r * p);
                rhs.data[r] = values[r] - values[best];
            }
            for (int r = 0; r < p; r++) {
                for (int c = 0; c < p; c++) {
                    transposed.data[c * p + r] = system.data[r * p + c];
                }
            }
            fitted = transposedLu.setA(transposed) && lu.setA(system) && lu.quality() > 1e-13;
            if (!fitted) {
                return;
            }
            lu.solve(rhs, coefficients);
            int k = 1;
            for (int i = 0; i < n; i++) {
                gradient[i] = coefficients.data[k++] / radius;
            }
            for (int i = 0; i < n; i++) {
                for (int j = i; j < n; j++) {
                    double h = coefficients.data[k++] / (radius * radius);
                    hessian[i * n + j] = h;
                    hessian[j * n + i] = h;
                }
            }
            fitted = allFinite(gradient) && allFinite(hessian);
        }

        /** ℓⱼ(y), the j-th Lagrange polynomial of the set at y. */
        double lagrange(int j, double[] y) {
            lagrangeAll(y);
            return lagrangeValues.data[j];
        }

        /**
         * The point the trial y replaces: the one maximising |ℓⱼ(y)|·max(1, ‖yⱼ − y‖²/Δ²), never the
         * best point unless y becomes the best ({@code improves}).
         */
        int replacement(double[] y, boolean improves) {
            lagrangeAll(y);
            int pick = -1;
            double score = -1;
            for (int j = 0; j < p; j++) {
                if (j == best && !improves) {
                    continue;
                }
                double d = distance(points[j], y) / radius;
                double v = Math.abs(lagrangeValues.data[j]) * Math.max(1, d * d);
                if (v > score) {
                    score = v;
                    pick = j;
                }
            }
            return pick;
        }

        /** All Lagrange polynomials at y: ℓ(y) = M⁻ᵀφ(y), M's rows the φ of the points (Conn, Scheinberg and Vicente (3.3)). */
        private void lagrangeAll(double[] y) {
            monomials(y, basis.data, 0);
            transposedLu.solve(basis, lagrangeValues);
        }

        /** The exact minimiser of gᵀs + ½sᵀHs over ‖s‖ ≤ Δ into {@link #step}; returns the predicted reduction. */
        double trustRegionStep() {
            System.arraycopy(hessian, 0, hessianMatrix.data, 0, n * n);
            if (!eigen.decompose(hessianMatrix)) {
                steepest();
                return predicted();
            }
            for (int i = 0; i < n; i++) {
                eigenvalues[i] = eigen.getEigenvalue(i).getReal();
                DMatrixRMaj v = eigen.getEigenVector(i);
                for (int j = 0; j < n; j++) {
                    eigenvectors[i][j] = v.data[j];
                }
            }
            double lowest = Double.POSITIVE_INFINITY;
            int lowestIndex = 0;
            for (int i = 0; i < n; i++) {
                projected[i] = 0;
                for (int j = 0; j < n; j++) {
                    projected[i] += eigenvectors[i][j] * gradient[j];
                }
                if (eigenvalues[i] < lowest) {
                    lowest = eigenvalues[i];
                    lowestIndex = i;
                }
            }
            // interior Newton step when H is positive definite and the step fits
            if (lowest > 0 && stepLength(0) <= radius) {
                compose(0);
                return predicted();
            }
            // ‖s(λ)‖ = Δ for λ > max(0, −λ_min): bisection then Newton on 1/‖s‖ − 1/Δ
            double lo = Math.max(0, -lowest);
            double hi = lo + norm(gradient) / radius + 1;
            while (stepLength(hi) > radius) {
                hi *= 2;
            }
            if (stepLength(lo + 1e-14 * Math.max(1, hi)) < radius) {
                // the hard case: the boundary is reached only with a component along the lowest eigenvector
                compose(lo);
                double s2 = 0;
                for (double v : step) {
                    s2 += v * v;
                }
                double tau = Math.sqrt(Math.max(0, radius * radius - s2));
                for (int j = 0; j < n; j++) {
                    step[j] += tau * eigenvectors[lowestIndex][j];
                }
                return predicted();
            }
            for (int it = 0; it < 200 && hi - lo > 1e-15 * hi; it++) {
                double mid = 0.5 * (lo + hi);
                if (stepLength(mid) > radius) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            compose(hi);
            return predicted();
        }

        private double stepLength(double lambda) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double d = eigenvalues[i] + lambda;
                double c = d == 0 ? (projected[i] == 0 ? 0 : Double.POSITIVE_INFINITY) : projected[i] / d;
                s += c * c;
            }
            return Math.sqrt(s);
        }

        private void compose(double lambda) {
            java.util.Arrays.fill(step, 0);
            for (int i = 0; i < n; i++) {
                double d = eigenvalues[i] + lambda;
                double c = d == 0 ? 0 : -projected[i] / d;
                for (int j = 0; j < n; j++) {
                    step[j] += c * eigenvectors[i][j];
                }
            }
        }

        private void steepest() {
            double g = norm(gradient);
            for (int j = 0; j < n; j++) {
                step[j] = g == 0 ? 0 : -radius * gradient[j] / g;
            }
        }

        /** −(gᵀs + ½sᵀHs). */
        private double predicted() {
            double q = 0;
            for (int i = 0; i < n; i++) {
                double hs = 0;
                for (int j = 0; j < n; j++) {
                    hs += hessian[i * n + j] * step[j];
                }
                q += step[i] * (gradient[i] + 0.5 * hs);
            }
            return -q;
        }

        private static boolean allFinite(double[] v) {
            for (double x : v) {
                if (!Double.isFinite(x)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public double[] x() {
            return points[best];
        }

        @Override
        public double value() {
            return values[best];
        }

        /** max(‖∇m(x_k)‖₂, ρ); a set the model cannot be fitted on reports its resolution only. */
        @Override
        public double optimality() {
            return fitted ? Math.max(norm(gradient), resolution) : resolution;
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
            return Map.of("radius", radius, "resolution", resolution, "modelGradientNorm", fitted ? norm(gradient) : Double.NaN,
                    "geometrySteps", geometrySteps, "rebuilds", rebuilds, "interpolationPoints", p);
        }
    }
}
