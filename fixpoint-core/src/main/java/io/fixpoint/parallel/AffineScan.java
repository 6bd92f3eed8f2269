package io.fixpoint.parallel;

/**
 * Solves the affine recurrence x_i = A_i x_{i−1} + b_i for i in [from, to) with a given x_{from−1},
 * for dense (D×D row-major, {@code a[i·D²..]}) or diagonal ({@code a[i·D..]}) A_i, blocked over the
 * executor's workers. It is the work-efficient two-pass scan (Blelloch's blocked form):
 * <ol>
 *   <li>chunk 0 runs the recurrence from the known start; every other chunk composes its affine maps
 *       into one summary x ↦ M x + v (in parallel);</li>
 *   <li>the summaries are chained sequentially to give each chunk its start state;</li>
 *   <li>every chunk but the first reruns the recurrence from its start (in parallel).</li>
 * </ol>
 * Per element the first pass costs a matrix product (D³, or D for diagonal A) and the second a
 * matrix-vector product, so the critical path is about 2n/P + P elements on P workers. Chunking
 * depends only on n and the thread count, so the bits do too. Workspaces are allocated once.
 * Not thread-safe: one scan at a time per instance.
 */
public final class AffineScan {
    private final int d;
    private final boolean diagonal;
    private final ParallelExecutor executor;
    private final double[][] map;
    private final double[][] tmp;
    private final double[][] shift;
    private final double[][] shiftTmp;
    private final double[] carry;
    private final boolean alwaysBlocked;

    /** The doubles a scan's workspaces take: per worker a map, its product, a shift, its update and a carry. */
    public static long workspaceDoubles(int d, boolean diagonal, int threads) {
        long m = diagonal ? d : (long) d * d;
        return threads * (2 * m + 3L * d);
    }

    /** A scan that blocks only when that shortens the critical path (see {@link #blocks}). */
    public AffineScan(int d, boolean diagonal, ParallelExecutor executor) {
        this(d, diagonal, executor, false);
    }

    /** With {@code alwaysBlocked}, every scan over more than one element uses one chunk per worker (for tests and measurement). */
    public AffineScan(int d, boolean diagonal, ParallelExecutor executor, boolean alwaysBlocked) {
        if (d < 1) {
            throw new IllegalArgumentException("state dimension must be ≥ 1, got " + d);
        }
        this.d = d;
        this.diagonal = diagonal;
        this.executor = executor;
        int p = executor.threads();
        int m = diagonal ? d : d * d;
        map = new double[p][m];
        tmp = new double[p][m];
        shift = new double[p][d];
        shiftTmp = new double[p][d];
        carry = new double[p * d];
        this.alwaysBlocked = alwaysBlocked;
    }

    /**
     * Whether the blocked scan beats the plain loop on this executor. Blocked, the critical path is
     * about n/P compositions plus 2n/P applications; a composition costs D applications when A is
     * dense (a matrix product against a matrix-vector product) and about 1.5 when it is diagonal. So
     * blocking pays only with more than D + 2 workers (dense) or 4 (diagonal): on few cores the
     * sequential scan is faster, and the parallelism of a Newton step lies in its evaluations.
     */
    public boolean blocks() {
        int p = executor.threads();
        return alwaysBlocked || p > (diagonal ? 3.5 : d + 2);
    }

    public int dimension() {
        return d;
    }

    public boolean diagonal() {
        return diagonal;
    }

    /**
     * Writes x_i = A_i x_{i−1} + b_i into {@code out} for i in [from, to), starting from
     * x_{from−1} = {@code init[initOffset..+D]} (zero when {@code init} is null). {@code out} may be {@code b}.
     */
    public void solve(double[] a, double[] b, double[] init, int initOffset, double[] out, int from, int to) {
        int n = to - from;
        if (n <= 0) {
            return;
        }
        int chunks = blocks() ? executor.chunks(n) : 1;
        if (chunks == 1) {
            run(a, b, init, initOffset, out, from, to);
            return;
        }
        executor.forEachChunk(chunks, c -> {
            int lo = from + ParallelExecutor.chunkStart(n, chunks, c);
            int hi = from + ParallelExecutor.chunkStart(n, chunks, c + 1);
            if (c == 0) {
                run(a, b, init, initOffset, out, lo, hi);
            } else {
                compose(a, b, lo, hi, map[c], tmp[c], shift[c], shiftTmp[c]);
            }
        });
        // carry[c·D..] = state at the end of chunk c; chained in order, so the result is deterministic
        int end0 = from + ParallelExecutor.chunkStart(n, chunks, 1);
        System.arraycopy(out, (end0 - 1) * d, carry, 0, d);
        for (int c = 1; c < chunks - 1; c++) {
            apply(map[c], carry, (c - 1) * d, shift[c], 0, carry, c * d);
        }
        executor.forEachChunk(chunks - 1, k -> {
            int c = k + 1;
            int lo = from + ParallelExecutor.chunkStart(n, chunks, c);
            int hi = from + ParallelExecutor.chunkStart(n, chunks, c + 1);
            run(a, b, carry, (c - 1) * d, out, lo, hi);
        });
    }

    /** The plain sequential recurrence: the reference the blocked scan is tested against. */
    public static void sequential(int d, boolean diagonal, double[] a, double[] b, double[] init, int initOffset,
            double[] out, int from, int to) {
        if (diagonal) {
            runDiagonal(d, a, b, init, initOffset, out, from, to);
        } else {
            runDense(d, a, b, init, initOffset, out, from, to);
        }
    }

    /** Elements on the critical path of one scan of n elements with this executor (one element = one map application). */
    public long depth(int n) {
        int p = blocks() ? executor.chunks(Math.max(n, 1)) : 1;
        if (p == 1) {
            return n;
        }
        long chunk = (n + p - 1) / p;
        return 2 * chunk + p;
    }

    /** Floating-point operations of one scan of n elements with this executor, counted per operation. */
    public long flops(int n) {
        int p = blocks() ? executor.chunks(Math.max(n, 1)) : 1;
        long apply = diagonal ? 2L * d : 2L * d * d;
        long compose = diagonal ? d : 2L * d * d * d;
        long first = n / p + (n % p == 0 ? 0 : 1);
        long rest = n - first;
        // chunk 0 applies once; the others compose (matrix and shift), then apply again; plus the P−1 carries
        return n * apply + rest * (compose + apply) + (p - 1) * apply;
    }

    private void run(double[] a, double[] b, double[] init, int initOffset, double[] out, int from, int to) {
        sequential(d, diagonal, a, b, init, initOffset, out, from, to);
    }

    private static void runDense(int d, double[] a, double[] b, double[] init, int initOffset, double[] out, int from, int to) {
        int dd = d * d;
        double[] prev = init;
        int p = initOffset;
        for (int i = from; i < to; i++) {
            int ai = i * dd;
            int o = i * d;
            if (prev == null) {
                System.arraycopy(b, o, out, o, d);
            } else {
                for (int r = 0; r < d; r++) {
                    double s = b[o + r];
                    int row = ai + r * d;
                    for (int c = 0; c < d; c++) {
                        s += a[row + c] * prev[p + c];
                    }
                    out[o + r] = s;
                }
            }
            prev = out;
            p = o;
        }
    }

    private static void runDiagonal(int d, double[] a, double[] b, double[] init, int initOffset, double[] out, int from, int to) {
        double[] prev = init;
        int p = initOffset;
        for (int i = from; i < to; i++) {
            int o = i * d;
            if (prev == null) {
                System.arraycopy(b, o, out, o, d);
            } else {
                for (int r = 0; r < d; r++) {
                    out[o + r] = a[o + r] * prev[p + r] + b[o + r];
                }
            }
            prev = out;
            p = o;
        }
    }

    /** Composes the maps of [lo, hi) into x ↦ m x + v. */
    private void compose(double[] a, double[] b, int lo, int hi, double[] m, double[] t, double[] v, double[] vt) {
        int dd = diagonal ? d : d * d;
        System.arraycopy(a, lo * dd, m, 0, dd);
        System.arraycopy(b, lo * d, v, 0, d);
        for (int i = lo + 1; i < hi; i++) {
            int ai = i * dd;
            int o = i * d;
            if (diagonal) {
                for (int r = 0; r < d; r++) {
                    m[r] *= a[ai + r];
                    v[r] = a[ai + r] * v[r] + b[o + r];
                }
                continue;
            }
            for (int r = 0; r < d; r++) {
                int row = ai + r * d;
                double s = b[o + r];
                for (int c = 0; c < d; c++) {
                    s += a[row + c] * v[c];
                }
                vt[r] = s;
                int tr = r * d;
                for (int c = 0; c < d; c++) {
                    t[tr + c] = 0;
                }
                for (int k = 0; k < d; k++) {
                    double ark = a[row + k];
                    int mk = k * d;
                    for (int c = 0; c < d; c++) {
                        t[tr + c] += ark * m[mk + c];
                    }
                }
            }
            System.arraycopy(t, 0, m, 0, dd);
            System.arraycopy(vt, 0, v, 0, d);
        }
    }

    /** y = m x + v. */
    private void apply(double[] m, double[] x, int xo, double[] v, int vo, double[] y, int yo) {
        for (int r = 0; r < d; r++) {
            double s = v[vo + r];
            if (diagonal) {
                s += m[r] * x[xo + r];
            } else {
                for (int c = 0; c < d; c++) {
                    s += m[r * d + c] * x[xo + c];
                }
            }
            y[yo + r] = s;
        }
    }
}
