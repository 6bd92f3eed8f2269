package io.fixpoint.lp;

import io.fixpoint.problem.LinearProgram;
import java.util.Map;

/**
 * The KKT figures of a primal–dual pair (x, y) of a linear program, computed in double precision
 * from x, y, Ax and Aᵀy alone (PDLP's definitions, Applegate et al. 2021, §2). The reduced costs are
 * λ = c − Aᵀy projected onto the multipliers the bounds allow; the dual residual is what the
 * projection removed (plus any multiplier y_i whose sign needs an infinite row bound), the primal
 * residual the distance of Ax to the row bounds and of x to its bounds, and the gap the difference of
 * the primal and dual objectives. Relative figures divide by 1 + ‖b‖₂, 1 + ‖c‖₂ and
 * 1 + |primal| + |dual|; the solve is optimal at ε when all three are ≤ ε.
 */
public record KktError(double primalResidual, double dualResidual, double gap, double relativePrimalResidual,
        double relativeDualResidual, double relativeGap, double primalObjective, double dualObjective) {

    /** The largest of the three relative figures: the optimality measure a solve certifies. */
    /** Adds the objectives and the three relative figures to a solution's details. */
    void describe(Map<String, Object> details) {
        details.put("primalObjective", primalObjective());
        details.put("dualObjective", dualObjective());
        details.put("primalResidual", relativePrimalResidual());
        details.put("dualResidual", relativeDualResidual());
        details.put("gap", relativeGap());
    }

    public double relative() {
        return Math.max(relativePrimalResidual, Math.max(relativeDualResidual, relativeGap));
    }

    /** Evaluates the figures of (x, y) with the products ax = A·x and aty = Aᵀ·y already formed. */
    static KktError of(LinearProgram lp, double[] x, double[] y, double[] ax, double[] aty) {
        double[] c = lp.objective();
        double[] lo = lp.variableLower();
        double[] hi = lp.variableUpper();
        double[] rlo = lp.constraintLower();
        double[] rhi = lp.constraintUpper();
        double primal = 0;
        double dual = 0;
        double pobj = lp.objectiveOffset();
        double dobj = lp.objectiveOffset();
        for (int j = 0; j < x.length; j++) {
            double v = x[j] - clamp(x[j], lo[j], hi[j]);
            primal += v * v;
            pobj += c[j] * x[j];
            double g = c[j] - aty[j];
            double lambda = allowed(g, lo[j], hi[j]);
            double r = g - lambda;
            dual += r * r;
            dobj += objectiveTerm(lambda, lo[j], hi[j]);
        }
        for (int i = 0; i < y.length; i++) {
            double v = ax[i] - clamp(ax[i], rlo[i], rhi[i]);
            primal += v * v;
            double yi = allowed(y[i], rlo[i], rhi[i]);
            double r = y[i] - yi;
            dual += r * r;
            dobj += objectiveTerm(yi, rlo[i], rhi[i]);
        }
        primal = Math.sqrt(primal);
        dual = Math.sqrt(dual);
        double gap = Math.abs(pobj - dobj);
        return new KktError(primal, dual, gap, primal / (1 + lp.boundNorm()), dual / (1 + lp.objectiveNorm()),
                gap / (1 + Math.abs(pobj) + Math.abs(dobj)), pobj, dobj);
    }

    /** The part of a multiplier v that the bounds [lo, hi] allow: positive only against a finite lo, negative only against a finite hi. */
    static double allowed(double v, double lo, double hi) {
        if (v > 0) {
            return lo > Double.NEGATIVE_INFINITY ? v : 0;
        }
        if (v < 0) {
            return hi < Double.POSITIVE_INFINITY ? v : 0;
        }
        return 0;
    }

    /** The dual-objective term of a multiplier already in its cone: v·lo when v &gt; 0, v·hi when v &lt; 0. */
    static double objectiveTerm(double v, double lo, double hi) {
        return v > 0 ? v * lo : v < 0 ? v * hi : 0;
    }

    static double clamp(double v, double lo, double hi) {
        return v < lo ? lo : v > hi ? hi : v;
    }
}
