package io.fixpoint.bounded;

import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Arrays;
import java.util.Map;

/**
 * The spectral projected gradient method SPG2 of Birgin, Martínez and Raydan (SIAM J. Optim. 10(4),
 * 2000): the direction d = P(x − α∇f) − x with the Barzilai–Borwein step α = sᵀs/sᵀy of the last
 * step (safeguarded to [αmin, αmax], αmax when sᵀy ≤ 0), and a non-monotone line search along d
 * (Grippo, Lampariello and Lucidi 1986): accept λ with f(x + λd) ≤ max of the last M values + γλ∇fᵀd,
 * backtracking by the safeguarded quadratic interpolant (kept within [σ₁, σ₂λ], else λ/2). The first
 * α is 1/‖P(x₀ − ∇f(x₀)) − x₀‖∞, as in the authors' code; where the paper takes αmax after a step with
 * sᵀy ≤ 0, this α is taken afresh (a unit step in the max-norm), since αmax sends every variable without
 * bounds a distance of order 10³⁰ and the search must then halve some hundred times. Trials cost one
 * value each; the accepted point, one gradient.
 *
 * @param memory        M, the number of recent values the line search compares against (1: monotone)
 * @param gamma         γ, the sufficient-decrease constant
 * @param minStep       αmin
 * @param maxStep       αmax
 * @param maxBacktracks reductions of λ before the solve is declared stalled
 */
public record SpectralProjectedGradient(int memory, double gamma, double minStep, double maxStep, int maxBacktracks)
        implements BoundedSolver<SpectralProjectedGradient.State> {
    static final double SIGMA1 = 0.1;
    static final double SIGMA2 = 0.9;

    public SpectralProjectedGradient {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be ≥ 1, got " + memory);
        }
        if (!(gamma > 0 && gamma < 1)) {
            throw new IllegalArgumentException("gamma must lie in (0, 1), got " + gamma);
        }
        if (!(minStep > 0 && minStep < maxStep) || Double.isInfinite(maxStep)) {
            throw new IllegalArgumentException("need 0 < minStep < maxStep < ∞, got " + minStep + " and " + maxStep);
        }
        if (maxBacktracks < 1) {
            throw new IllegalArgumentException("maxBacktracks must be ≥ 1, got " + maxBacktracks);
        }
    }

    /** M = 10, γ = 10⁻⁴, αmin = 10⁻³⁰, αmax = 10³⁰, at most 60 reductions: the paper's choices. */
    public SpectralProjectedGradient() {
        this(10, 1e-4, 1e-30, 1e30, 60);
    }

    @Override
    public String name() {
        return "spg";
    }

    @Override
    public State init(Objective f, Bounds bounds, double[] x0) {
        State s = new State(f, bounds, x0, memory);
        s.alpha = unitStep(s);
        return s;
    }

    @Override
    public State step(Objective f, State s) {
        double[] x = s.x;
        double[] g = s.g;
        double[] d = s.d;
        double slope = 0;
        for (int i = 0; i < x.length; i++) {
            d[i] = Math.min(s.upper[i], Math.max(s.lower[i], x[i] - s.alpha * g[i])) - x[i];
            slope += g[i] * d[i];
        }
        double reference = Double.NEGATIVE_INFINITY;
        for (double v : s.recent) {
            reference = Math.max(reference, v);
        }
        double lambda = 1;
        boolean finite = true;
        for (int k = 0; k < maxBacktracks; k++) {
            for (int i = 0; i < x.length; i++) {
                s.xTrial[i] = x[i] + lambda * d[i];
            }
            if (s.constrained) {
                s.bounds.project(s.xTrial); // x + λd lies in the box for λ ≤ 1; this only removes rounding
            }
            double fTrial = f.value(s.xTrial);
            finite = Double.isFinite(fTrial);
            if (finite && fTrial <= reference + gamma * lambda * slope) {
                accept(f, s, fTrial);
                return s;
            }
            s.backtracks++;
            double quadratic = finite ? -0.5 * lambda * lambda * slope / (fTrial - s.f - lambda * slope) : Double.NaN;
            lambda = quadratic >= SIGMA1 && quadratic <= SIGMA2 * lambda ? quadratic : lambda / 2;
        }
        s.stepNorm = 0;
        s.verdict = finite
                ? new Verdict(Status.STALLED, "no sufficient decrease along the spectral projected gradient direction in " + maxBacktracks
                        + " reductions of the step")
                : new Verdict(Status.NON_FINITE, "f is not finite along the search direction down to a step of " + lambda
                        + "; returning the last finite iterate");
        return s;
    }

    private void accept(Objective f, State s, double fTrial) {
        f.gradient(s.xTrial, s.gTrial);
        double sts = 0;
        double sty = 0;
        for (int i = 0; i < s.x.length; i++) {
            double si = s.xTrial[i] - s.x[i];
            sts += si * si;
            sty += si * (s.gTrial[i] - s.g[i]);
        }
        s.recent[s.next] = fTrial;
        s.next = (s.next + 1) % s.recent.length;
        s.acceptTrial(fTrial, Math.sqrt(sts));
        s.alpha = sty > 0 ? Math.min(maxStep, Math.max(minStep, sts / sty)) : unitStep(s);
    }

    /** 1/‖P(x − ∇f) − x‖∞, safeguarded: the spectral step that moves a unit distance in the max-norm. */
    private double unitStep(State s) {
        double inf = s.bounds.projectedGradientNormInf(s.x, s.g);
        return inf > 0 ? Math.min(maxStep, Math.max(minStep, 1 / inf)) : 1;
    }

    /** The iterate, the spectral step and the last M values. */
    public static final class State extends BoxState {
        final double[] d;
        final double[] recent;
        int next;
        double alpha;
        long backtracks;

        State(Objective f, Bounds bounds, double[] x0, int memory) {
            super(f, bounds, x0);
            d = new double[x0.length];
            recent = new double[memory];
            Arrays.fill(recent, Double.NEGATIVE_INFINITY);
            recent[0] = this.f;
            next = 1 % memory;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> m = boxDetails();
            m.put("spectralStep", alpha);
            m.put("backtracks", backtracks);
            return m;
        }
    }
}
