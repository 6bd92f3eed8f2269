package io.fixpoint.lp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class LpSolverTest {

    static Iterable<String> methods() {
        return Catalog.builtIn().names(ProblemKind.LINEAR_PROGRAM);
    }

    static SolverSpec<LinearProgram> spec(String method) {
        return Catalog.builtIn().linearProgram(method);
    }

    /** {@code method}'s defaults with at most {@code iterations} iterations. */
    static LpSettings budget(String method, int iterations) {
        return LpSettings.of(spec(method).defaults().withMaxIterations(iterations));
    }

    static LpResult solve(LinearProgram lp, String method) {
        return LpSolver.solve(lp, spec(method), budget(method, 100_000));
    }

    @ParameterizedTest
    @MethodSource("methods")
    void reachesTheKnownOptimumWithAllThreeKktFiguresAtTolerance(String method) {
        MpsModel m = TestPrograms.textbook();
        LpResult r = solve(m.program(), method);
        assertThat(r.status()).isEqualTo(Status.CONVERGED);
        assertThat(r.statusName()).isEqualTo("OPTIMAL");
        assertThat(m.objectiveInFileSense(r.objective())).isCloseTo(4.0, offset(1e-6));
        assertThat(r.x()).containsExactly(new double[] {3, 1, 1}, offset(1e-6));
        assertThat(r.kkt().relativePrimalResidual()).isLessThanOrEqualTo(1e-8);
        assertThat(r.kkt().relativeDualResidual()).isLessThanOrEqualTo(1e-8);
        assertThat(r.kkt().relativeGap()).isLessThanOrEqualTo(1e-8);
        assertThat(r.matrixVectorProducts()).isPositive();
        // the figures are those of the original program at the returned pair, recomputed here
        KktError again = LpSolver.evaluate(m.program(), r.x(), r.y(), ParallelExecutor.sequential());
        assertThat(again).isEqualTo(r.kkt());
    }

    @ParameterizedTest
    @MethodSource("methods")
    void certifiesPrimalInfeasibilityWithACheckedDualRay(String method) {
        LinearProgram lp = TestPrograms.infeasible();
        LpResult r = LpSolver.solve(lp, spec(method), budget(method, 100_000).withPresolve(false));
        assertThat(r.status()).isEqualTo(Status.PRIMAL_INFEASIBLE);
        assertThat(r.ray()).isNotNull();
        assertThat(FarkasRay.ofDualRay(lp, r.ray().ray(), 1e-10, ParallelExecutor.sequential()).valid()).isTrue();
        assertThat(r.message()).contains("no feasible point");
    }

    @ParameterizedTest
    @MethodSource("methods")
    void certifiesDualInfeasibilityWithACheckedPrimalRay(String method) {
        LinearProgram lp = TestPrograms.unbounded();
        LpResult r = solve(lp, method);
        assertThat(r.status()).isEqualTo(Status.DUAL_INFEASIBLE);
        double[] d = r.ray().ray();
        assertThat(FarkasRay.ofPrimalRay(lp, d, 1e-10, ParallelExecutor.sequential()).valid()).isTrue();
        assertThat(d[0]).isPositive();
    }

    @Test
    void presolveProvesInfeasibilityOfAnEmptyRowThatExcludesZero() {
        // x fixed at 2 leaves the row 1 ≤ x − 2·... : row x ≤ 1 with x = 2 becomes the empty row 0 ≤ −1
        LinearProgram lp = LinearProgram.of(TestPrograms.matrix(1, 2, new double[] {1, 0}), new double[] {1, 1}, 0,
                new double[] {2, 0}, new double[] {2, 5}, new double[] {Double.NEGATIVE_INFINITY}, new double[] {1});
        LpResult r = solve(lp, "r2hpdhg");
        assertThat(r.status()).isEqualTo(Status.PRIMAL_INFEASIBLE);
        assertThat(r.message()).contains("presolve");
        assertThat(r.ray().radius()).isInfinite();
    }

    @Test
    void presolveRemovesRowsAndColumnsAndPostsolveRestoresAnOptimalPair() {
        MpsModel m = TestPrograms.textbook();
        LpResult with = solve(m.program(), "r2hpdhg");
        LpResult without = LpSolver.solve(m.program(), spec("r2hpdhg"), budget("r2hpdhg", 1_000_000).withPresolve(false));
        assertThat(with.removedColumns()).isEqualTo(1);
        assertThat(with.removedRows()).isEqualTo(2);
        assertThat(with.optimal()).isTrue();
        assertThat(without.optimal()).isTrue();
        assertThat(with.objective()).isCloseTo(without.objective(), offset(1e-6));
        // the singleton row's dual comes back: y = λ/a for the bound it supplied, never of the wrong sign
        assertThat(with.y()).hasSize(5);
        assertThat(with.kkt().relative()).isLessThanOrEqualTo(1e-8);
    }

    @Test
    void epsilonIsTheDriversThresholdFromTheMergedSettings() {
        LinearProgram lp = TestPrograms.textbook().program();
        LpResult loose = LpSolver.solve(lp, spec("pdhg"), LpSettings.of(spec("pdhg").defaults().override(1e-3, null, null, null)));
        assertThat(loose.tolerance()).isEqualTo(1e-3);
        assertThat(loose.optimal()).isTrue();
        assertThat(loose.kkt().relative()).isLessThanOrEqualTo(1e-3);
        LpResult relative = LpSolver.solve(lp, spec("pdhg"), LpSettings.of(spec("pdhg").defaults().override(0.0, 1e-2, null, null))
                .withPresolve(false));
        // relative to the KKT error at the start: x = 0 moved into its bounds, y = 0
        double[] x0 = new double[3];
        for (int j = 0; j < 3; j++) {
            x0[j] = KktError.clamp(0, lp.variableLower()[j], lp.variableUpper()[j]);
        }
        double start = LpSolver.evaluate(lp, x0, new double[5], ParallelExecutor.sequential()).relative();
        assertThat(relative.tolerance()).isCloseTo(1e-2 * start, offset(1e-15));
        assertThat(relative.message()).contains("ε = " + relative.tolerance());
    }

    @Test
    void sameInputsGiveTheSameBitsWhateverTheThreadCount() {
        LinearProgram lp = randomFeasible(new SplittableRandom(3), 60, 90);
        LpSettings s = budget("r2hpdhg", 3000);
        LpResult a = LpSolver.solve(lp, spec("r2hpdhg"), s);
        LpResult b = LpSolver.solve(lp, spec("r2hpdhg"), s);
        LpResult c = LpSolver.solve(lp, spec("r2hpdhg"), s.withThreads(2));
        assertThat(b.x()).isEqualTo(a.x());
        assertThat(b.y()).isEqualTo(a.y());
        assertThat(c.x()).isEqualTo(a.x());
        assertThat(c.iterations()).isEqualTo(a.iterations());
    }

    @Test
    void scalingRowsAndColumnsDoesNotChangeTheOptimum() {
        SplittableRandom rnd = new SplittableRandom(11);
        LinearProgram lp = randomFeasible(rnd, 30, 45);
        double[] r = new double[lp.constraints()];
        double[] c = new double[lp.dimension()];
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.pow(10, rnd.nextDouble(-3, 3));
        }
        for (int j = 0; j < c.length; j++) {
            c[j] = Math.pow(10, rnd.nextDouble(-3, 3));
        }
        LinearProgram scaled = scale(lp, r, c);
        for (String method : methods()) {
            LpResult plain = solve(lp, method);
            LpResult other = solve(scaled, method);
            assertThat(plain.optimal()).as(method).isTrue();
            assertThat(other.optimal()).as(method).isTrue();
            assertThat(other.objective()).as(method).isCloseTo(plain.objective(), offset(1e-6 * (1 + Math.abs(plain.objective()))));
        }
    }

    @Test
    void neverReportsInfeasibilityOnFeasibleBoundedPrograms() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int t = 0; t < 12; t++) {
            LinearProgram lp = randomFeasible(rnd, 10 + rnd.nextInt(30), 10 + rnd.nextInt(40));
            for (String method : methods()) {
                LpResult r = LpSolver.solve(lp, spec(method), budget(method, 20_000));
                assertThat(r.status()).as(method + " on program " + t).isNotIn(Status.PRIMAL_INFEASIBLE, Status.DUAL_INFEASIBLE);
            }
            // and no ray checks out on them: random candidates all fail
            for (int k = 0; k < 20; k++) {
                double[] y = rnd.doubles(lp.constraints(), -1, 1).toArray();
                double[] d = rnd.doubles(lp.dimension(), -1, 1).toArray();
                assertThat(FarkasRay.ofDualRay(lp, y, 1e-10, ParallelExecutor.sequential()).valid()).isFalse();
                assertThat(FarkasRay.ofPrimalRay(lp, d, 1e-10, ParallelExecutor.sequential()).valid()).isFalse();
            }
        }
    }

    @Test
    void countsEveryMatrixVectorProduct() {
        LinearProgram lp = TestPrograms.textbook().program();
        var counts = new io.fixpoint.problem.Counts();
        LinearProgram counted = lp.counted(counts);
        counted.multiply(new double[3], new double[5], ParallelExecutor.sequential());
        counted.multiplyTransposed(new double[5], new double[3], ParallelExecutor.sequential());
        assertThat(counts.get(Evaluation.MATRIX_VECTOR)).isEqualTo(2);
    }

    @Test
    void rejectsBadSettings() {
        assertThatThrownBy(() -> spec("simplex")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown lp method 'simplex'; known methods: r2hpdhg, halpern-pdhg, pdhg");
        assertThatThrownBy(() -> budget("r2hpdhg", 10).withThreads(0)).hasMessageContaining("threads");
        assertThatThrownBy(() -> new HalpernPdhg(0, 10, 1e-10, ParallelExecutor.sequential())).hasMessageContaining("reflection");
    }

    /** A random sparse program with a known feasible point inside finite boxes: feasible and bounded. */
    static LinearProgram randomFeasible(SplittableRandom rnd, int m, int n) {
        int cap = m * n;
        int[] ri = new int[cap];
        int[] ci = new int[cap];
        double[] v = new double[cap];
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = 0; j < n; j++) {
                if (rnd.nextDouble() < 0.15 || j == i % n) {
                    ri[k] = i;
                    ci[k] = j;
                    v[k++] = rnd.nextDouble(-2, 2);
                }
            }
        }
        SparseMatrix a = SparseMatrix.fromTriplets(m, n, ri, ci, v, k);
        double[] x = rnd.doubles(n, 0, 1).toArray();
        double[] ax = new double[m];
        a.multiply(x, ax, ParallelExecutor.sequential());
        double[] lo = new double[n];
        double[] hi = new double[n];
        for (int j = 0; j < n; j++) {
            lo[j] = rnd.nextBoolean() ? 0 : -1;
            hi[j] = rnd.nextBoolean() ? 2 : 5;
        }
        double[] rl = new double[m];
        double[] ru = new double[m];
        for (int i = 0; i < m; i++) {
            int kind = rnd.nextInt(3);
            rl[i] = kind == 1 ? Double.NEGATIVE_INFINITY : ax[i] - (kind == 0 ? 0 : rnd.nextDouble());
            ru[i] = kind == 2 ? Double.POSITIVE_INFINITY : ax[i] + (kind == 0 ? 0 : rnd.nextDouble());
        }
        return LinearProgram.of(a, rnd.doubles(n, -1, 1).toArray(), 0, lo, hi, rl, ru);
    }

    /** The program in the variables x' = x / c with rows multiplied by r: diag(r)·A·diag(c). */
    static LinearProgram scale(LinearProgram lp, double[] r, double[] c) {
        SparseMatrix a = lp.matrix();
        int nnz = a.nonZeros();
        int[] ri = new int[nnz];
        int[] ci = new int[nnz];
        double[] v = new double[nnz];
        int k = 0;
        for (int j = 0; j < lp.dimension(); j++) {
            for (int p = a.columnStart()[j]; p < a.columnStart()[j + 1]; p++) {
                ri[k] = a.columnRow()[p];
                ci[k] = j;
                v[k++] = r[a.columnRow()[p]] * a.columnValue()[p] * c[j];
            }
        }
        double[] obj = new double[lp.dimension()];
        double[] lo = new double[lp.dimension()];
        double[] hi = new double[lp.dimension()];
        for (int j = 0; j < obj.length; j++) {
            obj[j] = lp.objective()[j] * c[j];
            lo[j] = lp.variableLower()[j] / c[j];
            hi[j] = lp.variableUpper()[j] / c[j];
        }
        double[] rl = new double[r.length];
        double[] ru = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            rl[i] = lp.constraintLower()[i] * r[i];
            ru[i] = lp.constraintUpper()[i] * r[i];
        }
        return LinearProgram.of(SparseMatrix.fromTriplets(r.length, obj.length, ri, ci, v, k), obj, lp.objectiveOffset(), lo, hi, rl, ru);
    }
}
