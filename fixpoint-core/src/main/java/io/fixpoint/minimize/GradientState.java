package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.solve.SolverState;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;

/**
 * What every gradient-based minimiser keeps, first- or second-order: the iterate, its value f and
 * gradient ∇f (the optimality is ‖∇f‖₂), and a trial point and gradient for the line search or step
 * test to write into. Accepting a trial swaps the buffers, so a step allocates nothing.
 */
abstract class GradientState extends SolverState {
    double[] g;
    double[] xTrial;
    double[] gTrial;
    /** Line searches that ended without meeting their conditions (whether or not they made progress). */
    int lineSearchFailures;
    /** The smallest eigenvalue of ∇²f where a second-order method's gradient test held (NaN until checked). */
    double curvature = Double.NaN;

    GradientState(Objective problem, double[] x0) {
        this(problem, x0, null);
    }

    /** As {@link #GradientState(Objective, double[])}, writing also ∇²f(x0) into {@code hessian} when it is not null, from the same evaluation. */
    GradientState(Objective problem, double[] x0, double[] hessian) {
        super(x0);
        int n = x0.length;
        g = new double[n];
        value = hessian == null ? problem.valueAndGradient(x, g) : problem.valueGradientAndHessian(x, g, hessian);
        optimality = Vectors.norm(g);
        xTrial = new double[n];
        gTrial = new double[n];
    }

    /** A first trial step that moves a unit distance along −∇f, or the full step 1 when the gradient is small. */
    double firstStep() {
        return optimality > 1 ? 1 / optimality : 1;
    }

    /** Makes the trial point (value {@code fTrial}) the iterate. */
    void acceptTrial(double fTrial) {
        acceptTrial(fTrial, Vectors.distance(x, xTrial));
    }

    /** Makes the trial point (value {@code fTrial}) the iterate, with the step length the solver already knows. */
    void acceptTrial(double fTrial, double stepLength) {
        stepNorm = stepLength;
        double[] t = x;
        x = xTrial;
        xTrial = t;
        t = g;
        g = gTrial;
        gTrial = t;
        value = fTrial;
        optimality = Vectors.norm(g);
    }

    /**
     * Books a line-search result: true when it moved (the caller then accepts the trial point),
     * false when it found nothing better than the current iterate.
     */
    boolean moved(LineSearchResult r) {
        if (!r.success()) {
            lineSearchFailures++;
        }
        return r.step() > 0;
    }

    /** Ends the solve: the line search cannot decrease f even along steepest descent. */
    void stall(LineSearchResult r) {
        stepNorm = 0;
        verdict = new Verdict(Status.STALLED, "line search along steepest descent failed: " + r.message());
    }

    /** A step that only discarded curvature or momentum information: no move. */
    void noMove() {
        stepNorm = 0;
    }

    @Override
    protected void describe(Details details) {
        if (!Double.isNaN(curvature)) {
            details.put("minHessianEigenvalue", curvature);
        }
    }
}
