package io.fixpoint.root;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.SolverState;

/**
 * The state every root solver shares: x, F(x) and ‖F(x)‖. The value is ½‖F‖² (the merit function the
 * line searches and trust regions decrease); the optimality, the certificate, is the Euclidean ‖F‖.
 */
public class RootState extends SolverState {
    final double[] f;
    int jacobianRestarts;

    RootState(double[] x0) {
        super(x0);
        this.f = new double[x0.length];
    }

    final void evaluate(RootProblem p) {
        p.residuals(x, f);
        residualNorm(Vectors.norm(f));
    }

    /** ‖F(x)‖, Euclidean. */
    final double residualNorm() {
        return optimality;
    }

    /** Records ‖F(x)‖ as the optimality and ½‖F‖² as the value. */
    final void residualNorm(double norm) {
        optimality = norm;
        value = 0.5 * norm * norm;
    }

    /** F at the current point. */
    public double[] residuals() {
        return f;
    }

    @Override
    protected void describe(Details details) {
        details.put("residualNorm", optimality).put("jacobianRestarts", jacobianRestarts);
    }
}
