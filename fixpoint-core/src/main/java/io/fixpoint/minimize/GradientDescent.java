package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.Backtracking;
import io.fixpoint.search.LineSearch;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.solve.Solver;
import java.util.Objects;

/**
 * Steepest descent, x⁺ = x − t·∇f(x), with t from a line search (Armijo backtracking by default).
 * Each search starts from the Barzilai–Borwein step sᵀy/yᵀy of the last move, which adapts the
 * step to the local curvature; where that is not positive it starts from the last step × growth.
 *
 * @param lineSearch chooses t along −∇f
 * @param growth     factor on the last accepted step when no Barzilai–Borwein step is available
 */
public record GradientDescent(LineSearch lineSearch, double growth) implements Solver<Objective, GradientDescent.State> {

    public GradientDescent {
        Objects.requireNonNull(lineSearch, "lineSearch");
        if (!(growth >= 1) || Double.isInfinite(growth)) {
            throw new IllegalArgumentException("growth must be finite and ≥ 1, got " + growth);
        }
    }

    public GradientDescent(LineSearch lineSearch) {
        this(lineSearch, 2);
    }

    public GradientDescent() {
        this(new Backtracking());
    }

    @Override
    public String name() {
        return "gradient-descent";
    }

    @Override
    public State init(Objective problem, double[] x0) {
        return new State(problem, x0);
    }

    @Override
    public State step(Objective problem, State s) {
        Vectors.negate(s.g, s.d);
        LineSearchResult r = lineSearch.search(problem, s.x, s.value, s.g, s.d, s.nextStep, s.xTrial, s.gTrial);
        if (!s.moved(r)) {
            s.stall(r);
            return s;
        }
        s.acceptTrial(r.value());
        // s = x⁺ − x = −t·g_old = t·d and y = g⁺ − g_old = g⁺ + d, so sᵀy = t·dᵀ(g⁺ + d), yᵀy = ‖g⁺ + d‖².
        double t = r.step();
        double dy = 0;
        double yy = 0;
        for (int i = 0; i < s.d.length; i++) {
            double yi = s.g[i] + s.d[i];
            dy += s.d[i] * yi;
            yy += yi * yi;
        }
        double bb = t * dy / yy;
        s.nextStep = bb > 0 && Double.isFinite(bb) ? bb : t * growth;
        return s;
    }

    /** The iterate, its gradient and the step to try next. */
    public static final class State extends GradientState {
        final double[] d;
        double nextStep;

        State(Objective problem, double[] x0) {
            super(problem, x0);
            d = new double[x0.length];
            nextStep = firstStep();
        }

        @Override
        protected void describe(Details details) {
            details.put("lineSearchFailures", lineSearchFailures);
        }
    }
}
