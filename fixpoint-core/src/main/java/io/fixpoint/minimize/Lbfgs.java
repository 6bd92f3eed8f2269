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
 * <p>For large n the iteration is bound by memory traffic, so each pass over the vectors does all
 * it can: in the two-loop recursion the update of q by one pair and the inner product with the next
 * pair's vector share a pass (2k + 1 passes for k pairs instead of 4k + 2), and the new pair is written
 * while its inner products are formed, into a spare pair swapped in when it is kept. Every sum still
 * runs over the same terms in the same order, so the iterates are those of the plain loops, bit for bit.
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
        s.acceptTrial(r.value(), s.remember(curvatureFloor));
        return s;
    }

    /**
     * Two-loop recursion, d ← −H·g, in 2k + 1 fused passes. With pairs i₁ (newest) … i_k (oldest):
     * the first loop's pass j applies qᵢⱼ₋₁'s update and forms sᵢⱼᵀq; the pass after the last update
     * also scales by γ and forms the second loop's first yᵀq; each later pass applies one update of
     * the second loop and forms the next yᵀq.
     */
    void direction(State st) {
        direction(st, st.g);
    }

    /** The two-loop recursion applied to {@code g}: st.d ← −H·g. */
    static void direction(State st, double[] g) {
        double[] q = st.d;
        int n = q.length;
        int memory = st.s.length;
        int k = st.stored;
        if (k == 0) {
            Vectors.negate(g, q);
            return;
        }
        int newest = st.next - 1 + memory;
        // q = −g with the first inner product sᵢ₁ᵀq.
        double[] next = st.s[newest % memory];
        double sum = 0;
        for (int j = 0; j < n; j++) {
            double qj = -g[j];
            q[j] = qj;
            sum += next[j] * qj;
        }
        for (int t = 0; t < k; t++) {
            int i = (newest - t) % memory;
            double a = st.rho[i] * sum;
            st.alpha[i] = a;
            double[] y = st.y[i];
            double minusA = -a;
            sum = 0;
            if (t + 1 < k) {
                next = st.s[(newest - t - 1) % memory];
                for (int j = 0; j < n; j++) {
                    double qj = q[j] + minusA * y[j];
                    q[j] = qj;
                    sum += next[j] * qj;
                }
            } else {
                // The last update of the first loop, the scaling by γ, and yᵀq of the oldest pair.
                double gamma = st.gamma;
                for (int j = 0; j < n; j++) {
                    double qj = (q[j] + minusA * y[j]) * gamma;
                    q[j] = qj;
                    sum += y[j] * qj;
                }
            }
        }
        for (int t = k - 1; t >= 0; t--) {
            int i = (newest - t) % memory;
            double b = st.rho[i] * sum;
            double c = st.alpha[i] - b;
            double[] sv = st.s[i];
            sum = 0;
            if (t > 0) {
                double[] y = st.y[(newest - t + 1) % memory];
                for (int j = 0; j < n; j++) {
                    double qj = q[j] + c * sv[j];
                    q[j] = qj;
                    sum += y[j] * qj;
                }
            } else {
                for (int j = 0; j < n; j++) {
                    q[j] += c * sv[j];
                }
            }
        }
    }

    /** The iterate, its gradient and the last m curvature pairs in circular buffers. */
    public static class State extends GradientState {
        final double[] d;
        final double[][] s;
        final double[][] y;
        /** Where the next pair is written before it is judged. */
        double[] spareS;
        double[] spareY;
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
            spareS = new double[n];
            spareY = new double[n];
            rho = new double[memory];
            alpha = new double[memory];
        }

        void clear() {
            stored = 0;
            next = 0;
            resets++;
        }

        /**
         * Writes the pair s = xTrial − x, y = gTrial − g into the spare buffers and keeps it only when
         * its curvature is safely positive, yᵀs > ε‖s‖‖y‖, so a skip keeps the oldest pair; returns
         * ‖s‖, summed as Vectors.distance would.
         */
        double remember(double curvatureFloor) {
            double[] sNew = spareS;
            double[] yNew = spareY;
            double ys = 0;
            double ss = 0;
            double yy = 0;
            for (int i = 0; i < x.length; i++) {
                double si = xTrial[i] - x[i];
                double yi = gTrial[i] - g[i];
                sNew[i] = si;
                yNew[i] = yi;
                ys += yi * si;
                ss += si * si;
                yy += yi * yi;
            }
            if (ys > curvatureFloor * Math.sqrt(ss * yy)) {
                int slot = next;
                spareS = s[slot];
                spareY = y[slot];
                s[slot] = sNew;
                y[slot] = yNew;
                rho[slot] = 1 / ys;
                gamma = ys / yy;
                next = (slot + 1) % s.length;
                stored = Math.min(stored + 1, s.length);
            } else {
                skipped++;
            }
            return Math.sqrt(ss);
        }

        @Override
        protected void describe(Details details) {
            details.put("memoryUsed", stored).put("skippedUpdates", skipped).put("resets", resets).put("lineSearchFailures", lineSearchFailures);
        }
    }
}
