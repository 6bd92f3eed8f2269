package io.fixpoint.root;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.RootProblem;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state every root solver shares: x, F(x) and ‖F(x)‖. The value is ½‖F‖² (the merit function the
 * line searches and trust regions decrease); the optimality, the certificate, is the Euclidean ‖F‖.
 */
public class RootState implements IterationState {
    final double[] x;
    final double[] f;
    double fNorm;
    double stepNorm = Double.NaN;
    Verdict verdict;
    int jacobianRestarts;

    RootState(double[] x0) {
        this.x = x0;
        this.f = new double[x0.length];
    }

    final void evaluate(RootProblem p) {
        p.residuals(x, f);
        fNorm = Vectors.norm(f);
    }

    @Override
    public double[] x() {
        return x;
    }

    /** ½‖F(x)‖². */
    @Override
    public double value() {
        return 0.5 * fNorm * fNorm;
    }

    /** ‖F(x)‖, Euclidean. */
    @Override
    public double optimality() {
        return fNorm;
    }

    @Override
    public double stepNorm() {
        return stepNorm;
    }

    @Override
    public Verdict verdict() {
        return verdict;
    }

    /** F at the current point. */
    public double[] residuals() {
        return f;
    }

    @Override
    public Map<String, Object> details() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("residualNorm", fNorm);
        m.put("jacobianRestarts", jacobianRestarts);
        return m;
    }
}
