package io.fixpoint.bench.lp;

import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.problem.LinearProgram;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Large linear programs in the spirit of PDLP's test sets (Applegate et al. 2021, §5), generated from
 * a seed so that every run builds the same bits. A spec names one: {@code transport:S:D:SEED},
 * {@code pagerank:N:DEGREE:SEED}, {@code svm:POINTS:FEATURES:DENSITY:SEED}.
 */
public final class LpGenerators {
    private static final double INF = Double.POSITIVE_INFINITY;

    private LpGenerators() {
    }

    /** The program a spec names. */
    public static LinearProgram of(String spec) {
        String[] p = spec.split(":");
        try {
            return switch (p[0]) {
                case "transport" -> transportation(Integer.parseInt(p[1]), Integer.parseInt(p[2]), Long.parseLong(p[3]));
                case "pagerank" -> pageRank(Integer.parseInt(p[1]), Integer.parseInt(p[2]), Long.parseLong(p[3]));
                case "svm" -> l1Svm(Integer.parseInt(p[1]), Integer.parseInt(p[2]), Double.parseDouble(p[3]), Long.parseLong(p[4]));
                default -> throw new IllegalArgumentException("unknown generator '" + p[0] + "' in '" + spec
                        + "'; known: transport:S:D:SEED, pagerank:N:DEGREE:SEED, svm:POINTS:FEATURES:DENSITY:SEED");
            };
        } catch (ArrayIndexOutOfBoundsException | NumberFormatException e) {
            throw new IllegalArgumentException("malformed generator spec '" + spec + "'", e);
        }
    }

    /**
     * Transportation: ship from s sources with supplies a_i to d sinks with demands b_j at random unit
     * costs; min Σ c_ij x_ij s.t. Σ_j x_ij ≤ a_i, Σ_i x_ij = b_j, x ≥ 0. Supply exceeds demand by 10%,
     * so the program is feasible and bounded. s·d variables, 2·s·d non-zeros.
     */
    public static LinearProgram transportation(int s, int d, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int n = s * d;
        double[] demand = new double[d];
        double total = 0;
        for (int j = 0; j < d; j++) {
            demand[j] = 1 + r.nextInt(100);
            total += demand[j];
        }
        double[] supply = new double[s];
        double share = 0;
        double[] w = new double[s];
        for (int i = 0; i < s; i++) {
            w[i] = 0.5 + r.nextDouble();
            share += w[i];
        }
        for (int i = 0; i < s; i++) {
            supply[i] = Math.ceil(1.1 * total * w[i] / share);
        }
        Triplets t = new Triplets(2L * n);
        double[] c = new double[n];
        for (int i = 0; i < s; i++) {
            for (int j = 0; j < d; j++) {
                int k = i * d + j;
                c[k] = 1 + r.nextInt(100);
                t.add(i, k, 1);
                t.add(s + j, k, 1);
            }
        }
        double[] rl = new double[s + d];
        double[] ru = new double[s + d];
        Arrays.fill(rl, 0, s, Double.NEGATIVE_INFINITY);
        System.arraycopy(supply, 0, ru, 0, s);
        System.arraycopy(demand, 0, rl, s, d);
        System.arraycopy(demand, 0, ru, s, d);
        double[] hi = new double[n];
        Arrays.fill(hi, INF);
        return LinearProgram.of(t.matrix(s + d, n), c, 0, new double[n], hi, rl, ru);
    }

    /**
     * PageRank as a linear program (PDLP's "pagerank" instances): for a random graph with {@code degree}
     * out-links per node and damping α = 0.85, min Σ x s.t. x − αPx ≥ (1 − α)/n·1, x ≥ 0, whose solution
     * is the PageRank vector (I − αP)⁻¹(1 − α)/n·1, since (I − αP)⁻¹ ≥ 0. n·(degree + 1) non-zeros.
     */
    public static LinearProgram pageRank(int n, int degree, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double alpha = 0.85;
        Triplets t = new Triplets((long) n * (degree + 1));
        int[] targets = new int[degree];
        for (int j = 0; j < n; j++) {
            t.add(j, j, 1);
            int count = 0;
            while (count < degree) {
                int i = r.nextInt(n);
                boolean seen = i == j;
                for (int q = 0; q < count && !seen; q++) {
                    seen = targets[q] == i;
                }
                if (!seen) {
                    targets[count++] = i;
                }
            }
            for (int q = 0; q < degree; q++) {
                t.add(targets[q], j, -alpha / degree);
            }
        }
        double[] c = new double[n];
        Arrays.fill(c, 1);
        double[] hi = new double[n];
        Arrays.fill(hi, INF);
        double[] rl = new double[n];
        Arrays.fill(rl, (1 - alpha) / n);
        double[] ru = new double[n];
        Arrays.fill(ru, INF);
        return LinearProgram.of(t.matrix(n, n), c, 0, new double[n], hi, rl, ru);
    }

    /**
     * L1-regularised support vector machine with hinge loss on random sparse data with labels from a
     * sparse hyperplane plus 5% label noise: min Σ ξ_k + λ·Σ (p_j + q_j) s.t.
     * y_k(a_kᵀ(p − q) + b) + ξ_k ≥ 1, p, q, ξ ≥ 0, b free, λ = 0.1.
     */
    public static LinearProgram l1Svm(int points, int features, double density, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double lambda = 0.1;
        double[] truth = new double[features];
        for (int j = 0; j < features; j++) {
            truth[j] = r.nextDouble() < 0.1 ? r.nextDouble(-1, 1) : 0;
        }
        int n = 2 * features + 1 + points;
        long expected = (long) (points * (features * density * 2 + 2)) + 16;
        Triplets t = new Triplets(expected);
        int[] cols = new int[features];
        double[] vals = new double[features];
        for (int k = 0; k < points; k++) {
            int nz = 0;
            double dot = 0;
            for (int j = 0; j < features; j++) {
                if (r.nextDouble() < density) {
                    cols[nz] = j;
                    vals[nz] = r.nextDouble(-1, 1);
                    dot += vals[nz] * truth[j];
                    nz++;
                }
            }
            double label = (dot >= 0 ? 1 : -1) * (r.nextDouble() < 0.05 ? -1 : 1);
            for (int q = 0; q < nz; q++) {
                t.add(k, cols[q], label * vals[q]);
                t.add(k, features + cols[q], -label * vals[q]);
            }
            t.add(k, 2 * features, label);
            t.add(k, 2 * features + 1 + k, 1);
        }
        double[] c = new double[n];
        Arrays.fill(c, 0, 2 * features, lambda);
        Arrays.fill(c, 2 * features + 1, n, 1);
        double[] lo = new double[n];
        lo[2 * features] = Double.NEGATIVE_INFINITY;
        double[] hi = new double[n];
        Arrays.fill(hi, INF);
        double[] rl = new double[points];
        Arrays.fill(rl, 1);
        double[] ru = new double[points];
        Arrays.fill(ru, INF);
        return LinearProgram.of(t.matrix(points, n), c, 0, lo, hi, rl, ru);
    }

    /** Growing triplet arrays. */
    private static final class Triplets {
        int[] row;
        int[] col;
        double[] val;
        int size;

        Triplets(long capacity) {
            int cap = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(16, capacity));
            row = new int[cap];
            col = new int[cap];
            val = new double[cap];
        }

        void add(int i, int j, double v) {
            if (size == row.length) {
                int cap = (int) Math.min(Integer.MAX_VALUE - 8, 2L * size);
                row = Arrays.copyOf(row, cap);
                col = Arrays.copyOf(col, cap);
                val = Arrays.copyOf(val, cap);
            }
            row[size] = i;
            col[size] = j;
            val[size++] = v;
        }

        SparseMatrix matrix(int m, int n) {
            return SparseMatrix.fromTriplets(m, n, row, col, val, size);
        }
    }
}
