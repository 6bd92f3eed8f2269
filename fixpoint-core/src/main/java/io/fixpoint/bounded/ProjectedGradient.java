package io.fixpoint.bounded;

import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Map;

/**
 * Projected gradient descent (Goldstein 1964; Levitin and Polyak 1966) with the Armijo rule along the
 * projection arc (Bertsekas, IEEE TAC 21, 1976): the next iterate is x(t) = P(x − t∇f(x)) for the
 * first t of t₀, t₀/2, t₀/4, … with f(x(t)) ≤ f(x) + c·∇f(x)ᵀ(x(t) − x). The first trial t₀ is twice
 * the last accepted step (1/‖∇f(x₀)‖ at the start, or 1 when that gradient is small), so the step
 * can grow back after a short one. Trials cost one value each; the accepted point, one gradient. Once
 * the predicted decrease falls below the rounding of f, a trial is accepted when f does not rise
 * beyond rounding and the projected-gradient norm decreases.
 *
 * @param sufficientDecrease c in the Armijo rule, in (0, 1)
 * @param maxBacktracks      halvings of t before the solve is declared stalled
 */
public record ProjectedGradient(double sufficientDecrease, int maxBacktracks) implements BoundedSolver<ProjectedGradient.State> {
    /** A decrease below this many ulps of f is lost in rounding. */
    static final double ROUNDING_ULPS = 64;

    public ProjectedGradient {
        if (!(sufficientDecrease > 0 && sufficientDecrease < 1)) {
            throw new IllegalArgumentException("sufficientDecrease must lie in (0, 1), got " + sufficientDecrease);
        }
        if (maxBacktracks < 1) {
            throw new IllegalArgumentException("maxBacktracks must be ≥ 1, got " + maxBacktracks);
        }
    }

    /** c = 10⁻⁴, at most 60 halvings. */
    public ProjectedGradient() {
        this(1e-4, 60);
    }

    @Override
    public String name() {
        return "projected-gradient";
    }

    @Override
    public State init(Objective f, Bounds bounds, double[] x0) {
        return new State(f, bounds, x0);
    }

    @Override
    public State step(Objective f, State s) {
        double[] x = s.x;
        double[] g = s.g;
        double t = s.nextStep;
        boolean finite = true;
        for (int k = 0; k < maxBacktracks; k++) {
            double slope = 0;
            double moved = 0;
            for (int i = 0; i < x.length; i++) {
                double xi = Math.min(s.upper[i], Math.max(s.lower[i], x[i] - t * g[i]));
                double di = xi - x[i];
                s.xTrial[i] = xi;
                slope += g[i] * di;
                moved += di * di;
            }
            double fTrial = f.value(s.xTrial);
            finite = Double.isFinite(fTrial);
            double noise = ROUNDING_ULPS * Math.ulp(s.f);
            boolean accept;
            if (-slope > noise) {
                accept = finite && fTrial <= s.f + sufficientDecrease * slope;
                if (accept) {
                    f.gradient(s.xTrial, s.gTrial);
                }
            } else {
                // The decrease is below the rounding of f: judge the step by the certificate instead.
                accept = finite && fTrial <= s.f + noise;
                if (accept) {
                    f.gradient(s.xTrial, s.gTrial);
                    accept = s.bounds.projectedGradientNorm(s.xTrial, s.gTrial) < s.projectedGradientNorm;
                }
            }
            if (accept) {
                s.nextStep = 2 * t;
                s.acceptTrial(fTrial, Math.sqrt(moved));
                return s;
            }
            s.backtracks++;
            t *= 0.5;
        }
        s.stepNorm = 0;
        s.verdict = finite
                ? new Verdict(Status.STALLED, "no sufficient decrease along the projection arc in " + maxBacktracks + " halvings of the step")
                : new Verdict(Status.NON_FINITE, "f is not finite along the projection arc down to a step of " + t
                        + "; returning the last finite iterate");
        return s;
    }

    /** The iterate and the step the next search starts from. */
    public static final class State extends BoxState {
        double nextStep;
        long backtracks;

        State(Objective f, Bounds bounds, double[] x0) {
            super(f, bounds, x0);
            double norm = io.fixpoint.linalg.Vectors.norm(g);
            nextStep = norm > 1 ? 1 / norm : 1;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> m = boxDetails();
            m.put("backtracks", backtracks);
            m.put("lastStep", nextStep / 2);
            return m;
        }
    }
}
