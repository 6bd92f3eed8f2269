package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Objects;

/**
 * Nesterov's accelerated gradient (FISTA form) with a backtracking estimate of the Lipschitz
 * constant L and adaptive restart (O'Donoghue and Candès, 2015):
 *
 * <pre>
 *   x⁺ = y − ∇f(y)/L,   t⁺ = (1 + √(1 + 4t²))/2,   y⁺ = x⁺ + (t − 1)/t⁺ · (x⁺ − x)
 * </pre>
 *
 * Each step first relaxes L by {@code relax}, then doubles it until the descent lemma
 * f(x⁺) ≤ f(y) − ‖∇f(y)‖²/(2L) holds, so L only grows within a step and can recover slowly when
 * the curvature drops. The momentum restarts (t ← 1, y ← x) when it points uphill: under
 * {@link Restart#GRADIENT} when ∇f(y)ᵀ(x⁺ − x) &gt; 0, and under either scheme when f(x⁺) &gt; f(x), in
 * which case x⁺ is also rejected, so the values decrease monotonically (up to rounding noise of
 * relative size {@value #NOISE}).
 *
 * @param restart        the restart test
 * @param relax          factor in (0, 1] applied to L at the start of each step
 * @param maxBacktracks  doublings of L allowed in one step
 */
public record Nesterov(Restart restart, double relax, int maxBacktracks) implements Solver<Objective, Nesterov.State> {

    /** When to throw the momentum away. */
    public enum Restart {
        /** When f increases (the step is then rejected). */
        FUNCTION,
        /** When the momentum makes an obtuse angle with −∇f(y), and when f increases. */
        GRADIENT
    }

    /**
     * Relative rounding noise tolerated in f: near the minimiser the decrease the descent lemma
     * predicts drowns in rounding, and the Lipschitz test ‖∇f(x⁺) − ∇f(y)‖ ≤ L‖x⁺ − y‖ = ‖∇f(y)‖
     * on the gradients, which stay accurate, takes over.
     */
    static final double NOISE = 1e-10;

    /** Relative size of the probe step that gives the first estimate of L. */
    static final double PROBE = 1e-4;

    public Nesterov {
        Objects.requireNonNull(restart, "restart");
        if (!(relax > 0 && relax <= 1)) {
            throw new IllegalArgumentException("relax must lie in (0, 1], got " + relax);
        }
        if (maxBacktracks < 1) {
            throw new IllegalArgumentException("maxBacktracks must be ≥ 1, got " + maxBacktracks);
        }
    }

    public Nesterov() {
        this(Restart.GRADIENT, 0.9, 60);
    }

    @Override
    public String name() {
        return "nesterov";
    }

    @Override
    public State init(Objective problem, double[] x0) {
        return new State(problem, x0);
    }

    @Override
    public State step(Objective problem, State s) {
        int n = s.x.length;
        double gy2 = Vectors.dot(s.gy, s.gy);
        double fTrial = Double.NaN;
        s.lipschitz *= relax;
        boolean found = false;
        for (int k = 0; k < maxBacktracks; k++) {
            Vectors.addScaled(s.y, -1 / s.lipschitz, s.gy, s.xTrial);
            fTrial = problem.valueAndGradient(s.xTrial, s.gTrial);
            if (Double.isFinite(fTrial) && Vectors.allFinite(s.gTrial) && (fTrial <= s.fy - gy2 / (2 * s.lipschitz)
                    || withinNoise(fTrial, s.fy) && Vectors.distance(s.gTrial, s.gy) <= Math.sqrt(gy2))) {
                found = true;
                break;
            }
            s.lipschitz *= 2;
        }
        if (!found || fTrial > s.value && !withinNoise(fTrial, s.value)) {
            if (s.momentum) {
                s.restartAtX();
                s.noMove();
                return s;
            }
            s.stepNorm = 0;
            s.verdict = new Verdict(Status.STALLED, found
                    ? "a gradient step from the iterate did not decrease f; rounding dominates"
                    : "no Lipschitz estimate up to " + s.lipschitz + " gives a finite decrease along −∇f");
            return s;
        }
        // Gradient restart test ∇f(y)ᵀ(x⁺ − x) > 0, and the momentum coefficient.
        double uphill = 0;
        for (int i = 0; i < n; i++) {
            uphill += s.gy[i] * (s.xTrial[i] - s.x[i]);
        }
        boolean restartNow = restart == Restart.GRADIENT && uphill > 0;
        double tNext = restartNow ? 1 : (1 + Math.sqrt(1 + 4 * s.t * s.t)) / 2;
        double beta = restartNow ? 0 : (s.t - 1) / tNext;
        if (restartNow) {
            s.restarts++;
        }
        for (int i = 0; i < n; i++) {
            s.y[i] = s.xTrial[i] + beta * (s.xTrial[i] - s.x[i]);
        }
        s.acceptTrial(fTrial);
        s.t = tNext;
        s.momentum = beta != 0;
        if (s.momentum) {
            s.fy = problem.valueAndGradient(s.y, s.gy);
            if (!Double.isFinite(s.fy) || !Vectors.allFinite(s.gy)) {
                s.restartAtX();
            }
        } else {
            Vectors.copy(s.g, s.gy);
            s.fy = s.value;
        }
        return s;
    }

    private static boolean withinNoise(double f, double reference) {
        return f <= reference + NOISE * Math.abs(reference);
    }

    /** The iterate x, the extrapolated point y with its value and gradient, the momentum t and L. */
    public static final class State extends GradientState {
        final double[] y;
        final double[] gy;
        double fy;
        double t = 1;
        double lipschitz;
        boolean momentum;
        int restarts;

        State(Objective problem, double[] x0) {
            super(problem, x0);
            y = x.clone();
            gy = g.clone();
            fy = value;
            lipschitz = probeLipschitz(problem);
        }

        /** ‖∇f(x − h·∇f) − ∇f(x)‖ / ‖h·∇f‖ for a small h: a local curvature along −∇f, 1 when it is unusable. */
        private double probeLipschitz(Objective problem) {
            if (optimality == 0 || !Double.isFinite(optimality)) {
                return 1;
            }
            double h = PROBE * Math.max(1, Vectors.norm(x)) / optimality;
            Vectors.addScaled(x, -h, g, xTrial);
            problem.gradient(xTrial, gTrial);
            double l = Vectors.distance(gTrial, g) / (h * optimality);
            return l > 0 && Double.isFinite(l) ? l : 1;
        }

        void restartAtX() {
            Vectors.copy(x, y);
            Vectors.copy(g, gy);
            fy = value;
            t = 1;
            momentum = false;
            restarts++;
        }

        @Override
        protected void describe(Details details) {
            details.put("restarts", restarts).put("lipschitz", lipschitz);
        }
    }
}
