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
     * Compares the cell's Jacobian with central finite differences at up to {@code samples} steps of
     * {@code trajectory} (spread evenly over 1..T).
     *
     * @return the worst relative difference |analytic − finite difference| / (1 + |finite difference|)
     * @throws InvalidProblemException naming the cell, the step and the worst entry when some entry
     *         differs by more than {@code tolerance}·(1 + |finite difference|)
     */
    public double checkJacobian(double[] trajectory, int samples, double tolerance) {
        InvalidProblemException.checkDimension("trajectory", trajectory.length, dimension());
        int d = cell.stateDimension();
        int u = cell.inputDimension();
        double[] work = new double[cell.workspaceSize()];
        double[] analytic = new double[d * d];
        double[] hp = new double[d];
        double[] plus = new double[d];
        double[] minus = new double[d];
        int n = Math.max(1, Math.min(samples, length));
        double worst = 0;
        String where = null;
        for (int s = 0; s < n; s++) {
            int t = 1 + (int) ((long) s * (length - 1) / Math.max(1, n - 1));
            double[] h = t == 1 ? h0 : Arrays.copyOfRange(trajectory, (t - 2) * d, (t - 1) * d);
            cell.jacobian(h, 0, inputs, (t - 1) * u, analytic, 0, work);
            for (int c = 0; c < d; c++) {
                double step = 1e-6 * Math.max(1, Math.abs(h[c]));
                System.arraycopy(h, 0, hp, 0, d);
                hp[c] = h[c] + step;
                cell.step(hp, 0, inputs, (t - 1) * u, plus, 0, work);
                hp[c] = h[c] - step;
                cell.step(hp, 0, inputs, (t - 1) * u, minus, 0, work);
                for (int r = 0; r < d; r++) {
                    double fd = (plus[r] - minus[r]) / (2 * step);
                    double an = cell.diagonalJacobian() ? (r == c ? analytic[r] : 0) : analytic[r * d + c];
                    double err = Math.abs(an - fd) / (1 + Math.abs(fd));
                    if (Double.isNaN(err) ? !Double.isNaN(worst) : err > worst && !Double.isNaN(worst)) {
                        worst = err;
                        where = "step t=" + t + ", entry (" + r + ", " + c + "): analytic " + an + ", finite difference " + fd;
                    }
                }
            }
        }
        if (!(worst <= tolerance)) {
            throw new InvalidProblemException("Jacobian of cell '" + cell.name() + "' does not match finite differences; worst at "
                    + where + " (relative error " + String.format("%.3g", worst) + " > " + tolerance + ")");
        }
        return worst;
    }
}
