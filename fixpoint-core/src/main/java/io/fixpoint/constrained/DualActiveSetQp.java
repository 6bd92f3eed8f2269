package io.fixpoint.constrained;

import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.decomposition.TriangularSolver_DDRM;
import org.ejml.dense.row.factory.DecompositionFactory_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.decomposition.CholeskyDecomposition_F64;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The dual active-set method of Goldfarb and Idnani (Math. Programming 27, 1983) for the strictly
 * convex quadratic program
 *
 * <pre>
 *   minimise ½dᵀGd + gᵀd  subject to  Aₑd = bₑ,  Aᵢd ≤ bᵢ,  lo ≤ d ≤ hi.
 * </pre>
 *
 * It starts from the unconstrained minimiser −G⁻¹g and adds violated constraints one at a time,
 * dropping those whose multipliers would turn negative, so every iterate is dual feasible and the
 * first primal feasible one is optimal; a constraint that can be neither reached nor made room for
 * proves the program infeasible. Writing each constraint as nᵀd ≥ b, the step for constraint p
 * with active normals N is z = G⁻¹(nₚ − N·r), where r minimises ‖L⁻¹(N·r − nₚ)‖ for G = LLᵀ
 * (EJML's Cholesky and Householder QR, recomputed from the cached columns L⁻¹N at each change:
 * the programs here are small). Multipliers are reported with the sign of the Lagrangian
 * ½dᵀGd + gᵀd + λᵀ(Aₑd − bₑ) + μᵀ(Aᵢd − bᵢ), so μ ≥ 0. Workspaces are sized once for the largest
 * program; a solve allocates nothing of its own.
 */
final class DualActiveSetQp {
    enum Outcome { OPTIMAL, INFEASIBLE, NOT_CONVEX, ITERATION_LIMIT }

    private static final int EQUALITY = 0;
    private static final int INEQUALITY = 1;
    private static final int BOUND = 2;

    private final int maxN;
    private final int maxRows;
    private final double[] normals;  // row i: constraint i's normal nᵢ (length n, stride maxN)
    private final double[] rhs;
    private final int[] kind;
    private final int[] origin;      // the index of the row of Aₑ or Aᵢ, or of the variable
    private final double[] sign;     // +1, or −1 for an equality whose orientation was flipped
    private final boolean[] isActive;
    private final int[] active;      // active constraint indices, in order of addition
    private final double[] u;        // their multipliers (G-I sign: Gd + g = Σ uᵢnᵢ)
    private final double[] columns; // L⁻¹nᵢ for the active constraints, column j at stride maxN
    private final double[] w;
    private final double[] z;
    private final double[] r;
    /** ‖w − Wr‖²: the part of L⁻¹nₚ outside the span of the active columns. */
    private double outside;
    private final DMatrixRMaj factor;
    private final DMatrixRMaj lower;
    private final DMatrixRMaj basis;
    private final DMatrixRMaj target;
    private final DMatrixRMaj coefficients;
    private final CholeskyDecomposition_F64<DMatrixRMaj> cholesky;
    private final LinearSolverDense<DMatrixRMaj> leastSquares;
    private final DMatrixRMaj gram;
    private final DMatrixRMaj residual;
    private final LinearSolverDense<DMatrixRMaj> gramSolver;
    private int n;
    private int rows;
    private int count;
    private int iterations;

    /** Workspaces for up to {@code maxN} unknowns and {@code maxGeneral} equality and inequality rows together. */
    DualActiveSetQp(int maxN, int maxGeneral) {
        this.maxN = maxN;
        this.maxRows = maxGeneral + 2 * maxN;
        normals = new double[maxRows * maxN];
        rhs = new double[maxRows];
        kind = new int[maxRows];
        origin = new int[maxRows];
        sign = new double[maxRows];
        isActive = new boolean[maxRows];
        active = new int[maxN];
        u = new double[maxN + 1];
        columns = new double[maxN * maxN];
        w = new double[maxN];
        z = new double[maxN];
        r = new double[maxN];
        factor = new DMatrixRMaj(maxN, maxN);
        lower = new DMatrixRMaj(maxN, maxN);
        basis = new DMatrixRMaj(maxN, maxN);
        target = new DMatrixRMaj(maxN, 1);
        coefficients = new DMatrixRMaj(maxN, 1);
        cholesky = DecompositionFactory_DDRM.chol(maxN, true);
        leastSquares = LinearSolverFactory_DDRM.leastSquares(maxN, maxN);
        gram = new DMatrixRMaj(maxN, maxN);
        residual = new DMatrixRMaj(maxN, 1);
        gramSolver = LinearSolverFactory_DDRM.chol(maxN);
    }

    /**
     * Solves the program; G is row-major n×n, Aₑ is p×n and Aᵢ is q×n, row-major; infinite entries of
     * {@code lo} and {@code hi} are absent bounds. On {@link Outcome#OPTIMAL} {@code d} is the
     * minimiser and {@code multipliers} holds (λ, μ); otherwise {@code d} is the last iterate.
     */
    Outcome solve(int n, double[] G, double[] g, int p, double[] aEq, double[] bEq, int q, double[] aIn, double[] bIn,
            double[] lo, double[] hi, double[] d, double[] multipliers) {
        this.n = n;
        if (n > maxN || p + q + 2 * n > maxRows) {
            throw new IllegalArgumentException("program of " + n + " unknowns and " + (p + q) + " rows exceeds the workspace");
        }
        iterations = 0;
        count = 0;
        Arrays.fill(multipliers, 0, p + q, 0);
        factor.reshape(n, n);
        System.arraycopy(G, 0, factor.data, 0, n * n);
        if (!cholesky.decompose(factor)) {
            return Outcome.NOT_CONVEX;
        }
        lower.reshape(n, n);
        cholesky.getT(lower);
        // unconstrained minimiser d = −G⁻¹g
        for (int i = 0; i < n; i++) {
            d[i] = -g[i];
        }
        TriangularSolver_DDRM.solveL(lower.data, d, n);
        TriangularSolver_DDRM.solveTranL(lower.data, d, n);
        load(p, aEq, bEq, q, aIn, bIn, lo, hi);

        for (int e = 0; e < p; e++) {
            double s = slack(e, d);
            if (s > 0) { // orient the equality so that it is violated from below, as a ≥ constraint would be
                sign[e] = -1;
                rhs[e] = -rhs[e];
                for (int j = 0; j < n; j++) {
                    normals[e * maxN + j] = -normals[e * maxN + j];
                }
            }
            Outcome o = enter(e, d);
            if (o != null) {
                return o;
            }
        }
        int limit = 10 * (rows + n) + 50;
        while (true) {
            int pick = -1;
            double worst = 0;
            for (int i = p; i < rows; i++) {
                if (!isActive[i]) {
                    double s = slack(i, d);
                    if (s < -tolerance(i, d) && s / norm(i) < worst) {
                        worst = s / norm(i);
                        pick = i;
                    }
                }
            }
            if (pick < 0) {
                break;
            }
            if (iterations > limit) {
                return Outcome.ITERATION_LIMIT;
            }
            Outcome o = enter(pick, d);
            if (o != null) {
                return o;
            }
        }
        refine(d);
        recomputeMultipliers(g, d);
        for (int k = 0; k < count; k++) {
            int c = active[k];
            if (kind[c] != BOUND) {
                multipliers[kind[c] == EQUALITY ? origin[c] : p + origin[c]] = sign[c] * u[k];
            }
        }
        return Outcome.OPTIMAL;
    }

    /** Makes constraint {@code c} active (steps 2–3 of Goldfarb and Idnani); null when done, else why not. */
    private Outcome enter(int c, double[] d) {
        u[count] = 0; // the multiplier of c, grown from 0
        while (true) {
            iterations++;
            if (iterations > 10 * (rows + n) + 50) {
                return Outcome.ITERATION_LIMIT;
            }
            directions(c);
            // the dual step length: the first active inequality whose multiplier reaches 0
            double dualStep = Double.POSITIVE_INFINITY;
            int blocking = -1;
            for (int k = 0; k < count; k++) {
                if (kind[active[k]] != EQUALITY && r[k] > 0) {
                    double t = u[k] / r[k];
                    if (t < dualStep) {
                        dualStep = t;
                        blocking = k;
                    }
                }
            }
            double zn = 0;
            double ww = 0;
            for (int j = 0; j < n; j++) {
                zn += z[j] * normals[c * maxN + j];
                ww += w[j] * w[j];
            }
            double s = slack(c, d);
            // nₚ lies in the span of the active normals when its part outside that span vanishes
            boolean dependent = outside <= 1e-20 * ww || !(zn > 0);
            if (dependent) {
                if (kind[c] == EQUALITY && Math.abs(s) <= tolerance(c, d)) {
                    return null; // a redundant equality, already satisfied
                }
                if (blocking < 0) {
                    return Outcome.INFEASIBLE;
                }
                // a purely dual step: make room by dropping the blocking constraint
                for (int k = 0; k < count; k++) {
                    u[k] -= dualStep * r[k];
                }
                u[count] += dualStep;
                drop(blocking);
                continue;
            }
            double primalStep = -s / zn;
            double t = Math.min(primalStep, dualStep);
            for (int j = 0; j < n; j++) {
                d[j] += t * z[j];
            }
            for (int k = 0; k < count; k++) {
                u[k] -= t * r[k];
            }
            u[count] += t;
            if (primalStep <= dualStep) {
                add(c);
                return null;
            }
            drop(blocking);
        }
    }

    /**
     * One step of iterative refinement of primal feasibility: on an ill-conditioned G the updates
     * leave the active constraints satisfied only to G's conditioning, so d moves by the G-norm
     * shortest correction δ = G⁻¹N(NᵀG⁻¹N)⁻¹(b − Nᵀd) = L⁻ᵀW(WᵀW)⁻¹(b − Nᵀd).
     */
    private void refine(double[] d) {
        if (count == 0) {
            return;
        }
        gram.reshape(count, count);
        for (int a = 0; a < count; a++) {
            residual.data[a] = -slack(active[a], d);
            for (int b = 0; b <= a; b++) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += columns[a * maxN + i] * columns[b * maxN + i];
                }
                gram.data[a * count + b] = s;
                gram.data[b * count + a] = s;
            }
        }
        residual.reshape(count, 1);
        coefficients.reshape(count, 1);
        if (!gramSolver.setA(gram)) {
            return;
        }
        gramSolver.solve(residual, coefficients);
        java.util.Arrays.fill(z, 0, n, 0);
        for (int k = 0; k < count; k++) {
            for (int i = 0; i < n; i++) {
                z[i] += coefficients.data[k] * columns[k * maxN + i];
            }
        }
        TriangularSolver_DDRM.solveTranL(lower.data, z, n);
        for (int i = 0; i < n; i++) {
            d[i] += z[i];
        }
    }

    /**
     * The multipliers of the final active set afresh, as the least-squares solution of
     * Σ uᵢnᵢ = Gd + g (in L⁻¹-weighted form: W·u = Lᵀd + L⁻¹g), inequalities' clipped at 0: the
     * updates of the iterations carry rounding that would show in the KKT residuals.
     */
    private void recomputeMultipliers(double[] g, double[] d) {
        if (count == 0) {
            return;
        }
        // target = Lᵀd + L⁻¹g
        for (int i = 0; i < n; i++) {
            w[i] = g[i];
        }
        TriangularSolver_DDRM.solveL(lower.data, w, n);
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int k = i; k < n; k++) {
                s += lower.data[k * n + i] * d[k]; // (Lᵀd)ᵢ = Σₖ L[k][i]·dₖ
            }
            w[i] += s;
        }
        if (!leastSquaresOnActive(w)) {
            return;
        }
        for (int k = 0; k < count; k++) {
            double v = coefficients.data[k];
            u[k] = kind[active[k]] == EQUALITY ? v : Math.max(0, v);
        }
    }

    /** {@link #coefficients} ← argmin ‖W·c − b‖ over the active columns W = L⁻¹N (Householder QR); false when W is rank deficient. */
    private boolean leastSquaresOnActive(double[] b) {
        basis.reshape(n, count);
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < count; k++) {
                basis.data[i * count + k] = columns[k * maxN + i];
            }
        }
        target.reshape(n, 1);
        System.arraycopy(b, 0, target.data, 0, n);
        coefficients.reshape(count, 1);
        if (!leastSquares.setA(basis)) {
            return false;
        }
        leastSquares.solve(target, coefficients);
        return true;
    }

    /** w = L⁻¹nₚ, r = argmin ‖Wr − w‖ over the active columns W = L⁻¹N, z = L⁻ᵀ(w − Wr). */
    private void directions(int c) {
        for (int j = 0; j < n; j++) {
            w[j] = normals[c * maxN + j];
        }
        TriangularSolver_DDRM.solveL(lower.data, w, n);
        System.arraycopy(w, 0, z, 0, n);
        if (count > 0 && leastSquaresOnActive(w)) {
            for (int k = 0; k < count; k++) {
                r[k] = coefficients.data[k];
                for (int i = 0; i < n; i++) {
                    z[i] -= r[k] * columns[k * maxN + i];
                }
            }
        }
        outside = 0;
        for (int i = 0; i < n; i++) {
            outside += z[i] * z[i];
        }
        TriangularSolver_DDRM.solveTranL(lower.data, z, n);
    }

    private void add(int c) {
        isActive[c] = true;
        active[count] = c;
        System.arraycopy(w, 0, columns, count * maxN, n); // L⁻¹n_c, from the last directions(c)
        count++;
    }

    /** Removes the active constraint at position {@code k}, keeping the order (and the multiplier of the entering one last). */
    private void drop(int k) {
        isActive[active[k]] = false;
        for (int i = k; i < count - 1; i++) {
            active[i] = active[i + 1];
            System.arraycopy(columns, (i + 1) * maxN, columns, i * maxN, n);
        }
        for (int i = k; i < count; i++) {
            u[i] = u[i + 1];
        }
        count--;
    }

    private void load(int p, double[] aEq, double[] bEq, int q, double[] aIn, double[] bIn, double[] lo, double[] hi) {
        rows = 0;
        for (int i = 0; i < p; i++) {
            row(EQUALITY, i, aEq, -bEq[i]);
        }
        for (int i = 0; i < q; i++) {
            row(INEQUALITY, i, aIn, -bIn[i]);
        }
        for (int j = 0; j < n; j++) {
            if (lo[j] > Double.NEGATIVE_INFINITY) {
                unit(j, 1, lo[j]);
            }
            if (hi[j] < Double.POSITIVE_INFINITY) {
                unit(j, -1, -hi[j]);
            }
        }
    }

    /** The constraint −aᵢᵀd ≥ b from row i of a (aᵢᵀd ≤ −b, or = −b for an equality). */
    private void row(int type, int i, double[] a, double b) {
        int c = rows++;
        for (int j = 0; j < n; j++) {
            normals[c * maxN + j] = -a[i * n + j];
        }
        rhs[c] = b;
        kind[c] = type;
        origin[c] = i;
        sign[c] = 1;
        isActive[c] = false;
    }

    /** The bound s·dⱼ ≥ b. */
    private void unit(int j, double s, double b) {
        int c = rows++;
        Arrays.fill(normals, c * maxN, c * maxN + n, 0);
        normals[c * maxN + j] = s;
        rhs[c] = b;
        kind[c] = BOUND;
        origin[c] = j;
        sign[c] = 1;
        isActive[c] = false;
    }

    /** nᵀd − b: negative when the constraint is violated. */
    private double slack(int c, double[] d) {
        double s = -rhs[c];
        for (int j = 0; j < n; j++) {
            s += normals[c * maxN + j] * d[j];
        }
        return s;
    }

    /** The violation tolerated: rounding in nᵀd − b. */
    private double tolerance(int c, double[] d) {
        double scale = Math.abs(rhs[c]);
        for (int j = 0; j < n; j++) {
            scale += Math.abs(normals[c * maxN + j] * d[j]);
        }
        return 1e-14 * Math.max(1e-3, scale);
    }

    private double norm(int c) {
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += normals[c * maxN + j] * normals[c * maxN + j];
        }
        return Math.sqrt(s);
    }
}
