package io.fixpoint.constrained;

import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every constrained solver keeps: the iterate (inside its bounds), f, ∇f, c(x), the constraint
 * Jacobian, the multiplier estimates y and the KKT residuals of (x, y), which are the certificate.
 */
abstract class ConstrainedState implements IterationState {
    /** Violations (max-norm) below this are never called infeasible. */
    static final double FEASIBILITY_FLOOR = 1e-6;

    final int n;
    final int p;
    final int m;
    final Bounds bounds;
    double[] x;
    double f;
    double[] g;
    double[] c;
    double[] jac;
    final double[] y;
    /** ∇ₓL, written by {@link #certify()}. */
    final double[] lagrangianGradient;
    KktResiduals kkt;
    /** ‖P(x − ∇θ) − x‖∞ of the last {@link #looksInfeasible} test. */
    double infeasibleGradient;
    /** Coordinates of the start point that lay outside the bounds and were projected onto them. */
    final int projectedAtStart;
    double stepNorm = Double.NaN;
    Verdict verdict;

    ConstrainedState(ConstrainedProblem problem, double[] x0) {
        n = x0.length;
        p = problem.equalityCount();
        m = problem.constraintCount();
        bounds = problem.bounds();
        x = x0;
        projectedAtStart = bounds.projectCounting(x); // iterates stay inside the bounds
        g = new double[n];
        c = new double[m];
        jac = new double[m * n];
        y = new double[m];
        lagrangianGradient = new double[n];
        f = problem.objective().valueAndGradient(x, g);
        problem.constraints(x, c);
        problem.constraintJacobian(x, jac);
    }

    /** Recomputes the KKT residuals of the current (x, y). */
    void certify() {
        kkt = KktResiduals.of(bounds, p, x, g, c, jac, y, lagrangianGradient);
    }

    /** max(|gᵢ|, max(hⱼ, 0)) at the current point. */
    double violation() {
        return KktResiduals.violation(p, c);
    }

    /**
     * Whether x is an infeasible stationary point of θ(x) = ½‖v(x)‖², v = (g, max(h, 0)), over the
     * bounds: the violation is at least {@link #FEASIBILITY_FLOOR} and ‖P(x − ∇θ) − x‖∞ ≤ {@code relative}·‖v‖∞.
     * {@code work} (length n) receives ∇θ = Jᵀv. {@link #declareInfeasible} then gives the verdict.
     */
    boolean looksInfeasible(double relative, double[] work) {
        double violation = violation();
        if (!(violation >= FEASIBILITY_FLOOR)) {
            return false;
        }
        java.util.Arrays.fill(work, 0);
        for (int i = 0; i < m; i++) {
            double v = i < p ? c[i] : Math.max(c[i], 0);
            if (v != 0) {
                for (int j = 0; j < n; j++) {
                    work[j] += v * jac[i * n + j];
                }
            }
        }
        double[] lo = bounds.lower();
        double[] hi = bounds.upper();
        double projected = 0;
        for (int j = 0; j < n; j++) {
            projected = Math.max(projected, Math.abs(Math.min(hi[j], Math.max(lo[j], x[j] - work[j])) - x[j]));
        }
        infeasibleGradient = projected;
        return projected <= relative * violation;
    }

    /** Ends the solve {@link Status#LOCALLY_INFEASIBLE} with the figures of the last {@link #looksInfeasible} test. */
    void declareInfeasible(double relative) {
        stepNorm = 0;
        verdict = new Verdict(Status.LOCALLY_INFEASIBLE, String.format(
                "the constraints look infeasible: x is a stationary point of the violation ½‖v(x)‖² (projected gradient %.3g ≤ %.0e·‖v‖∞) "
                        + "with violation ‖v‖∞ = %.3g", infeasibleGradient, relative, violation()));
    }

    @Override
    public double[] x() {
        return x;
    }

    @Override
    public double value() {
        return f;
    }

    @Override
    public double optimality() {
        return kkt.max();
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
    public List<String> warnings() {
        return projectedAtStart == 0 ? List.of() : List.of("the start point lay outside the bounds; " + projectedAtStart
                + (projectedAtStart == 1 ? " coordinate was" : " coordinates were") + " projected onto them");
    }

    /** The KKT residuals of the current point and multipliers. */
    public KktResiduals kkt() {
        return kkt;
    }

    /** The multiplier estimates (λ for the equalities, then μ ≥ 0 for the inequalities). */
    public double[] multipliers() {
        return y;
    }

    /** The KKT residuals and multipliers, plus what {@code extra} adds. */
    Map<String, Object> details(Map<String, Object> extra) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("kkt", kkt.fields());
        d.put("multipliers", y.clone());
        d.putAll(extra);
        return d;
    }
}
