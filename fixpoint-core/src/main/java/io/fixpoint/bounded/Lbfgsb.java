package io.fixpoint.bounded;

import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.Objective;
import io.fixpoint.search.LineSearchResult;
import io.fixpoint.search.StrongWolfe;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Map;
import java.util.Objects;

/**
 * L-BFGS-B (Byrd, Lu, Nocedal and Zhu, SIAM J. Sci. Comput. 16(5), 1995; Zhu, Byrd, Lu and Nocedal,
 * ACM TOMS 23(4), 1997; version 3.0 with Morales and Nocedal's subspace correction, ACM TOMS 38(1),
 * 2011): limited-memory BFGS for min f(x) subject to l ≤ x ≤ u. Each iteration
 *
 * <ol>
 *   <li>finds the generalized Cauchy point xᶜ, the first minimiser of the quadratic model along the
 *       projected steepest-descent path ({@link CauchyPoint}); the variables at a bound there are
 *       held fixed,</li>
 *   <li>minimises the model over the remaining free variables with the compact form of the L-BFGS
 *       matrix and projects the result onto the box, backing off to the longest feasible step when the
 *       projection would go uphill ({@link SubspaceMinimization}),</li>
 *   <li>searches along d = x̄ − x with the Moré–Thuente line search restricted to the box (steps at
 *       most the longest feasible one; c₁ = 10⁻³, c₂ = 0.9, at most 20 trials, as L-BFGS-B), and</li>
 *   <li>stores the pair (s, y) unless sᵀy ≤ ε·(−gᵀs), ε the machine epsilon.</li>
 * </ol>
 *
 * Without bounds the Cauchy step is skipped and the direction is the L-BFGS one, computed from the
 * compact form. A line search that cannot move clears the memory and the iteration starts again from
 * the Cauchy point with B = I; when even that fails the solve ends {@code STALLED}. The certificate
 * is the projected-gradient norm ‖P(x − ∇f) − x‖₂; SciPy's {@code pgtol} tests the max-norm of the
 * same vector, reported as {@code projectedGradientNormInf}.
 *
 * @param memory     m, the number of pairs kept
 * @param lineSearch the Moré–Thuente search, used through {@link StrongWolfe#searchInBox}
 */
public record Lbfgsb(int memory, StrongWolfe lineSearch) implements BoundedSolver<Lbfgsb.State> {
    /** Largest step L-BFGS-B allows along a direction when no bound limits it. */
    static final double BIG_STEP = 1e10;
    private static final double EPS = Math.ulp(1.0);

    public Lbfgsb {
        if (memory < 1) {
            throw new IllegalArgumentException("memory must be ≥ 1, got " + memory);
        }
        Objects.requireNonNull(lineSearch, "lineSearch");
    }

    /** m pairs, L-BFGS-B's line-search constants c₁ = 10⁻³, c₂ = 0.9 and at most 20 trials. */
    public Lbfgsb(int memory) {
        this(memory, new StrongWolfe(1e-3, 0.9, 20));
    }

    /** m = 10, as SciPy's default. */
    public Lbfgsb() {
        this(10);
    }

    @Override
    public String name() {
        return "lbfgsb";
    }

    @Override
    public State init(Objective f, Bounds bounds, double[] x0) {
        return new State(f, bounds, x0, memory);
    }

    @Override
    public State step(Objective f, State s) {
        for (int attempt = 0; attempt < 2; attempt++) {
            if (!s.direction()) {
                s.resetMemory();
                continue;
            }
            LineSearchResult r = search(f, s);
            if (r.step() > 0) {
                if (!r.success()) {
                    s.lineSearchFailures++;
                }
                s.update(r.value());
                return s;
            }
            s.lineSearchFailures++;
            if (s.memory.col == 0) {
                s.stepNorm = 0;
                s.verdict = BoxState.searchFailed(r, "the line search along the projected steepest-descent direction");
                return s;
            }
            s.resetMemory();
        }
        s.stepNorm = 0;
        s.verdict = new Verdict(Status.STALLED, "no descent direction even with the memory cleared");
        return s;
    }

    /** L-BFGS-B's {@code lnsrlb}: the longest feasible step, the first trial, then the Moré–Thuente search in the box. */
    private LineSearchResult search(Objective f, State s) {
        double[] d = s.d;
        double[] x = s.x;
        double dd = 0;
        for (double v : d) {
            dd += v * v;
        }
        double maxStep = BIG_STEP;
        if (s.constrained) {
            if (s.iterations == 0) {
                maxStep = 1;
            } else {
                for (int i = 0; i < d.length; i++) {
                    double di = d[i];
                    if (di < 0 && s.lower[i] > Double.NEGATIVE_INFINITY) {
                        double room = s.lower[i] - x[i];
                        if (room >= 0) {
                            maxStep = 0;
                        } else if (di * maxStep < room) {
                            maxStep = room / di;
                        }
                    } else if (di > 0 && s.upper[i] < Double.POSITIVE_INFINITY) {
                        double room = s.upper[i] - x[i];
                        if (room <= 0) {
                            maxStep = 0;
                        } else if (di * maxStep > room) {
                            maxStep = room / di;
                        }
                    }
                }
                // x + d is the projected subspace minimiser, inside the box: only rounding can push this below 1.
                maxStep = Math.max(maxStep, 1);
            }
        }
        double first = s.iterations == 0 && !s.boxed ? Math.min(1 / Math.sqrt(dd), maxStep) : 1;
        return lineSearch.searchInBox(f, x, s.f, s.g, d, first, maxStep, s.box(), s.xTrial, s.gTrial);
    }

    /** The iterate, the compact L-BFGS memory, and the workspaces of the Cauchy and subspace steps. */
    public static final class State extends BoxState {
        final CompactMemory memory;
        final CauchyPoint cauchy;
        final SubspaceMinimization subspace;
        /** Where each variable is relative to its bounds at the Cauchy point. */
        final byte[] where;
        /** The Cauchy point, then the subspace minimiser x̄. */
        final double[] z;
        /** The search direction x̄ − x. */
        final double[] d;
        private final double[] work2m;
        /** A pair was stored since the products over the free set were last brought up to date. */
        private boolean pendingPair;
        int iterations;
        int skippedUpdates;
        int resets;
        int lineSearchFailures;
        long cauchySegments;
        int backtrackedSubspaceSteps;

        State(Objective f, Bounds bounds, double[] x0, int m) {
            super(f, bounds, x0);
            int n = x0.length;
            memory = new CompactMemory(m, n);
            cauchy = new CauchyPoint(n, m);
            subspace = new SubspaceMinimization(n, m);
            where = new byte[n];
            for (int i = 0; i < n; i++) {
                boolean bounded = lower[i] > Double.NEGATIVE_INFINITY || upper[i] < Double.POSITIVE_INFINITY;
                where[i] = bounded ? CauchyPoint.FREE : CauchyPoint.UNBOUNDED;
            }
            z = new double[n];
            d = new double[n];
            work2m = new double[2 * m];
        }

        /**
         * d ← x̄ − x from the Cauchy point and the subspace minimisation.
         *
         * @return false when a factorisation of the compact form failed (the caller resets the memory)
         */
        boolean direction() {
            int n = x.length;
            boolean setChanged = false;
            boolean fresh = !constrained && memory.col > 0;
            if (fresh) {
                System.arraycopy(x, 0, z, 0, n);
            } else {
                cauchy.compute(x, g, lower, upper, where, memory, projectedGradientNorm == 0, z);
                cauchySegments += cauchy.segments;
                setChanged = subspace.updateFreeSet(where, iterations > 0 && constrained);
            }
            if (subspace.free != 0 && memory.col != 0) {
                if (setChanged || pendingPair) {
                    if (!subspace.factor(memory, pendingPair)) {
                        return false;
                    }
                    pendingPair = false;
                }
                subspace.minimize(x, g, lower, upper, memory, cauchy.c, fresh, z, work2m);
                if (subspace.backtracked) {
                    backtrackedSubspaceSteps++;
                }
            } else if (setChanged || pendingPair) {
                subspace.invalidate();
                pendingPair = false;
            }
            for (int i = 0; i < n; i++) {
                d[i] = z[i] - x[i];
            }
            return true;
        }

        /** Accepts the trial point and stores the pair s = x⁺ − x, y = g⁺ − g when its curvature is positive. */
        void update(double fTrial) {
            double[] sNew = memory.spareS;
            double[] yNew = memory.spareY;
            double sy = 0;
            double yy = 0;
            double ss = 0;
            double gs = 0;
            for (int i = 0; i < x.length; i++) {
                double si = xTrial[i] - x[i];
                double yi = gTrial[i] - g[i];
                sNew[i] = si;
                yNew[i] = yi;
                sy += si * yi;
                yy += yi * yi;
                ss += si * si;
                gs += g[i] * si;
            }
            iterations++;
            acceptTrial(fTrial, Math.sqrt(ss));
            if (sy <= EPS * -gs) {
                skippedUpdates++;
                return;
            }
            if (!memory.push(sy, yy, ss)) {
                resetMemory();
                return;
            }
            pendingPair = true;
        }

        void resetMemory() {
            memory.reset();
            subspace.invalidate();
            pendingPair = false;
            resets++;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> m = boxDetails();
            m.put("memoryUsed", memory.col);
            m.put("skippedUpdates", skippedUpdates);
            m.put("resets", resets);
            m.put("lineSearchFailures", lineSearchFailures);
            m.put("cauchySegments", cauchySegments);
            m.put("backtrackedSubspaceSteps", backtrackedSubspaceSteps);
            return m;
        }
    }
}
