package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.LineSearch;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.search.StrongWolfe;
import io.fixpoint.solve.Solver;
import java.util.Objects;

/**
 * BFGS with a dense inverse-Hessian approximation H and a strong-Wolfe line search:
 * d = −H∇f, then with s = x⁺ − x, y = ∇f(x⁺) − ∇f(x), ρ = 1/yᵀs,
 *
 * <pre>
 *   H⁺ = (I − ρ·s·yᵀ) H (I − ρ·y·sᵀ) + ρ·s·sᵀ.
 * </pre>
 *
 * Before the first update H is rescaled from I to (yᵀs/yᵀy)·I (Nocedal–Wright 6.20). An update
 * whose curvature yᵀs ≤ ε‖s‖‖y‖ would spoil positive definiteness and is skipped; a line search
 * that cannot move along −H∇f resets H to I.
 *
 * @param lineSearch     chooses the step along d (strong Wolfe, c₂ = 0.9, by default)
 * @param curvatureFloor ε in the skip test
 */
public record Bfgs(LineSearch lineSearch, double curvatureFloor) implements Solver<Objective, Bfgs.State> {

    public Bfgs {
        Objects.requireNonNull(lineSearch, "lineSearch");
        if (!(curvatureFloor >= 0 && curvatureFloor < 1)) {
            throw new IllegalArgumentException("curvatureFloor must lie in [0, 1), got " + curvatureFloor);
        }
    }

    public Bfgs(LineSearch lineSearch) {
        this(lineSearch, 1e-10);
    }

    public Bfgs() {
        this(new StrongWolfe());
    }

    @Override
    public String name() {
        return "bfgs";
    }

    @Override
    public State init(Objective problem, double[] x0) {
        return new State(problem, x0);
    }

    @Override
    public State step(Objective problem, State s) {
        int n = s.x.length;
        double[] h = s.h;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v -= h[i * n + j] * s.g[j];
            }
            s.d[i] = v;
        }
        LineSearchResult r = lineSearch.search(problem, s.x, s.value, s.g, s.d, s.updates == 0 ? s.firstStep() : 1, s.xTrial, s.gTrial);
        if (!s.moved(r)) {
            if (s.updates == 0) {
                s.stall(r);
            } else {
                s.resetToIdentity();
                s.noMove();
            }
            return s;
        }
        Vectors.subtract(s.xTrial, s.x, s.s);
        Vectors.subtract(s.gTrial, s.g, s.y);
        s.acceptTrial(r.value());
        update(s);
        return s;
    }

    private void update(State st) {
        int n = st.x.length;
        double[] h = st.h;
        double[] s = st.s;
        double[] y = st.y;
        double ys = Vectors.dot(y, s);
        if (!(ys > curvatureFloor * Vectors.norm(s) * Vectors.norm(y))) {
            st.skipped++;
            return;
        }
        if (st.updates == 0) {
            double scale = ys / Vectors.dot(y, y);
            for (int i = 0; i < n; i++) {
                h[i * n + i] = scale;
            }
        }
        double rho = 1 / ys;
        double[] hy = st.hy;
        for (int i = 0; i < n; i++) {
            double v = 0;
            for (int j = 0; j < n; j++) {
                v += h[i * n + j] * y[j];
            }
            hy[i] = v;
        }
        // Expanded: H⁺ = H − ρ(s·(Hy)ᵀ + (Hy)·sᵀ) + (ρ²·yᵀHy + ρ)·s·sᵀ, H symmetric.
        double c = rho * rho * Vectors.dot(y, hy) + rho;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                h[i * n + j] += -rho * (s[i] * hy[j] + hy[i] * s[j]) + c * s[i] * s[j];
            }
        }
        st.updates++;
    }

    /** The iterate, its gradient and the dense inverse-Hessian approximation (row-major n×n). */
    public static final class State extends GradientState {
        final double[] h;
        final double[] d;
        final double[] s;
        final double[] y;
        final double[] hy;
        int updates;
        int skipped;
        int resets;

        State(Objective problem, double[] x0) {
            super(problem, x0);
            int n = x0.length;
            h = new double[n * n];
            d = new double[n];
            s = new double[n];
            y = new double[n];
            hy = new double[n];
            identity();
        }

        private void identity() {
            int n = d.length;
            java.util.Arrays.fill(h, 0);
            for (int i = 0; i < n; i++) {
                h[i * n + i] = 1;
            }
        }

        void resetToIdentity() {
            identity();
            updates = 0;
            resets++;
        }

        @Override
        protected void describe(Details details) {
            details.put("updates", updates).put("skippedUpdates", skipped).put("resets", resets).put("lineSearchFailures", lineSearchFailures);
        }
    }
}
