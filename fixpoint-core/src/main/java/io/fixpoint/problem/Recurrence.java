package io.fixpoint.problem;

import java.util.Arrays;

/**
 * A recurrence h_t = f(h_{t−1}, u_t), t = 1..T, from a given h_0: the problem behind parallel-in-time
 * evaluation. The unknown is the whole trajectory (h_1, ..., h_T) stored flat, so the dimension is
 * T·D; state t (1-based) lives at [(t−1)·D, t·D). Inputs are flat too: u_t at [(t−1)·U, t·U).
 * Shapes and finiteness are checked here, once.
 */
public final class Recurrence implements Problem<Recurrence> {
    private final Cell cell;
    private final double[] h0;
    private final double[] inputs;
    private final int length;
    private final Counts counts;

    /**
     * @param cell   the step f and its Jacobian
     * @param h0     the initial state (length D)
     * @param inputs u_1..u_T flat (length T·U)
     * @param length T ≥ 1
     */
    public Recurrence(Cell cell, double[] h0, double[] inputs, int length) {
        this(check(cell, h0, inputs, length), h0.clone(), inputs.clone(), length, null);
    }

    private Recurrence(Cell cell, double[] h0, double[] inputs, int length, Counts counts) {
        this.cell = cell;
        this.h0 = h0;
        this.inputs = inputs;
        this.length = length;
        this.counts = counts;
    }

    private static Cell check(Cell cell, double[] h0, double[] inputs, int length) {
        if (cell == null) {
            throw new InvalidProblemException("recurrence needs a cell");
        }
        int d = cell.stateDimension();
        int u = cell.inputDimension();
        if (d < 1 || u < 0) {
            throw new InvalidProblemException("cell '" + cell.name() + "' has state dimension " + d + " and input dimension " + u
                    + "; need D ≥ 1 and U ≥ 0");
        }
        if (length < 1) {
            throw new InvalidProblemException("recurrence length must be ≥ 1, got " + length);
        }
        if ((long) length * d > Integer.MAX_VALUE - 8 || (long) length * u > Integer.MAX_VALUE - 8) {
            throw new InvalidProblemException("trajectory of " + length + " × " + d + " does not fit one array");
        }
        InvalidProblemException.checkDimension("initial state h0", h0.length, d);
        if (inputs.length != length * u) {
            throw new InvalidProblemException("inputs have length " + inputs.length + " but T × U = " + length + " × " + u
                    + " = " + (long) length * u);
        }
        InvalidProblemException.checkFinite("initial state h0", h0);
        InvalidProblemException.checkFinite("inputs", inputs);
        return cell;
    }

    public Cell cell() {
        return cell;
    }

    /** T. */
    public int length() {
        return length;
    }

    /** D. */
    public int stateDimension() {
        return cell.stateDimension();
    }

    /** T·D: the whole trajectory is the unknown. */
    @Override
    public int dimension() {
        return length * cell.stateDimension();
    }

    public double[] initialState() {
        return h0.clone();
    }

    @Override
    public Recurrence counted(Counts c) {
        return new Recurrence(cell, h0, inputs, length, c);
    }

    /**
     * out[oo..] = f(h_{t−1}, u_t) for step t in [1, T], reading h_{t−1} from {@code trajectory}
     * (or from h0 when t = 1). Not counted: solvers evaluate in parallel and report counts in bulk
     * with {@link #countSteps}.
     */
    public void step(int t, double[] trajectory, double[] out, int oo, double[] work) {
        int d = cell.stateDimension();
        int u = cell.inputDimension();
        if (t == 1) {
            cell.step(h0, 0, inputs, 0, out, oo, work);
        } else {
            cell.step(trajectory, (t - 2) * d, inputs, (t - 1) * u, out, oo, work);
        }
    }

    /** jac[jo..] = ∂f/∂h at (h_{t−1}, u_t); see {@link #step}. */
    public void jacobian(int t, double[] trajectory, double[] jac, int jo, double[] work) {
        int d = cell.stateDimension();
        int u = cell.inputDimension();
        if (t == 1) {
            cell.jacobian(h0, 0, inputs, 0, jac, jo, work);
        } else {
            cell.jacobian(trajectory, (t - 2) * d, inputs, (t - 1) * u, jac, jo, work);
        }
    }

    /** Records n evaluations of f in the counters of a counted view (call from one thread). */
    public void countSteps(long n) {
        if (counts != null) {
            counts.add(Evaluation.STEP, n);
        }
    }

    /** Records n Jacobian evaluations. */
    public void countJacobians(long n) {
        if (counts != null) {
            counts.add(Evaluation.JACOBIAN, n);
        }
    }

    /**
     * The sequential trajectory h_1..h_T, step by step: the reference every parallel solver must match.
     *
     * @throws InvalidProblemException naming the first step whose state is not finite
     */
    public double[] sequential() {
        int d = cell.stateDimension();
        double[] h = new double[length * d];
        double[] work = new double[cell.workspaceSize()];
        for (int t = 1; t <= length; t++) {
            step(t, h, h, (t - 1) * d, work);
            for (int r = 0; r < d; r++) {
                if (!Double.isFinite(h[(t - 1) * d + r])) {
                    throw new InvalidProblemException("state h_" + t + " of cell '" + cell.name() + "' is not finite ("
                            + h[(t - 1) * d + r] + " at component " + r + ")");
                }
            }
        }
        return h;
    }

    /**
     * Compares the cell's Jacobian with central finite differences ({@link DerivativeCheck}) at up to
     * {@code samples} steps of {@code trajectory} (spread evenly over 1..T).
     *
     * @return the worst relative difference |analytic − finite difference| / (1 + |finite difference|)
     * @throws InvalidProblemException naming the cell, the step and the worst entry when some entry
     *         differs by more than {@code tolerance}·(1 + |finite difference|)
     */
    public double checkJacobian(double[] trajectory, int samples, double tolerance) {
        InvalidProblemException.checkDimension("trajectory", trajectory.length, dimension());
        int d = cell.stateDimension();
        int n = Math.max(1, Math.min(samples, length));
        DerivativeCheck worst = null;
        int worstStep = 0;
        for (int s = 0; s < n; s++) {
            int t = 1 + (int) ((long) s * (length - 1) / Math.max(1, n - 1));
            double[] h = t == 1 ? h0 : Arrays.copyOfRange(trajectory, (t - 2) * d, (t - 1) * d);
            DerivativeCheck c = DerivativeCheck.jacobian(stepAt(t), h);
            if (worst == null || c.worstError() > worst.worstError()) {
                worst = c;
                worstStep = t;
            }
        }
        if (!worst.passes(tolerance)) {
            throw new InvalidProblemException("Jacobian of cell '" + cell.name() + "' does not match finite differences; worst at step t="
                    + worstStep + ", " + worst.describe() + " (> " + tolerance + ")");
        }
        return worst.worstError();
    }

    /** h ↦ f(h, u_t) with its Jacobian, the diagonal of a diagonal cell spread into the full matrix. */
    private VectorFunction stepAt(int t) {
        int d = cell.stateDimension();
        int uo = (t - 1) * cell.inputDimension();
        double[] work = new double[cell.workspaceSize()];
        double[] diagonal = new double[d];
        return new VectorFunction() {
            @Override
            public int dimension() {
                return d;
            }

            @Override
            public void evaluate(double[] h, double[] out) {
                cell.step(h, 0, inputs, uo, out, 0, work);
            }

            @Override
            public boolean hasJacobian() {
                return true;
            }

            @Override
            public void jacobian(double[] h, double[] jac) {
                if (cell.diagonalJacobian()) {
                    cell.jacobian(h, 0, inputs, uo, diagonal, 0, work);
                    Arrays.fill(jac, 0);
                    for (int r = 0; r < d; r++) {
                        jac[r * d + r] = diagonal[r];
                    }
                } else {
                    cell.jacobian(h, 0, inputs, uo, jac, 0, work);
                }
            }
        };
    }
}
