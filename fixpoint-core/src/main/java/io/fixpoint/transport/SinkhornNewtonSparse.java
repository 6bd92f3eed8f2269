package io.fixpoint.transport;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Status;
import io.fixpoint.solve.Verdict;
import java.util.Map;

/**
 * Sinkhorn–Newton–Sparse (Tang, Shavlovsky, Rahmanian, Tardini, Thekumparampil, Xiao and Ying, ICLR 2024,
 * Algorithm 1): {@code sinkhornIterations} log-domain Sinkhorn iterations, then Newton's method on the
 * concave dual D(f, g) = ⟨a, f⟩ + ⟨b, g⟩ − ε·Σ_ij P_ij, whose gradient is (a − P1, b − Pᵀ1) and whose Hessian
 * is −(1/ε)·[[diag(P1), P], [Pᵀ, diag(Pᵀ1)]]. After the Sinkhorn phase the plan is close to sparse (their
 * Theorem 1), so P is replaced by its largest entries — all but those carrying {@code droppedMass} of the
 * plan's mass, and at most {@code entriesPerRow}·max(n, m) of them — and the system
 * [[diag(P1), P̃], [P̃ᵀ, diag(Pᵀ1)]]·d = ε·∇D is symmetric positive semidefinite (the dropped entries only
 * strengthen the exact diagonal) and is solved by conjugate gradients with a Jacobi preconditioner to the
 * forcing tolerance min(0.1, √error). A backtracking line search asks for the Armijo increase of D; where that
 * increase is below the rounding of D (near the solution) it accepts a step that lowers the marginal error.
 * Each Newton iteration costs one pass per trial step, like a Sinkhorn half-iteration, plus the selection of
 * the kept entries and CG on O(n + m + kept) work.
 *
 * @param sinkhornIterations N₁, Sinkhorn iterations before the Newton phase (≥ 0)
 * @param droppedMass        the share of the plan's mass the sparsified Hessian may leave out, in [0, 1)
 * @param entriesPerRow      the most kept entries of P per row of the larger side (≥ 1; infinite for no cap)
 */
public record SinkhornNewtonSparse(int sinkhornIterations, double droppedMass, double entriesPerRow)
        implements Solver<TransportProblem, SinkhornNewtonSparse.State> {
    private static final int LINE_SEARCH_STEPS = 40;
    private static final double ARMIJO = 1e-4;

    public SinkhornNewtonSparse {
        if (sinkhornIterations < 0) {
            throw new IllegalArgumentException("sinkhornIterations must be ≥ 0, got " + sinkhornIterations);
        }
        if (!(droppedMass >= 0 && droppedMass < 1)) {
            throw new IllegalArgumentException("droppedMass must lie in [0, 1), got " + droppedMass);
        }
        if (!(entriesPerRow >= 1)) {
            throw new IllegalArgumentException("entriesPerRow must be ≥ 1 (infinite for no cap), got " + entriesPerRow);
        }
    }

    /**
     * N₁ = 20 Sinkhorn iterations; the Hessian drops at most 10⁻⁶ of the mass, with no cap on its entries (on
     * uniform clouds of 1000 points a cap of 50 or 200 per row cost more Newton iterations than it saved in CG).
     */
    public SinkhornNewtonSparse() {
        this(20, 1e-6, Double.POSITIVE_INFINITY);
    }

    @Override
    public String name() {
        return "sns";
    }

    /** The Sinkhorn phase's state, then the plan, the sparsified Hessian and the CG and line-search workspaces. */
    public static final class State extends TransportState {
        final TransportState sinkhorn;
        final double[] b;
        final int capacity;
        boolean newton;
        int sinkhornSteps;
        int newtonSteps;
        long cgIterations;
        int backtracks;
        int kept;
        double[] plan;
        double[] trialPlan;
        double[] r;
        double[] c;
        double[] trialR;
        double[] trialC;
        final double[] binMass;
        final long[] binCount;
        final double[] grad;
        final double[] dir;
        final double[] trialX;
        final double[] res;
        final double[] z;
        final double[] conj;
        final double[] product;
        final double[] diag;
        final int[] rowStart;
        final int[] column;
        final double[] entry;

        State(TransportProblem p, double[] x0, double entriesPerRow) {
            super(p, x0);
            sinkhorn = new SinkhornLog().init(p, x0);
            b = p.targetWeights();
            int total = n * m;
            capacity = (int) Math.min(total, Math.ceil(entriesPerRow * Math.max(n, m)));
            plan = new double[total];
            trialPlan = new double[total];
            binMass = new double[Double.MAX_EXPONENT - Double.MIN_EXPONENT + 2];
            binCount = new long[binMass.length];
            r = new double[n];
            c = new double[m];
            trialR = new double[n];
            trialC = new double[m];
            int dim = n + m;
            grad = new double[dim];
            dir = new double[dim];
            trialX = new double[dim];
            res = new double[dim];
            z = new double[dim];
            conj = new double[dim];
            product = new double[dim];
            diag = new double[dim];
            rowStart = new int[n + 1];
            column = new int[capacity];
            entry = new double[capacity];
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> d = super.details();
            d.put("sinkhornIterations", sinkhornSteps);
            d.put("newtonIterations", newtonSteps);
            d.put("cgIterations", cgIterations);
            d.put("keptEntries", kept);
            d.put("lineSearchBacktracks", backtracks);
            return d;
        }
    }

    @Override
    public State init(TransportProblem p, double[] x0) {
        State s = new State(p, x0, entriesPerRow);
        s.error = s.sinkhorn.error;
        return s;
    }

    @Override
    public State step(TransportProblem p, State s) {
        if (!s.newton && s.sinkhornSteps < sinkhornIterations) {
            new SinkhornLog().step(p, s.sinkhorn);
            s.sinkhornSteps++;
            s.error = s.sinkhorn.error;
            s.stepNorm = s.sinkhorn.stepNorm;
            return s;
        }
        if (!s.newton) {
            s.newton = true;
            p.marginals(s.x, s.eps, s.plan, s.r, s.c);
        }
        newtonStep(p, s);
        return s;
    }

    private void newtonStep(TransportProblem p, State s) {
        int n = s.n;
        int m = s.m;
        int dim = n + m;
        for (int i = 0; i < n; i++) {
            s.grad[i] = s.a[i] - s.r[i];
            s.diag[i] = Math.max(s.r[i], Double.MIN_NORMAL);
        }
        for (int j = 0; j < m; j++) {
            s.grad[n + j] = s.b[j] - s.c[j];
            s.diag[n + j] = Math.max(s.c[j], Double.MIN_NORMAL);
        }
        sparsify(s, droppedMass);
        conjugateGradients(s, Math.min(0.1, Math.sqrt(s.error)));
        double slope = Vectors.dot(s.grad, s.dir);
        if (!(slope > 0)) {
            // CG lost its way in rounding: the preconditioned gradient is always an ascent direction.
            for (int k = 0; k < dim; k++) {
                s.dir[k] = s.eps * s.grad[k] / s.diag[k];
            }
            slope = Vectors.dot(s.grad, s.dir);
        }
        double linear = 0;
        double absLinear = 0;
        for (int i = 0; i < n; i++) {
            linear += s.a[i] * s.dir[i];
            absLinear += Math.abs(s.a[i] * s.dir[i]);
        }
        for (int j = 0; j < m; j++) {
            linear += s.b[j] * s.dir[n + j];
            absLinear += Math.abs(s.b[j] * s.dir[n + j]);
        }
        double mass = sum(s.r);
        double alpha = 1;
        for (int t = 0; t < LINE_SEARCH_STEPS; t++, alpha *= 0.5) {
            for (int k = 0; k < dim; k++) {
                s.trialX[k] = s.x[k] + alpha * s.dir[k];
            }
            p.marginals(s.trialX, s.eps, s.trialPlan, s.trialR, s.trialC);
            double trialMass = sum(s.trialR);
            if (Double.isFinite(trialMass)) {
                double increase = alpha * linear - s.eps * (trialMass - mass);
                double noise = 1e-13 * (s.eps * mass + alpha * absLinear);
                double trialError = p.marginalError(s.trialR, s.trialC);
                if (increase >= ARMIJO * alpha * slope || (Math.abs(increase) <= noise && trialError < s.error)) {
                    accept(s, alpha, trialError);
                    return;
                }
            }
            s.backtracks++;
        }
        s.verdict = new Verdict(Status.STALLED, "the line search found no increase of the dual along the Newton direction in "
                + LINE_SEARCH_STEPS + " halvings; marginal error " + (float) s.error);
    }

    private static void accept(State s, double alpha, double trialError) {
        double[] t = s.plan;
        s.plan = s.trialPlan;
        s.trialPlan = t;
        t = s.r;
        s.r = s.trialR;
        s.trialR = t;
        t = s.c;
        s.c = s.trialC;
        s.trialC = t;
        System.arraycopy(s.trialX, 0, s.x, 0, s.x.length);
        s.error = trialError;
        s.stepNorm = alpha * Math.sqrt(Vectors.dot(s.dir, s.dir));
        s.newtonSteps++;
    }

    /**
     * The kept entries of P, row by row: the largest ones, down to the power of two below which the
     * remaining entries carry at most {@code droppedMass} of the plan's mass, and at most {@code capacity}
     * of them (the last binade taken by position). One sweep bins the entries by binary exponent.
     */
    private static void sparsify(State s, double droppedMass) {
        java.util.Arrays.fill(s.binMass, 0);
        java.util.Arrays.fill(s.binCount, 0);
        int total = s.n * s.m;
        double mass = 0;
        for (int k = 0; k < total; k++) {
            double v = s.plan[k];
            if (v > 0) {
                int e = Math.getExponent(v) - Double.MIN_EXPONENT + 1;
                s.binMass[e] += v;
                s.binCount[e]++;
                mass += v;
            }
        }
        int bin = s.binMass.length;
        long count = 0;
        double keptMass = 0;
        while (bin > 0 && mass - keptMass > droppedMass * mass && count + s.binCount[bin - 1] <= s.capacity) {
            bin--;
            count += s.binCount[bin];
            keptMass += s.binMass[bin];
        }
        // Entries in bins ≥ bin are kept; the next bin down fills what capacity remains, by position.
        int partial = bin - 1;
        long room = partial >= 0 && mass - keptMass > droppedMass * mass ? s.capacity - count : 0;
        int kept = 0;
        for (int i = 0; i < s.n; i++) {
            s.rowStart[i] = kept;
            for (int j = 0; j < s.m; j++) {
                double v = s.plan[i * s.m + j];
                if (v > 0) {
                    int e = Math.getExponent(v) - Double.MIN_EXPONENT + 1;
                    if (e >= bin || (e == partial && room-- > 0)) {
                        s.column[kept] = j;
                        s.entry[kept] = v;
                        kept++;
                    }
                }
            }
        }
        s.rowStart[s.n] = kept;
        s.kept = kept;
    }

    /** Preconditioned conjugate gradients on H·d = ε∇D from d = 0, to ‖residual‖ ≤ η‖ε∇D‖ or n + m iterations. */
    private static void conjugateGradients(State s, double eta) {
        int dim = s.n + s.m;
        for (int k = 0; k < dim; k++) {
            s.dir[k] = 0;
            s.res[k] = s.eps * s.grad[k];
            s.z[k] = s.res[k] / s.diag[k];
            s.conj[k] = s.z[k];
        }
        double target = eta * Math.sqrt(Vectors.dot(s.res, s.res));
        double rz = Vectors.dot(s.res, s.z);
        for (int it = 0; it < dim && Math.sqrt(Vectors.dot(s.res, s.res)) > target; it++) {
            hessianTimes(s, s.conj, s.product);
            double curvature = Vectors.dot(s.conj, s.product);
            if (!(curvature > 0)) {
                return;
            }
            double step = rz / curvature;
            for (int k = 0; k < dim; k++) {
                s.dir[k] += step * s.conj[k];
                s.res[k] -= step * s.product[k];
                s.z[k] = s.res[k] / s.diag[k];
            }
            double next = Vectors.dot(s.res, s.z);
            double beta = next / rz;
            rz = next;
            for (int k = 0; k < dim; k++) {
                s.conj[k] = s.z[k] + beta * s.conj[k];
            }
            s.cgIterations++;
        }
    }

    /** out = [[diag(P1), P̃], [P̃ᵀ, diag(Pᵀ1)]]·v. */
    private static void hessianTimes(State s, double[] v, double[] out) {
        int n = s.n;
        for (int k = 0; k < n + s.m; k++) {
            out[k] = s.diag[k] * v[k];
        }
        for (int i = 0; i < n; i++) {
            double vi = v[i];
            double acc = 0;
            for (int e = s.rowStart[i]; e < s.rowStart[i + 1]; e++) {
                int j = n + s.column[e];
                acc += s.entry[e] * v[j];
                out[j] += s.entry[e] * vi;
            }
            out[i] += acc;
        }
    }

    private static double sum(double[] x) {
        double s = 0;
        for (double v : x) {
            s += v;
        }
        return s;
    }
}
