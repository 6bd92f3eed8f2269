package io.fixpoint.linalg;

import io.fixpoint.parallel.ParallelExecutor;
import java.util.Arrays;

/**
 * An immutable sparse matrix held twice, row-wise (CSR) and column-wise (CSC), so that both A·x and
 * Aᵀ·y are gathers: each output entry is one thread's sum in a fixed order, and the products are the
 * same bits whatever the thread count. Chunks of rows (or columns) are balanced by non-zeros.
 *
 * <p>Chosen over EJML's {@code DMatrixSparseCSC} by measurement ({@code io.fixpoint.bench.lp.SpmvMeasurement}:
 * one A·x plus one Aᵀ·y on a 2 300 × 600 000 transportation matrix with 1.2·10⁶ non-zeros, medians of 15
 * passes, on the shared 2-core machine at load average 15–17, three runs): EJML's
 * {@code CommonOps_DSCC.mult}/{@code multTransA} took 47–104 ms, this class 22–54 ms on one thread and
 * 6–37 ms on two. EJML has no parallel sparse–vector product and scatters A·x column by column.
 */
public final class SparseMatrix {
    /** Below this many non-zeros a product runs on the calling thread: forking costs more than it saves. */
    private static final int PARALLEL_THRESHOLD = 50_000;

    private final int rows;
    private final int columns;
    private final int[] rowStart;
    private final int[] rowColumn;
    private final double[] rowValue;
    private final int[] columnStart;
    private final int[] columnRow;
    private final double[] columnValue;
    private int[] rowChunks = new int[0];
    private int[] columnChunks = new int[0];

    private SparseMatrix(int rows, int columns, int[] columnStart, int[] columnRow, double[] columnValue) {
        this.rows = rows;
        this.columns = columns;
        this.columnStart = columnStart;
        this.columnRow = columnRow;
        this.columnValue = columnValue;
        int nnz = columnValue.length;
        this.rowStart = new int[rows + 1];
        for (int k = 0; k < nnz; k++) {
            rowStart[columnRow[k] + 1]++;
        }
        for (int i = 0; i < rows; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        this.rowColumn = new int[nnz];
        this.rowValue = new double[nnz];
        int[] next = Arrays.copyOf(rowStart, rows);
        for (int j = 0; j < columns; j++) {
            for (int k = columnStart[j]; k < columnStart[j + 1]; k++) {
                int p = next[columnRow[k]]++;
                rowColumn[p] = j;
                rowValue[p] = columnValue[k];
            }
        }
    }

    /**
     * A rows × columns matrix from triplets (row, column, value). Entries that repeat a position are
     * rejected; explicit zeros are dropped.
     *
     * @throws IllegalArgumentException for an index out of range, a repeated position or a non-finite value
     */
    public static SparseMatrix fromTriplets(int rows, int columns, int[] row, int[] column, double[] value, int count) {
        if (rows < 0 || columns < 0) {
            throw new IllegalArgumentException("matrix dimensions must be ≥ 0, got " + rows + " × " + columns);
        }
        int[] start = new int[columns + 1];
        for (int k = 0; k < count; k++) {
            if (row[k] < 0 || row[k] >= rows || column[k] < 0 || column[k] >= columns) {
                throw new IllegalArgumentException("entry (" + row[k] + ", " + column[k] + ") lies outside a " + rows + " × " + columns + " matrix");
            }
            if (!Double.isFinite(value[k])) {
                throw new IllegalArgumentException("entry (" + row[k] + ", " + column[k] + ") is not finite: " + value[k]);
            }
            if (value[k] != 0) {
                start[column[k] + 1]++;
            }
        }
        for (int j = 0; j < columns; j++) {
            start[j + 1] += start[j];
        }
        int nnz = start[columns];
        int[] r = new int[nnz];
        double[] v = new double[nnz];
        int[] next = Arrays.copyOf(start, columns);
        for (int k = 0; k < count; k++) {
            if (value[k] != 0) {
                int p = next[column[k]]++;
                r[p] = row[k];
                v[p] = value[k];
            }
        }
        for (int j = 0; j < columns; j++) {
            sortColumn(start[j], start[j + 1], r, v);
            for (int k = start[j] + 1; k < start[j + 1]; k++) {
                if (r[k] == r[k - 1]) {
                    throw new IllegalArgumentException("entry (" + r[k] + ", " + j + ") is given twice");
                }
            }
        }
        return new SparseMatrix(rows, columns, start, r, v);
    }

    private static void sortColumn(int lo, int hi, int[] r, double[] v) {
        for (int k = lo + 1; k < hi; k++) {
            int key = r[k];
            double val = v[k];
            int p = k - 1;
            while (p >= lo && r[p] > key) {
                r[p + 1] = r[p];
                v[p + 1] = v[p];
                p--;
            }
            r[p + 1] = key;
            v[p + 1] = val;
        }
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    public int nonZeros() {
        return rowValue.length;
    }

    /** Row pointers of the CSR form: row i holds entries rowStart[i] .. rowStart[i+1]−1. Do not modify. */
    public int[] rowStart() {
        return rowStart;
    }

    /** Column index of each CSR entry. Do not modify. */
    public int[] rowColumn() {
        return rowColumn;
    }

    /** Value of each CSR entry. Do not modify. */
    public double[] rowValue() {
        return rowValue;
    }

    /** Column pointers of the CSC form. Do not modify. */
    public int[] columnStart() {
        return columnStart;
    }

    /** Row index of each CSC entry. Do not modify. */
    public int[] columnRow() {
        return columnRow;
    }

    /** Value of each CSC entry. Do not modify. */
    public double[] columnValue() {
        return columnValue;
    }

    /** out ← A·x. */
    public void multiply(double[] x, double[] out, ParallelExecutor executor) {
        int[] chunks = chunks(executor, true);
        if (chunks.length == 2) {
            gather(rowStart, rowColumn, rowValue, x, out, 0, rows);
            return;
        }
        executor.forEachChunk(chunks.length - 1, c -> gather(rowStart, rowColumn, rowValue, x, out, chunks[c], chunks[c + 1]));
    }

    /** out ← Aᵀ·y. */
    public void multiplyTransposed(double[] y, double[] out, ParallelExecutor executor) {
        int[] chunks = chunks(executor, false);
        if (chunks.length == 2) {
            gather(columnStart, columnRow, columnValue, y, out, 0, columns);
            return;
        }
        executor.forEachChunk(chunks.length - 1, c -> gather(columnStart, columnRow, columnValue, y, out, chunks[c], chunks[c + 1]));
    }

    private static void gather(int[] start, int[] index, double[] value, double[] v, double[] out, int lo, int hi) {
        for (int i = lo; i < hi; i++) {
            double s = 0;
            for (int k = start[i]; k < start[i + 1]; k++) {
                s += value[k] * v[index[k]];
            }
            out[i] = s;
        }
    }

    /** Chunk boundaries for the executor's thread count, balanced by non-zeros; cached per orientation. */
    private synchronized int[] chunks(ParallelExecutor executor, boolean byRow) {
        int[] start = byRow ? rowStart : columnStart;
        int n = start.length - 1;
        int count = nonZeros() < PARALLEL_THRESHOLD ? 1 : executor.chunks(n);
        int[] cached = byRow ? rowChunks : columnChunks;
        if (cached.length == count + 1) {
            return cached;
        }
        int[] b = new int[count + 1];
        b[count] = n;
        int i = 0;
        for (int c = 1; c < count; c++) {
            long target = (long) nonZeros() * c / count;
            while (i < n && start[i] < target) {
                i++;
            }
            b[c] = i;
        }
        if (byRow) {
            rowChunks = b;
        } else {
            columnChunks = b;
        }
        return b;
    }
}
