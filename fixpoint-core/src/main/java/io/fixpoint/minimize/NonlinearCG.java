package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.LineSearch;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.search.StrongWolfe;
import io.fixpoint.solve.Solver;
import java.util.Objects;

/**
 * Nonlinear conjugate gradients, d⁺ = −∇f(x⁺) + β·d, with a strong-Wolfe line search (c₂ = 0.1 by
 * default). The direction restarts along −∇f when it is not a descent direction and every
 * {@code restartInterval} iterations (the dimension when 0).
 *
 * @param beta            the formula for β
 * @param lineSearch      chooses the step along d
 * @param restartInterval iterations between periodic restarts; 0 for the dimension
 */
public record NonlinearCG(Beta beta, LineSearch lineSearch, int restartInterval) implements Solver<Objective, NonlinearCG.State> {

    /** The conjugacy formula, with y = ∇f(x⁺) − ∇f(x). */
    public enum Beta {
        /** Polak–Ribière+: β = max(0, g⁺ᵀy / gᵀg). */
        POLAK_RIBIERE_PLUS("cg-pr"),
        /**
         * Hager–Zhang (2005): β = (y − 2d‖y‖²/dᵀy)ᵀg⁺ / dᵀy, bounded below by −1/(‖d‖·min(0.01, ‖g‖)).
         */
        HAGER_ZHANG("cg-hz");

        private final String solverName;

        Beta(String solverName) {
            this.solverName = solverName;
        }
    }

    /** How far beyond the quadratic model's minimiser the first trial step may go. */
    static final double MODEL_CAP = 100;

    /** Hager–Zhang's η in the lower bound on β. */
    static final double HZ_ETA = 0.01;

    public NonlinearCG {
        Objects.requireNonNull(beta, "beta");
        Objects.requireNonNull(lineSearch, "lineSearch");
        if (restartInterval < 0) {
            throw new IllegalArgumentException("restartInterval must be ≥ 0 (0: the dimension), got " + restartInterval);
        }
    }

    public NonlinearCG(Beta beta) {
        this(beta, StrongWolfe.forConjugateGradient(), 0);
    }

    public static NonlinearCG polakRibiere() {
        return new NonlinearCG(Beta.POLAK_RIBIERE_PLUS);
    }

    public static NonlinearCG hagerZhang() {
        return new NonlinearCG(Beta.HAGER_ZHANG);
    }

    @Override
    public String name() {
        return beta.solverName;
    }

    @Override
    public State init(Objective problem, double[] x0) {
        return new State(problem, x0);
    }

    @Override
    public State step(Objective problem, State s) {
        double slope = Vectors.dot(s.g, s.d);
        // Nocedal–Wright (3.60): the first-order change of the last step, on the new direction; capped
        // by the minimiser along d of the quadratic model with the curvature yᵀs/sᵀs of the last step,
        // because after a near-exact solve the slope collapses and (3.60) can overshoot by decades.
        double t0 = Math.min(s.lastChange / slope, MODEL_CAP * -slope / (s.curvature * Vectors.dot(s.d, s.d)));
        if (!(t0 > 0) || Double.isInfinite(t0)) {
            t0 = s.firstStep();
        }
        LineSearchResult r = lineSearch.search(problem, s.x, s.value, s.g, s.d, t0, s.xTrial, s.gTrial);
        if (!s.moved(r)) {
            if (s.sinceRestart == 0) {
                s.stall(r);
            } else {
                s.restart();
                s.noMove();
            }
            return s;
        }
        Vectors.subtract(s.gTrial, s.g, s.y);
        s.curvature = Vectors.dot(s.y, s.d) / (r.step() * Vectors.dot(s.d, s.d));
        s.lastChange = r.step() * slope;
        double gg = Vectors.dot(s.g, s.g);
        double oldGradientNorm = s.optimality;
        s.acceptTrial(r.value());
        double b = switch (beta) {
            case POLAK_RIBIERE_PLUS -> Math.max(0, Vectors.dot(s.g, s.y) / gg);
            case HAGER_ZHANG -> {
                double dy = Vectors.dot(s.d, s.y);
                double yy = Vectors.dot(s.y, s.y);
                double hz = (Vectors.dot(s.y, s.g) - 2 * yy / dy * Vectors.dot(s.d, s.g)) / dy;
                yield Math.max(hz, -1 / (Vectors.norm(s.d) * Math.min(HZ_ETA, oldGradientNorm)));
            }
        };
        int interval = restartInterval == 0 ? s.x.length : restartInterval;
        if (++s.sinceRestart >= interval || !Double.isFinite(b)) {
            s.restart();
            return s;
        }
        for (int i = 0; i < s.d.length; i++) {
            s.d[i] = -s.g[i] + b * s.d[i];
        }
        if (!(Vectors.dot(s.g, s.d) < 0)) {
            s.restart();
        }
        return s;
    }

    /** The iterate, its gradient, the search direction and the previous step. */
    public static final class State extends GradientState {
        final double[] d;
        final double[] y;
        int sinceRestart;
        int restarts;
        /** Curvature of f along the last step, yᵀs/sᵀs; NaN before the first. */
        double curvature = Double.NaN;
        /** First-order change t·∇fᵀd of the last step; NaN before the first. */
        double lastChange = Double.NaN;

        State(Objective problem, double[] x0) {
            super(problem, x0);
            d = new double[x0.length];
            y = new double[x0.length];
            Vectors.negate(g, d);
        }

        void restart() {
            Vectors.negate(g, d);
            sinceRestart = 0;
            restarts++;
        }

        @Override
        protected void describe(Details details) {
            details.put("restarts", restarts).put("lineSearchFailures", lineSearchFailures);
        }
    }
}
