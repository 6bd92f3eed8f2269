package io.fixpoint.bench.lp;

import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.LinearProgram;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;
import org.ejml.data.DMatrixRMaj;
import org.ejml.data.DMatrixSparseCSC;
import org.ejml.data.DMatrixSparseTriplet;
import org.ejml.ops.DConvertMatrixStruct;
import org.ejml.sparse.csc.CommonOps_DSCC;

/**
 * The measurement behind {@link SparseMatrix}: one A·x plus one Aᵀ·y (a KKT pass) on a transportation
 * matrix, Fixpoint's CSR/CSC gathers on one and two threads against EJML's {@code DMatrixSparseCSC}
 * with {@code CommonOps_DSCC.mult} and {@code multTransA}; medians of 15 passes after 10 warm-up ones.
 * {@code java -cp ... io.fixpoint.bench.lp.SpmvMeasurement [SOURCES SINKS]}.
 */
public final class SpmvMeasurement {
    private SpmvMeasurement() {
    }

    public static void main(String[] args) {
        int s = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int d = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        LinearProgram lp = LpGenerators.transportation(s, d, 1);
        SparseMatrix a = lp.matrix();
        SplittableRandom r = new SplittableRandom(1);
        double[] x = r.doubles(a.columns()).toArray();
        double[] y = r.doubles(a.rows()).toArray();
        double[] ax = new double[a.rows()];
        double[] aty = new double[a.columns()];
        DMatrixSparseTriplet t = new DMatrixSparseTriplet(a.rows(), a.columns(), a.nonZeros());
        for (int j = 0; j < a.columns(); j++) {
            for (int k = a.columnStart()[j]; k < a.columnStart()[j + 1]; k++) {
                t.addItem(a.columnRow()[k], j, a.columnValue()[k]);
            }
        }
        DMatrixSparseCSC e = DConvertMatrixStruct.convert(t, (DMatrixSparseCSC) null);
        DMatrixRMaj ex = new DMatrixRMaj(a.columns(), 1, true, x);
        DMatrixRMaj ey = new DMatrixRMaj(a.rows(), 1, true, y);
        DMatrixRMaj eax = new DMatrixRMaj(a.rows(), 1);
        DMatrixRMaj eaty = new DMatrixRMaj(a.columns(), 1);
        double ejml = median(() -> {
            CommonOps_DSCC.mult(e, ex, eax);
            CommonOps_DSCC.multTransA(e, ey, eaty, null);
        });
        double one = median(() -> {
            a.multiply(x, ax, ParallelExecutor.sequential());
            a.multiplyTransposed(y, aty, ParallelExecutor.sequential());
        });
        double two;
        try (ParallelExecutor ex2 = ParallelExecutor.of(2)) {
            two = median(() -> {
                a.multiply(x, ax, ex2);
                a.multiplyTransposed(y, aty, ex2);
            });
        }
        double diff = 0;
        for (int i = 0; i < ax.length; i++) {
            diff = Math.max(diff, Math.abs(ax[i] - eax.get(i, 0)));
        }
        System.out.printf(Locale.ROOT, "%d non-zeros: EJML %.2f ms, Fixpoint 1 thread %.2f ms, 2 threads %.2f ms per KKT pass "
                + "(max |Δ(Ax)| %.1e)%n", a.nonZeros(), ejml, one, two, diff);
    }

    private static double median(Runnable pass) {
        for (int k = 0; k < 10; k++) {
            pass.run();
        }
        double[] ms = new double[15];
        for (int k = 0; k < ms.length; k++) {
            long t0 = System.nanoTime();
            pass.run();
            ms[k] = (System.nanoTime() - t0) * 1e-6;
        }
        Arrays.sort(ms);
        return ms[ms.length / 2];
    }
}
