package io.fixpoint.bench.fixedpoint;

import io.fixpoint.fixedpoint.DetectionSettings;
import io.fixpoint.fixedpoint.FixedPointState;
import io.fixpoint.fixedpoint.Halpern;
import io.fixpoint.fixedpoint.Picard;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.Solver;
import java.util.ArrayList;
import java.util.List;

/**
 * How fast the plain (Picard) and the anchored (Halpern) iterations estimate the displacement vector
 * v of a map without a fixed point: the errors ‖v̂ − v‖ of the normalised-iterate estimate
 * s·(x_0 − x_k)/k (s = 1 Picard, 2 Halpern), of the residual x_k − T(x_k), and of its Richardson
 * extrapolation 2r_k − r_{k/2} (what the anchored iteration reports), at k = 4, 16, …, 4096.
 */
public final class DetectionRates {
    /** The checkpoints at which errors are recorded. */
    public static final int[] CHECKPOINTS = {4, 16, 64, 256, 1024, 4096};

    /**
     * One row: a method on a map, with errors per checkpoint.
     *
     * @param iterateErrors  ‖s(x_0 − x_k)/k − v‖ at each checkpoint
     * @param residualErrors ‖(x_k − T(x_k)) − v‖ at each checkpoint
     * @param extrapolatedErrors ‖2r_k − r_{k/2} − v‖ at each checkpoint
     */
    public record Row(String map, String method, double[] iterateErrors, double[] residualErrors, double[] extrapolatedErrors) {
    }

    private DetectionRates() {
    }

    public static List<Row> measure(List<FixedPointCase> cases) {
        List<Row> rows = new ArrayList<>();
        for (FixedPointCase c : cases) {
            rows.add(run(c, "picard", new Picard(DetectionSettings.OFF), 1));
            rows.add(run(c, "halpern", new Halpern(0, DetectionSettings.OFF), 2));
        }
        return rows;
    }

    private static <S extends FixedPointState> Row run(FixedPointCase c, String name, Solver<FixedPointMap, S> solver, double scale) {
        double[] x0 = c.start().clone();
        int n = x0.length;
        double[] estimate = new double[n];
        double[] it = new double[CHECKPOINTS.length];
        double[] res = new double[CHECKPOINTS.length];
        double[] ext = new double[CHECKPOINTS.length];
        double[] half = new double[n];
        S s = solver.init(c.map(), x0.clone());
        int next = 0;
        for (int k = 1; next < CHECKPOINTS.length; k++) {
            s = solver.step(c.map(), s);
            if (2 * k == CHECKPOINTS[next]) {
                System.arraycopy(s.residual(), 0, half, 0, n);
            }
            if (k == CHECKPOINTS[next]) {
                for (int i = 0; i < n; i++) {
                    estimate[i] = 2 * s.residual()[i] - half[i];
                }
                ext[next] = Vectors.distance(estimate, c.displacement());
                for (int i = 0; i < n; i++) {
                    estimate[i] = scale * (x0[i] - s.x()[i]) / k;
                }
                it[next] = Vectors.distance(estimate, c.displacement());
                res[next] = Vectors.distance(s.residual(), c.displacement());
                next++;
            }
        }
        return new Row(c.name(), name, it, res, ext);
    }

    /** A fixed-width table, one line per (map, method). */
    public static String table(List<Row> rows) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%-20s %-8s %-9s", "map", "method", "estimate"));
        for (int k : CHECKPOINTS) {
            sb.append(String.format(" %9s", "k=" + k));
        }
        sb.append('\n');
        for (Row r : rows) {
            line(sb, r, "iterates", r.iterateErrors());
            line(sb, r, "residual", r.residualErrors());
            line(sb, r, "extrap.", r.extrapolatedErrors());
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, Row r, String kind, double[] errors) {
        sb.append(String.format("%-20s %-8s %-9s", r.map(), r.method(), kind));
        for (double e : errors) {
            sb.append(String.format(" %9.2e", e));
        }
        sb.append('\n');
    }

    public static void main(String[] args) {
        System.out.print(table(measure(FixedPointMaps.withoutFixedPoints())));
    }
}
