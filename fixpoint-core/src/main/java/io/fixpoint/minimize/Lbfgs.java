package io.fixpoint.minimize;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.LineSearch;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.search.StrongWolfe;
import io.fixpoint.solve.Solver;
import java.util.Objects;

/**
 * Limited-memory BFGS (Nocedal 1980; Liu and Nocedal 1989): d = −H∇f where H is the BFGS inverse
 * Hessian built from the last m pairs (s, y) on the initial matrix γI, γ = sᵀy/yᵀy of the newest
 * pair, applied by the two-loop recursion in O(mn). The pairs live in circular buffers allocated
 * once. Pairs with curvature yᵀs ≤ ε‖s‖‖y‖ are not stored; a line search that cannot move along
 * −H∇f clears the memory.
 *
 * @param memory         m, the number of pairs kept
 * @param lineSearch     chooses the step along d (strong Wolfe, c₂ = 0.9, by default)
 * @param curvatureFloor ε in the skip test
 */
public record Lbfgs(int memory, LineSearch lineSearch, double curvatureFloor) implements Solver<Objective, Lbfgs.State> {

    public Lbfgs {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be ≥ 1, got " + memory);
        }
        Objects.requireNonNull(lineSearch, "lineSearch");
        if (!(curvatureFloor >= 0 && curvatureFloor < 1)) {
            throw new IllegalArgumentException("curvatureFloor must lie in [0, 1), got " + curvatureFloor);
        }
    }

    public Lbfgs(int memory) {
        this(memory, new StrongWolfe(), 1e-10);
    }

    public Lbfgs() {
        this(10);
    }

    @Override
    public String name() {
        return "lbfgs";
    }

    @Override
    public State init(Objective problem, double[] x0) {
        return new State(problem, x0, memory);
    }

    @Override
    public State step(Objective problem, State s) {
        direction(s);
        LineSearchResult r = lineSearch.search(problem, s.x, s.value, s.g, s.d, s.stored == 0 ? s.firstStep() : 1, s.xTrial, s.gTrial);
        if (!s.moved(r)) {
            if (s.stored == 0) {
                s.stall(r);
            } else {
                s.clear();
                s.noMove();
            }
            return s;
        }
        // Store the pair only when its curvature is safely positive, so a skip keeps the oldest pair.
        double ys = 0;
        double ss = 0;
        double yy = 0;
        for (int i = 0; i < s.x.length; i++) {
            double si = s.xTrial[i] - s.x[i];
            double yi = s.gTrial[i] - s.g[i];
            ys += yi * si;
            ss += si * si;
            yy += yi * yi;
        }
        if (ys > curvatureFloor * Math.sqrt(ss * yy)) {
            int slot = s.next;
            Vectors.subtract(s.xTrial, s.x, s.s[slot]);
            Vectors.subtract(s.gTrial, s.g, s.y[slot]);
            s.rho[slot] = 1 / ys;
            s.gamma = ys / yy;
            s.next = (slot + 1) % memory;
            s.stored = Math.min(s.stored + 1, memory);
        } else {
            s.skipped++;
        }
        s.acceptTrial(r.value());
        return s;
    }

    /** Two-loop recursion: d ← −H·g. */
    void direction(State st) {
        double[] q = st.d;
        Vectors.negate(st.g, q);
        int newest = st.next - 1 + memory;
        for (int k = 0; k < st.stored; k++) {
            int i = (newest - k) % memory;
            double a = st.rho[i] * Vectors.dot(st.s[i], q);
            st.alpha[i] = a;
            Vectors.axpy(-a, st.y[i], q);
        }
        if (st.stored > 0) {
            Vectors.scale(st.gamma, q);
        }
        for (int k = st.stored - 1; k >= 0; k--) {
            int i = (newest - k) % memory;
            double b = st.rho[i] * Vectors.dot(st.y[i], q);
            Vectors.axpy(st.alpha[i] - b, st.s[i], q);
        }
    }

    /** The iterate, its gradient and the last m curvature pairs in circular buffers. */
    public static final class State extends GradientState {
        final double[] d;
        final double[][] s;
        final double[][] y;
        final double[] rho;
        final double[] alpha;
        /** Slot the next pair goes into. */
        int next;
        int stored;
        double gamma = 1;
        int skipped;
        int resets;

        State(Objective problem, double[] x0, int memory) {
            super(problem, x0);
            int n = x0.length;
            d = new double[n];
            s = new double[memory][n];
            y = new double[memory][n];
            rho = new double[memory];
            alpha = new double[memory];
        }

        void clear() {
            stored = 0;
            next = 0;
            resets++;
        }

        @Override
        protected void describe(Details details) {
            details.put("memoryUsed", stored).put("skippedUpdates", skipped).put("resets", resets).put("lineSearchFailures", lineSearchFailures);
        }
    }
}
