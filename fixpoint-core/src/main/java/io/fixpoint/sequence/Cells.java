package io.fixpoint.sequence;

import io.fixpoint.problem.Cell;
import io.fixpoint.problem.Recurrence;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The built-in cells with seeded random weights (java.util.SplittableRandom: same seed, same bits),
 * and recurrences over them with seeded inputs.
 */
public final class Cells {
    /** Names accepted by {@link #recurrence}. */
    public static final List<String> NAMES = List.of("tanh-rnn", "gru", "lstm", "pendulum", "lorenz");

    private Cells() {
    }

    /**
     * What a built-in cell holds and needs, known before any of it is allocated: state dimension D,
     * input dimension U, the number of weights and the workspace of one step (in doubles).
     */
    public record Shape(int stateDimension, int inputDimension, long weights, int workspace) {
        static Shape of(Cell cell) {
            return new Shape(cell.stateDimension(), cell.inputDimension(), 0, cell.workspaceSize());
        }
    }

    /** The shape of the cell {@link #recurrence(String, int, int, long)} would build, without building it. */
    public static Shape shape(String name, int hidden) {
        requirePositive("hidden size", hidden);
        long h = hidden;
        return switch (name) {
            case "tanh-rnn" -> new Shape(hidden, hidden, 2 * h * h + h, hidden);
            case "gru" -> new Shape(hidden, hidden, 6 * h * h + 4 * h, 5 * hidden);
            case "lstm" -> new Shape(2 * hidden, hidden, 8 * h * h + 4 * h, 7 * hidden);
            case "pendulum" -> Shape.of(pendulum());
            case "lorenz" -> Shape.of(lorenz());
            default -> throw new IllegalArgumentException("unknown cell '" + name + "'; expected one of " + String.join(", ", NAMES));
        };
    }

    /**
     * tanh RNN h' = tanh(W h + V u + b) with U = D inputs. W has uniform entries rescaled so that its
     * largest absolute row sum is {@code gain}: gain &lt; 1 makes the step a contraction in the max-norm.
     */
    public static Cell tanhRnn(int d, double gain, long seed) {
        requirePositive("hidden size", d);
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = uniform(rnd, d * d, 1);
        for (int r = 0; r < d; r++) {
            double s = 0;
            for (int c = 0; c < d; c++) {
                s += Math.abs(w[r * d + c]);
            }
            for (int c = 0; c < d; c++) {
                w[r * d + c] *= gain / s;
            }
        }
        return new TanhRnn(d, d, w, uniform(rnd, d * d, 1 / Math.sqrt(d)), uniform(rnd, d, 0.1));
    }

    /** GRU with PyTorch's initialisation: every weight uniform in ±1/√D; U = D inputs. */
    public static Cell gru(int d, long seed) {
        requirePositive("hidden size", d);
        SplittableRandom rnd = new SplittableRandom(seed);
        double k = 1 / Math.sqrt(d);
        double[][] w = new double[10][];
        for (int i = 0; i < 3; i++) {
            w[i] = uniform(rnd, d * d, k);
        }
        for (int i = 3; i < 6; i++) {
            w[i] = uniform(rnd, d * d, k);
        }
        for (int i = 6; i < 10; i++) {
            w[i] = uniform(rnd, d, k);
        }
        return new Gru(d, d, w);
    }

    /**
     * GRU with given weights, in the order W_hr, W_hz, W_hn (D×D), W_ir, W_iz, W_in (D×U), b_r, b_z, b_in,
     * b_hn (D), all row-major; b_r and b_z are the sums of PyTorch's input and hidden biases of r and z.
     */
    public static Cell gru(int d, int u, double[][] weights) {
        requirePositive("hidden size", d);
        if (weights.length != 10) {
            throw new IllegalArgumentException("a GRU has 10 weight arrays, got " + weights.length);
        }
        int[] sizes = {d * d, d * d, d * d, d * u, d * u, d * u, d, d, d, d};
        for (int i = 0; i < 10; i++) {
            if (weights[i].length != sizes[i]) {
                throw new IllegalArgumentException("GRU weight array " + i + " has length " + weights[i].length + ", expected " + sizes[i]);
            }
        }
        return new Gru(d, u, weights);
    }

    /** LSTM with H = {@code hidden} (state D = 2H), weights uniform in ±1/√H, U = H inputs. */
    public static Cell lstm(int hidden, long seed) {
        requirePositive("hidden size", hidden);
        SplittableRandom rnd = new SplittableRandom(seed);
        double k = 1 / Math.sqrt(hidden);
        return new Lstm(hidden, hidden, uniform(rnd, 4 * hidden * hidden, k), uniform(rnd, 4 * hidden * hidden, k),
                uniform(rnd, 4 * hidden, k));
    }

    /** RK4 step (dt = 0.05) of a damped pendulum, g/L = 9.81, damping 0.5; state (θ, ω), input a torque. */
    public static Cell pendulum() {
        return new Rk4Cell.Pendulum(9.81, 0.5, 0.05);
    }

    /** RK4 step (dt = 0.01) of the Lorenz system; no inputs. */
    public static Cell lorenz() {
        return new Rk4Cell.Lorenz(0.01);
    }

    /**
     * A built-in recurrence of length T: the named cell (hidden size ignored by the ODE cells, which
     * have D = 2 and 3), seeded inputs uniform in [−1, 1] (torques ×0.5 for the pendulum), and a
     * seeded h0 (uniform in [−1, 1], plus (1, 1, 20) for Lorenz so it starts near the attractor).
     */
    public static Recurrence recurrence(String name, int hidden, int length, long seed) {
        Cell cell = switch (name) {
            case "tanh-rnn" -> tanhRnn(hidden, 0.9, seed);
            case "gru" -> gru(hidden, seed);
            case "lstm" -> lstm(hidden, seed);
            case "pendulum" -> pendulum();
            case "lorenz" -> lorenz();
            default -> throw new IllegalArgumentException("unknown cell '" + name + "'; expected one of " + String.join(", ", NAMES));
        };
        return recurrence(cell, length, seed);
    }

    /** A recurrence over {@code cell} with seeded inputs and initial state (see {@link #recurrence(String, int, int, long)}). */
    public static Recurrence recurrence(Cell cell, int length, long seed) {
        if (length < 1) {
            throw new IllegalArgumentException("length must be ≥ 1, got " + length);
        }
        if ((long) length * cell.inputDimension() > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("the inputs of " + length + " steps × " + cell.inputDimension() + " do not fit one array");
        }
        SplittableRandom rnd = new SplittableRandom(seed ^ 0x5DEECE66DL);
        double[] h0 = uniform(rnd, cell.stateDimension(), 1);
        if (cell.name().equals("lorenz")) {
            h0[0] += 1;
            h0[1] += 1;
            h0[2] += 20;
        }
        double[] u = uniform(rnd, length * cell.inputDimension(), cell.name().equals("pendulum") ? 0.5 : 1);
        return new Recurrence(cell, h0, u, length);
    }

    private static double[] uniform(SplittableRandom rnd, int n, double k) {
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = k * (2 * rnd.nextDouble() - 1);
        }
        return a;
    }

    private static void requirePositive(String what, int n) {
        if (n < 1) {
            throw new IllegalArgumentException(what + " must be ≥ 1, got " + n);
        }
    }
}
