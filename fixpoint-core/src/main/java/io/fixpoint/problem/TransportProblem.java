package io.fixpoint.problem;

/**
 * Entropic optimal transport: a source histogram a on n points, a target histogram b on m points of the
 * same mass, a cost matrix M and a regularisation ε &gt; 0; minimise ⟨P, M⟩ − ε·H(P) over plans P ≥ 0 with
 * P1 = a and Pᵀ1 = b. The unknown is the dual pair x = (f, g) ∈ Rⁿ⁺ᵐ, whose plan is
 * P_ij = exp((f_i + g_j − M_ij)/ε) — POT's convention with u = e^{f/ε}, v = e^{g/ε}, P = diag(u)·K·diag(v),
 * K = e^{−M/ε}.
 *
 * <p>Points of zero weight carry no mass and are left out of the solve: indices here run over the support
 * (points of positive weight), and {@link #plan} expands the plan back to every point. When the two masses
 * agree to 10⁻⁹ relative, b is rescaled to a's mass exactly, so that the marginal error can reach zero;
 * otherwise the problem is rejected.
 *
 * <p>Every pass over the n×m matrix (a row or column log-sum-exp sweep, a kernel product, a plan) counts one
 * {@link Evaluation#MATRIX_PASS} in a counted view. The Gibbs kernel K is computed on first use and shared
 * by the counted views; its entries below the smallest normal double are set to zero and counted in
 * {@link #kernelUnderflows()}.
 */
public final class TransportProblem implements Problem<TransportProblem> {
    /**
     * Entries of a row below e^−50 of its largest are skipped in every pass (they are zero in the plan): together
     * they change a row sum by less than m·2·10⁻²² relative, far below its rounding, and at small ε they are most
     * of the matrix, so most exponentials are never taken.
     */
    private static final double NEGLIGIBLE = -50;
    /** Masses that differ by more than this, relatively, are not the same mass. */
    public static final double MASS_TOLERANCE = 1e-9;

    private final Data d;
    private final Counts counts;

    /**
     * @param a              source weights (length N, ≥ 0, positive sum)
     * @param b              target weights (length M, ≥ 0, the same sum as a)
     * @param cost           the cost matrix, row-major N×M, finite
     * @param regularization ε &gt; 0
     * @throws InvalidProblemException naming the offending weight, cost entry or size
     */
    public TransportProblem(double[] a, double[] b, double[] cost, double regularization) {
        this(new Data(a, b, cost, regularization), null);
    }

    private TransportProblem(Data d, Counts counts) {
        this.d = d;
        this.counts = counts;
    }

    /** The same problem from a cost matrix given as rows. */
    public static TransportProblem of(double[] a, double[] b, double[][] cost, double regularization) {
        if (cost.length != a.length) {
            throw new InvalidProblemException("cost matrix has " + cost.length + " rows but there are " + a.length + " source weights");
        }
        double[] flat = new double[a.length * b.length];
        for (int i = 0; i < cost.length; i++) {
            if (cost[i].length != b.length) {
                throw new InvalidProblemException("cost row " + i + " has " + cost[i].length + " entries but there are " + b.length
                        + " target weights");
            }
            System.arraycopy(cost[i], 0, flat, i * b.length, b.length);
        }
        return new TransportProblem(a, b, flat, regularization);
    }

    /**
     * Transport between two point clouds with the squared Euclidean cost M_ij = ‖x_i − y_j‖², not rescaled
     * (POT's {@code ot.dist}).
     *
     * @param source the source points, one row each
     * @param a      their weights
     * @param target the target points, with the same number of coordinates
     * @param b      their weights
     */
    public static TransportProblem ofPoints(double[][] source, double[] a, double[][] target, double[] b, double regularization) {
        InvalidProblemException.checkDimension("source weights", a.length, source.length);
        InvalidProblemException.checkDimension("target weights", b.length, target.length);
        if (source.length == 0 || target.length == 0) {
            throw new InvalidProblemException("a point cloud is empty");
        }
        int dim = source[0].length;
        checkPoints("source", source, dim);
        checkPoints("target", target, dim);
        double[][] cost = new double[source.length][target.length];
        for (int i = 0; i < source.length; i++) {
            for (int j = 0; j < target.length; j++) {
                double s = 0;
                for (int k = 0; k < dim; k++) {
                    double d = source[i][k] - target[j][k];
                    s += d * d;
                }
                cost[i][j] = s;
            }
        }
        return of(a, b, cost, regularization);
    }

    private static void checkPoints(String side, double[][] points, int dim) {
        for (int i = 0; i < points.length; i++) {
            if (points[i].length != dim) {
                throw new InvalidProblemException(side + " point " + i + " has " + points[i].length + " coordinates, not " + dim);
            }
            InvalidProblemException.checkFinite(side + " point " + i, points[i]);
        }
    }

    /** The same data with another regularisation. */
    public TransportProblem withRegularization(double regularization) {
        return new TransportProblem(d.a0, d.b0, d.cost0, regularization);
    }

    /** n + m: the dual pair (f, g) over the support. */
    @Override
    public int dimension() {
        return d.n + d.m;
    }

    @Override
    public TransportProblem counted(Counts c) {
        return new TransportProblem(d, c);
    }

    /** n: source points of positive weight. */
    public int sources() {
        return d.n;
    }

    /** m: target points of positive weight. */
    public int targets() {
        return d.m;
    }

    /** N, every source point including those of zero weight. */
    public int sourcePoints() {
        return d.a0.length;
    }

    /** M, every target point. */
    public int targetPoints() {
        return d.b0.length;
    }

    public double regularization() {
        return d.eps;
    }

    /** The total mass Σa. */
    public double mass() {
        return d.mass;
    }

    /** a on the support. */
    public double[] sourceWeights() {
        return d.a.clone();
    }

    /** b on the support (rescaled to a's mass). */
    public double[] targetWeights() {
        return d.b.clone();
    }

    /** M_ij on the support. */
    public double cost(int i, int j) {
        return d.cost[i * d.m + j];
    }

    /** max |M_ij| on the support: the scale of the cost. */
    public double costScale() {
        return d.costScale;
    }

    /**
     * out_i = log Σ_j exp((f_i + g_j − M_ij)/eps): the logarithms of the row sums of the plan of x at
     * regularisation eps, computed stably (largest term factored out). One pass.
     */
    public void logRowSums(double[] x, double eps, double[] out) {
        count();
        logSumExp(d.cost, d.n, d.m, x, 0, d.n, eps, out);
    }

    /** out_j = log Σ_i exp((f_i + g_j − M_ij)/eps): the logarithms of the column sums. One pass. */
    public void logColumnSums(double[] x, double eps, double[] out) {
        count();
        logSumExp(d.costT, d.m, d.n, x, d.n, 0, eps, out);
    }

    /**
     * The plan of x at regularisation eps, P_ij = exp((f_i + g_j − M_ij)/eps), with its row and column sums.
     * {@code plan} (row-major n×m) may be null when only the sums are wanted. Entries may overflow to
     * infinity far from the solution. One pass.
     */
    public void marginals(double[] x, double eps, double[] plan, double[] rowSums, double[] columnSums) {
        count();
        int n = d.n;
        int m = d.m;
        double inv = 1 / eps;
        java.util.Arrays.fill(columnSums, 0);
        if (plan != null) {
            java.util.Arrays.fill(plan, 0, n * m, 0);
        }
        for (int i = 0; i < n; i++) {
            double fi = x[i];
            int base = i * m;
            double cut = rowMax(d.cost, base, m, x, n) + NEGLIGIBLE * eps;
            double r = 0;
            for (int j = 0; j < m; j++) {
                double t = x[n + j] - d.cost[base + j];
                if (t > cut) {
                    double p = Math.exp((fi + t) * inv);
                    r += p;
                    columnSums[j] += p;
                    if (plan != null) {
                        plan[base + j] = p;
                    }
                }
            }
            rowSums[i] = r;
        }
    }

    /** out = K·v with K = e^{−M/ε}. One pass. */
    public void kernelTimes(double[] v, double[] out) {
        count();
        double[] k = d.kernel();
        int m = d.m;
        for (int i = 0; i < d.n; i++) {
            double s = 0;
            int base = i * m;
            for (int j = 0; j < m; j++) {
                s += k[base + j] * v[j];
            }
            out[i] = s;
        }
    }

    /** out = Kᵀ·u. One pass. */
    public void kernelTransposeTimes(double[] u, double[] out) {
        count();
        double[] k = d.kernel();
        int m = d.m;
        java.util.Arrays.fill(out, 0);
        for (int i = 0; i < d.n; i++) {
            double ui = u[i];
            int base = i * m;
            for (int j = 0; j < m; j++) {
                out[j] += ui * k[base + j];
            }
        }
    }

    /**
     * How many entries of K = e^{−M/ε} fall below the smallest normal double and are held as zero: a
     * scaling-domain iteration works with those entries missing. Counts one pass (computing K on first use).
     */
    public int kernelUnderflows() {
        count();
        d.kernel();
        return d.kernelUnderflows;
    }

    /** The plan of x over every point (zero rows and columns for points of zero weight), row-major N×M. */
    public double[] plan(double[] x) {
        checkDual(x);
        double[] p = new double[d.n * d.m];
        marginals(x, d.eps, p, new double[d.n], new double[d.m]);
        int cols = d.b0.length;
        double[] full = new double[d.a0.length * cols];
        for (int i = 0; i < d.n; i++) {
            for (int j = 0; j < d.m; j++) {
                full[d.rowIndex[i] * cols + d.columnIndex[j]] = p[i * d.m + j];
            }
        }
        return full;
    }

    /** The transport cost ⟨P, M⟩ of the plan of x, without the entropy term (POT's {@code sinkhorn2}). One pass. */
    public double transportCost(double[] x) {
        checkDual(x);
        count();
        double inv = 1 / d.eps;
        double s = 0;
        for (int i = 0; i < d.n; i++) {
            int base = i * d.m;
            double cut = rowMax(d.cost, base, d.m, x, d.n) + NEGLIGIBLE * d.eps;
            for (int j = 0; j < d.m; j++) {
                double t = x[d.n + j] - d.cost[base + j];
                if (t > cut) {
                    s += Math.exp((x[i] + t) * inv) * d.cost[base + j];
                }
            }
        }
        return s;
    }

    /** (‖P1 − a‖₁ + ‖Pᵀ1 − b‖₁) / Σa for the plan of x. One pass. */
    public double marginalError(double[] x) {
        double[] e = marginalErrors(x);
        return e[0] + e[1];
    }

    /** {‖P1 − a‖₁ / Σa, ‖Pᵀ1 − b‖₁ / Σa}: the source and target marginal errors of the plan of x. One pass. */
    public double[] marginalErrors(double[] x) {
        checkDual(x);
        double[] r = new double[d.n];
        double[] c = new double[d.m];
        marginals(x, d.eps, null, r, c);
        return new double[] {l1(r, d.a) / d.mass, l1(c, d.b) / d.mass};
    }

    /** (‖r − a‖₁ + ‖c − b‖₁) / Σa for given row and column sums; not a pass. */
    public double marginalError(double[] rowSums, double[] columnSums) {
        return (l1(rowSums, d.a) + l1(columnSums, d.b)) / d.mass;
    }

    private static double l1(double[] sums, double[] target) {
        double e = 0;
        for (int k = 0; k < target.length; k++) {
            e += Math.abs(sums[k] - target[k]);
        }
        return e;
    }

    private void checkDual(double[] x) {
        InvalidProblemException.checkDimension("dual vector", x.length, dimension());
    }

    private void count() {
        if (counts != null) {
            counts.add(Evaluation.MATRIX_PASS);
        }
    }

    /** out_i = log Σ_j exp((x[po+i] + x[qo+j] − c_ij)/eps) over a row-major rows×cols matrix c. */
    private static void logSumExp(double[] c, int rows, int cols, double[] x, int po, int qo, double eps, double[] out) {
        double inv = 1 / eps;
        for (int i = 0; i < rows; i++) {
            int base = i * cols;
            double max = rowMax(c, base, cols, x, qo);
            double sum = 0;
            for (int j = 0; j < cols; j++) {
                double t = (x[qo + j] - c[base + j] - max) * inv;
                if (t > NEGLIGIBLE) {
                    sum += Math.exp(t);
                }
            }
            out[i] = (x[po + i] + max) * inv + Math.log(sum);
        }
    }

    /** max_j (x[qo+j] − c[base+j]): the largest exponent of a row, up to the row's own potential and 1/ε. */
    private static double rowMax(double[] c, int base, int cols, double[] x, int qo) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < cols; j++) {
            max = Math.max(max, x[qo + j] - c[base + j]);
        }
        return max;
    }

    /** The validated data on the support, shared by the counted views. */
    private static final class Data {
        final double[] a0;
        final double[] b0;
        final double[] cost0;
        final double eps;
        final int n;
        final int m;
        final int[] rowIndex;
        final int[] columnIndex;
        final double[] a;
        final double[] b;
        final double mass;
        final double[] cost;
        final double[] costT;
        final double costScale;
        private double[] kernel;
        int kernelUnderflows;

        Data(double[] a0, double[] b0, double[] cost0, double eps) {
            double sa = checkWeights("source", "a", a0);
            double sb = checkWeights("target", "b", b0);
            if (Math.abs(sa - sb) > MASS_TOLERANCE * Math.max(sa, sb)) {
                throw new InvalidProblemException("source mass " + sa + " and target mass " + sb
                        + " differ (histograms must have the same mass; relative difference " + Math.abs(sa - sb) / Math.max(sa, sb) + ")");
            }
            if ((long) a0.length * b0.length != cost0.length) {
                throw new InvalidProblemException("cost matrix has " + cost0.length + " entries but " + a0.length + " × " + b0.length
                        + " are needed");
            }
            for (int k = 0; k < cost0.length; k++) {
                if (!Double.isFinite(cost0[k])) {
                    throw new InvalidProblemException("cost M[" + k / b0.length + "][" + k % b0.length + "] = " + cost0[k]
                            + " is not a finite number");
                }
            }
            if (!(eps > 0) || Double.isInfinite(eps)) {
                throw new InvalidProblemException("regularization must be finite and > 0, got " + eps);
            }
            this.a0 = a0.clone();
            this.b0 = b0.clone();
            this.cost0 = cost0.clone();
            this.eps = eps;
            this.rowIndex = support(a0);
            this.columnIndex = support(b0);
            this.n = rowIndex.length;
            this.m = columnIndex.length;
            this.a = new double[n];
            this.b = new double[m];
            for (int i = 0; i < n; i++) {
                a[i] = a0[rowIndex[i]];
            }
            for (int j = 0; j < m; j++) {
                b[j] = b0[columnIndex[j]] * (sa / sb);
            }
            this.mass = sa;
            this.cost = new double[n * m];
            this.costT = new double[n * m];
            double scale = 0;
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < m; j++) {
                    double c = cost0[rowIndex[i] * b0.length + columnIndex[j]];
                    cost[i * m + j] = c;
                    costT[j * n + i] = c;
                    scale = Math.max(scale, Math.abs(c));
                }
            }
            this.costScale = scale;
        }

        synchronized double[] kernel() {
            if (kernel == null) {
                double[] k = new double[n * m];
                int under = 0;
                for (int t = 0; t < k.length; t++) {
                    double v = Math.exp(-cost[t] / eps);
                    if (v < Double.MIN_NORMAL) {
                        v = 0;
                        under++;
                    }
                    k[t] = v;
                }
                kernelUnderflows = under;
                kernel = k;
            }
            return kernel;
        }

        private static double checkWeights(String side, String name, double[] w) {
            if (w.length == 0) {
                throw new InvalidProblemException("the " + side + " histogram is empty");
            }
            double s = 0;
            for (int i = 0; i < w.length; i++) {
                if (!Double.isFinite(w[i])) {
                    throw new InvalidProblemException(side + " weight " + name + "[" + i + "] = " + w[i] + " is not a finite number");
                }
                if (w[i] < 0) {
                    throw new InvalidProblemException(side + " weight " + name + "[" + i + "] = " + w[i] + " is negative");
                }
                s += w[i];
            }
            if (!(s > 0)) {
                throw new InvalidProblemException("the " + side + " weights sum to zero");
            }
            return s;
        }

        private static int[] support(double[] w) {
            return java.util.stream.IntStream.range(0, w.length).filter(i -> w[i] > 0).toArray();
        }
    }
}
