package io.fixpoint.lp;

import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.problem.LinearProgram;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;

/** Small linear programs with known answers. */
final class TestPrograms {
    static final double INF = Double.POSITIVE_INFINITY;

    private TestPrograms() {
    }

    /**
     * max x + 2y s.t. x + y ≤ 4, x + 3y ≤ 6, 0 ≤ x ≤ 3, y ≥ 0: optimum (3, 1), value 5 (−5 minimised),
     * with an equality row 2x + y = 7 and a fixed variable z = 1 of cost 1 in a row of its own
     * (x − z ≥ −5) so that presolve has something to remove.
     */
    static MpsModel textbook() {
        return read("""
                NAME          TEXTBOOK
                OBJSENSE MAX
                ROWS
                 N  OBJ
                 L  CAP
                 L  LABOUR
                 E  BLEND
                 G  SPREAD
                 G  SINGLE
                COLUMNS
                    X         OBJ       1.0        CAP       1.0
                    X         LABOUR    1.0        BLEND     2.0
                    X         SPREAD    1.0
                    Y         OBJ       2.0        CAP       1.0
                    Y         LABOUR    3.0        BLEND     1.0
                    Y         SINGLE    1.0
                    Z         OBJ       -1.0       SPREAD    -1.0
                RHS
                    RHS       CAP       4.0        LABOUR    6.0
                    RHS       BLEND     7.0        SPREAD    -5.0
                    RHS       SINGLE    0.5
                BOUNDS
                 UP BND       X         3.0
                 FX BND       Z         1.0
                ENDATA
                """);
    }

    /** x + y ≥ 3 and x + y ≤ 1 with x, y ≥ 0: no feasible point. */
    static LinearProgram infeasible() {
        return LinearProgram.of(matrix(2, 2, new double[] {1, 1, 1, 1}), new double[] {1, 1}, 0, new double[] {0, 0},
                new double[] {INF, INF}, new double[] {3, -INF}, new double[] {INF, 1});
    }

    /** min −x s.t. y − x ≤ 1, x − 2y ≤ 2, x, y ≥ 0: feasible and unbounded along (2, 1). */
    static LinearProgram unbounded() {
        return LinearProgram.of(matrix(2, 2, new double[] {-1, 1, 1, -2}), new double[] {-1, 0}, 0, new double[] {0, 0},
                new double[] {INF, INF}, new double[] {-INF, -INF}, new double[] {1, 2});
    }

    /** A dense row-major m × n matrix as sparse. */
    static SparseMatrix matrix(int m, int n, double[] rowMajor) {
        int[] r = new int[m * n];
        int[] c = new int[m * n];
        for (int k = 0; k < m * n; k++) {
            r[k] = k / n;
            c[k] = k % n;
        }
        return SparseMatrix.fromTriplets(m, n, r, c, rowMajor, m * n);
    }

    static MpsModel read(String text) {
        try {
            return MpsReader.read(new StringReader(text), "test.mps");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
