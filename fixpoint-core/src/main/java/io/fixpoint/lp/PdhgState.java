package io.fixpoint.lp;

import io.fixpoint.linalg.Lanczos;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What every PDHG solver of a linear program keeps: the iterate z = (x, y) and Aᵀy, one PDHG step
 * T(z) = (x⁺, y⁺) with the products it needs, the diagonal preconditioner that stands for the
 * scaled program (see {@link Scaling}), step size η and primal weight ω, and the certified point:
 * the last pair whose KKT figures were evaluated, which is what {@link #x()} and
 * {@link #optimality()} report. Solvers keep their restart bookkeeping in subclasses.
 *
 * <p>One PDHG step (Chambolle–Pock, primal first, as in PDLP): x⁺ = proj_X(x − T(c − Aᵀy)),
 * x̄ = 2x⁺ − x, y⁺ = y − S·Ax̄ + S·proj_[l_c,u_c](Ax̄ − S⁻¹y), with T = (η/ω)·diag(column²) and
 * S = ηω·diag(row²).
 */
public abstract class PdhgState implements IterationState {
    /** KKT figures are evaluated every this many iterations (PDLP's major iteration). */
    static final int EVALUATION_PERIOD = 64;
    /** A candidate ray is checked when its violation is below this share of its objective. */
    static final double SCREEN = 1e-3;
    private static final double[] CUTS = {0, 1e-9, 1e-7, 1e-5, 1e-3};
    /** Relative accuracy of the estimate of ‖Ã‖₂² behind the Halpern solvers' step size. */
    static final double NORM_TOLERANCE = 1e-4;

    final ParallelExecutor executor;
    final double infeasibilityTolerance;
    final int n;
    final int m;
    final double[] column2;
    final double[] row2;
    final double[] inverseColumn;
    final double[] inverseRow;
    double eta;
    double omega;

    final double[] x;
    final double[] y;
    final double[] aty;
    final double[] xNext;
    final double[] yNext;
    final double[] xBar;
    final double[] axBar;
    final double[] axNext;
    final double[] atyNext;

    final double[] xCertified;
    final double[] yCertified;
    KktError kkt;
    Verdict verdict;
    FarkasRay ray;
    int iterations;
    int restarts;
    double primalMove2;
    double dualMove2;
    double interaction;
    private final double[] dx;
    private final double[] dy;
    private final double[] adx;
    private final double[] atdy;

    PdhgState(LinearProgram lp, double[] x0, Scaling scaling, ParallelExecutor executor, double infeasibilityTolerance) {
        this.executor = executor;
        this.infeasibilityTolerance = infeasibilityTolerance;
        this.n = lp.dimension();
        this.m = lp.constraints();
        this.column2 = new double[n];
        this.inverseColumn = new double[n];
        for (int j = 0; j < n; j++) {
            column2[j] = scaling.column()[j] * scaling.column()[j];
            inverseColumn[j] = 1 / scaling.column()[j];
        }
        this.row2 = new double[m];
        this.inverseRow = new double[m];
        for (int i = 0; i < m; i++) {
            row2[i] = scaling.row()[i] * scaling.row()[i];
            inverseRow[i] = 1 / scaling.row()[i];
        }
        this.x = new double[n];
        double[] lo = lp.variableLower();
        double[] hi = lp.variableUpper();
        for (int j = 0; j < n; j++) {
            x[j] = KktError.clamp(x0[j], lo[j], hi[j]);
        }
        this.y = new double[m];
        this.aty = new double[n];
        this.xNext = new double[n];
        this.yNext = new double[m];
        this.xBar = new double[n];
        this.axBar = new double[m];
        this.axNext = new double[m];
        this.atyNext = new double[n];
        this.xCertified = new double[n];
        this.yCertified = new double[m];
        this.dx = new double[n];
        this.dy = new double[m];
        this.adx = new double[m];
        this.atdy = new double[n];
        this.omega = initialPrimalWeight(lp);
    }

    /** ω₀ = (‖c̃‖ + 1)/(‖b̃‖ + 1) on the scaled program: cuPDLPx's choice (Lu and Yang 2024, §4). */
    private double initialPrimalWeight(LinearProgram lp) {
        double c2 = 0;
        double[] c = lp.objective();
        for (int j = 0; j < n; j++) {
            c2 += c[j] * c[j] * column2[j];
        }
        double b2 = 0;
        double[] lo = lp.constraintLower();
        double[] hi = lp.constraintUpper();
        for (int i = 0; i < m; i++) {
            if (Double.isFinite(lo[i]) && lo[i] != hi[i]) {
                b2 += lo[i] * lo[i] * row2[i];
            }
            if (Double.isFinite(hi[i])) {
                b2 += hi[i] * hi[i] * row2[i];
            }
        }
        return (Math.sqrt(c2) + 1) / (Math.sqrt(b2) + 1);
    }

    /**
     * An upper estimate of ‖Ã‖₂ for the scaled matrix: √ of the largest eigenvalue of ÃᵀÃ by
     * {@link Lanczos} from a fixed random start (so the same bits every run), to
     * {@value #NORM_TOLERANCE} relative on the eigenvalue, taking θ plus its residual bound so that a
     * step 0.99/‖Ã‖ errs on the short side. Each product with ÃᵀÃ is one KKT pass.
     */
    final double largestSingularValue(LinearProgram lp, int maxProducts) {
        if (m == 0 || n == 0) {
            return 0;
        }
        SplittableRandom random = new SplittableRandom(20240721L);
        double[] start = new double[n];
        for (int j = 0; j < n; j++) {
            start[j] = random.nextDouble() - 0.5;
        }
        double[] u = new double[m];
        Lanczos.Estimate e = Lanczos.largestEigenvalue((v, out) -> {
            for (int j = 0; j < n; j++) {
                xBar[j] = v[j] / inverseColumn[j];
            }
            lp.multiply(xBar, u, executor);
            for (int i = 0; i < m; i++) {
                u[i] *= row2[i];
            }
            lp.multiplyTransposed(u, out, executor);
            for (int j = 0; j < n; j++) {
                out[j] /= inverseColumn[j];
            }
        }, start, NORM_TOLERANCE, maxProducts);
        return Math.sqrt(e.upper());
    }

    /** x⁺ = proj_X(x − (η/ω)·column²·(c − Aᵀy)) and x̄ = 2x⁺ − x. */
    final void primalStep(LinearProgram lp, double[] xFrom, double[] atyFrom) {
        double[] c = lp.objective();
        double[] lo = lp.variableLower();
        double[] hi = lp.variableUpper();
        double tau = eta / omega;
        for (int j = 0; j < n; j++) {
            double v = KktError.clamp(xFrom[j] - tau * column2[j] * (c[j] - atyFrom[j]), lo[j], hi[j]);
            xNext[j] = v;
            xBar[j] = 2 * v - xFrom[j];
        }
    }

    /** y⁺ = y − S·Ax̄ + S·proj_[l_c,u_c](Ax̄ − S⁻¹y), S = ηω·row², from {@link #axBar}. */
    final void dualStep(LinearProgram lp, double[] yFrom) {
        double[] lo = lp.constraintLower();
        double[] hi = lp.constraintUpper();
        double sigma = eta * omega;
        for (int i = 0; i < m; i++) {
            double s = sigma * row2[i];
            double a = axBar[i];
            yNext[i] = yFrom[i] - s * a + s * KktError.clamp(a - yFrom[i] / s, lo[i], hi[i]);
        }
    }

    /**
     * For the step Δ = T(z) − z, with {@link #atyNext} = Aᵀy⁺ and {@link #aty} = Aᵀy formed: sets
     * {@link #primalMove2} = ‖Δx/column‖², {@link #dualMove2} = ‖Δy/row‖² (the scaled program's norms)
     * and {@link #interaction} = ΔyᵀAΔx.
     */
    final void measureStep() {
        double px = 0;
        double cross = 0;
        for (int j = 0; j < n; j++) {
            double d = xNext[j] - x[j];
            double t = d * inverseColumn[j];
            px += t * t;
            cross += (atyNext[j] - aty[j]) * d;
        }
        double py = 0;
        for (int i = 0; i < m; i++) {
            double t = (yNext[i] - y[i]) * inverseRow[i];
            py += t * t;
        }
        primalMove2 = px;
        dualMove2 = py;
        interaction = cross;
    }

    /** ‖x/column‖₂ of a difference: the scaled program's primal norm. */
    final double primalNorm(double[] a, double[] b) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            double d = (a[j] - b[j]) * inverseColumn[j];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** ‖y/row‖₂ of a difference: the scaled program's dual norm. */
    final double dualNorm(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < m; i++) {
            double d = (a[i] - b[i]) * inverseRow[i];
            s += d * d;
        }
        return Math.sqrt(s);
    }

    /** Makes (xc, yc) the certified point with its KKT figures. */
    final void certify(LinearProgram lp, double[] xc, double[] yc, double[] axc, double[] atyc) {
        kkt = KktError.of(lp, xc, yc, axc, atyc);
        Vectors.copy(xc, xCertified);
        Vectors.copy(yc, yCertified);
    }

    /**
     * Tests the differences (xa − xb, ya − yb), whose products A·(xa − xb) and Aᵀ·(ya − yb) are formed
     * from the given ones without a multiplication, as infeasibility rays: a cheap screen first, then
     * {@link FarkasRay}'s check with fresh products. Sets the verdict when a ray passes.
     */
    final void watchForRays(LinearProgram lp, double[] xa, double[] xb, double[] axa, double[] axb,
            double[] ya, double[] yb, double[] atya, double[] atyb) {
        if (verdict != null) {
            return;
        }
        for (int i = 0; i < m; i++) {
            dy[i] = ya[i] - yb[i];
            adx[i] = axa[i] - axb[i];
        }
        for (int j = 0; j < n; j++) {
            dx[j] = xa[j] - xb[j];
            atdy[j] = atya[j] - atyb[j];
        }
        if (m > 0 && screenDualRay(lp)) {
            FarkasRay r = checkedRay(lp, dy, true);
            if (r != null) {
                ray = r;
                verdict = new Verdict(Status.PRIMAL_INFEASIBLE, "primal infeasible: a Farkas ray y of the dual "
                        + "has dual objective > 0 and certifies that no feasible point has ‖x‖∞ < " + fmt(r.radius()));
                return;
            }
        }
        if (screenPrimalRay(lp)) {
            FarkasRay r = checkedRay(lp, dx, false);
            if (r != null) {
                ray = r;
                verdict = new Verdict(Status.DUAL_INFEASIBLE, "dual infeasible: a primal ray d with cᵀd < 0 "
                        + "certifies that no dual point has ‖y‖∞ < " + fmt(r.radius())
                        + "; a feasible primal is unbounded along d");
            }
        }
    }

    /**
     * The candidate as it is, then with its entries below 10⁻⁹, 10⁻⁷, 10⁻⁵, 10⁻³ of its largest set to
     * zero (an iterate difference carries the ray plus noise that decays only like 1/k, and the exact
     * ray is often the sparse part), each checked by {@link FarkasRay}; the first that passes, or null.
     */
    private FarkasRay checkedRay(LinearProgram lp, double[] candidate, boolean dual) {
        double[] trial = candidate.clone();
        double largest = Vectors.normInf(candidate);
        for (double cut : CUTS) {
            for (int k = 0; k < trial.length; k++) {
                trial[k] = Math.abs(candidate[k]) < cut * largest ? 0 : candidate[k];
            }
            FarkasRay r = dual ? FarkasRay.ofDualRay(lp, trial, infeasibilityTolerance, executor)
                    : FarkasRay.ofPrimalRay(lp, trial, infeasibilityTolerance, executor);
            if (r.valid()) {
                return r;
            }
        }
        return null;
    }

    /** D > 0 and the violation below {@value #SCREEN}·D, for dy as it stands (before moving it into its cone). */
    private boolean screenDualRay(LinearProgram lp) {
        double[] rlo = lp.constraintLower();
        double[] rhi = lp.constraintUpper();
        double[] lo = lp.variableLower();
        double[] hi = lp.variableUpper();
        double d = 0;
        double bad = 0;
        for (int i = 0; i < m; i++) {
            d += KktError.objectiveTerm(KktError.allowed(dy[i], rlo[i], rhi[i]), rlo[i], rhi[i]);
        }
        for (int j = 0; j < n; j++) {
            double lambda = -atdy[j];
            double ok = KktError.allowed(lambda, lo[j], hi[j]);
            d += KktError.objectiveTerm(ok, lo[j], hi[j]);
            bad += Math.abs(lambda - ok);
        }
        return d > 0 && bad <= SCREEN * d;
    }

    private boolean screenPrimalRay(LinearProgram lp) {
        double[] rlo = lp.constraintLower();
        double[] rhi = lp.constraintUpper();
        double[] lo = lp.variableLower();
        double[] hi = lp.variableUpper();
        double[] c = lp.objective();
        double descent = 0;
        double bad = 0;
        for (int j = 0; j < n; j++) {
            double v = dx[j];
            boolean ok = v > 0 && hi[j] == Double.POSITIVE_INFINITY || v < 0 && lo[j] == Double.NEGATIVE_INFINITY;
            if (ok) {
                descent -= c[j] * v;
            }
        }
        for (int i = 0; i < m; i++) {
            double v = adx[i];
            if (v > 0 && rhi[i] < Double.POSITIVE_INFINITY || v < 0 && rlo[i] > Double.NEGATIVE_INFINITY) {
                bad += Math.abs(v);
            }
        }
        return descent > 0 && bad <= SCREEN * descent;
    }

    /** The primal point whose KKT figures were last evaluated. */
    @Override
    public double[] x() {
        return xCertified;
    }

    /** The primal objective at {@link #x()}. */
    @Override
    public double value() {
        return kkt.primalObjective();
    }

    /** The relative KKT error at the certified point: the largest of the three relative figures. */
    @Override
    public double optimality() {
        return kkt.relative();
    }

    @Override
    public Verdict verdict() {
        return verdict;
    }

    /** The dual point of the certified pair. */
    public double[] dual() {
        return yCertified;
    }

    /** The KKT figures of the certified pair. */
    public KktError kkt() {
        return kkt;
    }

    /** The ray behind a PRIMAL_INFEASIBLE or DUAL_INFEASIBLE verdict, or null. */
    public FarkasRay ray() {
        return ray;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> d = new LinkedHashMap<>();
        kkt.describe(d);
        d.put("restarts", restarts);
        d.put("primalWeight", omega);
        d.put("stepSize", eta);
        d.put("dual", yCertified.clone());
        if (ray != null) {
            d.put("ray", ray.ray().clone());
        }
        return d;
    }

    static String fmt(double v) {
        return String.format("%.3g", v);
    }
}
