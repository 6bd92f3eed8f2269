package io.fixpoint.bench.suite;

import io.fixpoint.bench.suite.mgh.Gulf;
import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.bench.suite.mgh.Rosenbrock;
import io.fixpoint.bench.suite.mgh.SumOfSquares;
import io.fixpoint.bench.suite.mgh.Wood;
import io.fixpoint.problem.Bounds;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bound-constrained variants of the MGH problems.
 *
 * <p>Published ones first: Hock and Schittkowski's problems 1, 2, 25 and 38 (Test Examples for
 * Nonlinear Programming Codes, 1981) are MGH's Rosenbrock, Gulf and Wood functions with bounds, with
 * their published starts and optima (HS2's start lies outside its box; from there methods find the
 * local minimiser on the bound, so its f* here is that one's, refined in 40-digit arithmetic, and
 * the published global 0.0504262 is noted).
 *
 * <p>Then every MGH problem at its usual size with a <em>half-way box</em>: on every other variable
 * (indices 0, 2, 4, …) a bound half way from the standard start to the unconstrained minimiser x*, on
 * the start's side (a lower bound where x₀ᵢ > x*ᵢ, an upper one where x₀ᵢ < x*ᵢ, none where they are
 * equal), so that the start is feasible and x* is cut off. Their minima were computed with this
 * project's bounded solvers from several starts and frozen in {@code bounded/references.tsv} by
 * {@code io.fixpoint.bench.bounded.BoundedReferences}; the bench runs SciPy beside them, which would
 * show a lower value if a frozen one were not the minimum.
 */
public final class BoundedProblems {
    private static final String HS = "Hock & Schittkowski (1981), problem ";
    private static final double INF = Double.POSITIVE_INFINITY;

    private BoundedProblems() {
    }

    /** The four published problems, then the 35 half-way boxes, freshly built. */
    public static List<BoundedTestProblem> problems() {
        List<BoundedTestProblem> all = new ArrayList<>(published());
        Map<String, Double> frozen = references();
        for (Mgh.Entry e : Mgh.problems()) {
            Double fStar = frozen.get(e.name() + "-box");
            if (fStar == null) {
                throw new IllegalStateException("no frozen minimum for " + e.name() + "-box in bounded/references.tsv");
            }
            all.add(box(e, fStar));
        }
        return all;
    }

    /** MGH problem {@code e} in its half-way box, with minimum {@code fStar} (NaN while it is being computed). */
    public static BoundedTestProblem box(Mgh.Entry e, double fStar) {
        SumOfSquares f = e.function();
        return new BoundedTestProblem(e.name() + "-box", e.name(), f.m(), f.asObjective().withBounds(halfwayBox(f.start(), e.minimizer())),
                f.start(), fStar, "MGH (" + e.number() + ") with the half-way box; f* computed and frozen");
    }

    /** HS1, HS2, HS25 and HS38. */
    public static List<BoundedTestProblem> published() {
        SumOfSquares rosenbrock = new Rosenbrock();
        SumOfSquares gulf = new Gulf();
        SumOfSquares wood = new Wood();
        return List.of(
            new BoundedTestProblem("hs1", "rosenbrock", 2, rosenbrock.asObjective().withBounds(new Bounds(new double[] {-INF, -1.5},
                new double[] {INF, INF})), new double[] {-2, 1}, 0, HS + "1: Rosenbrock, x₂ ≥ −1.5; f* = 0 at (1, 1)"),
            new BoundedTestProblem("hs2", "rosenbrock", 2, rosenbrock.asObjective().withBounds(new Bounds(new double[] {-INF, 1.5},
                new double[] {INF, INF})), new double[] {-2, 1}, 4.9412293179891855, HS + "2: Rosenbrock, x₂ ≥ 1.5, start outside; the local minimum "
                + "on the bound from the start (the published global one is 0.0504262 at (1.2244, 1.5))"),
            new BoundedTestProblem("hs25", "gulf", 99, gulf.asObjective().withBounds(new Bounds(new double[] {0.1, 0, 0},
                new double[] {100, 25.6, 5})), new double[] {100, 12.5, 3}, 0, HS + "25: Gulf research and development; f* = 0 at (50, 25, 1.5)"),
            new BoundedTestProblem("hs38", "wood", 4, wood.asObjective().withBounds(new Bounds(fill(4, -10), fill(4, 10))),
                new double[] {-3, -1, -3, -1}, 0, HS + "38: Colville (MGH's Wood) in [−10, 10]⁴; f* = 0 at (1, 1, 1, 1)"));
    }

    /**
     * The half-way box: for i = 0, 2, 4, … a bound at (x₀ᵢ + x*ᵢ)/2 on the side of x₀ᵢ (lower when
     * x₀ᵢ > x*ᵢ, upper when x₀ᵢ < x*ᵢ, none when equal); every other side is unbounded.
     */
    public static Bounds halfwayBox(double[] start, double[] minimizer) {
        int n = start.length;
        double[] lower = fill(n, -INF);
        double[] upper = fill(n, INF);
        for (int i = 0; i < n; i += 2) {
            double mid = 0.5 * (start[i] + minimizer[i]);
            if (start[i] > minimizer[i]) {
                lower[i] = mid;
            } else if (start[i] < minimizer[i]) {
                upper[i] = mid;
            }
        }
        return new Bounds(lower, upper);
    }

    /** The frozen minima of the half-way boxes, by name. */
    static Map<String, Double> references() {
        Map<String, Double> m = new HashMap<>();
        try (InputStream in = BoundedProblems.class.getResourceAsStream("/bounded/references.tsv")) {
            if (in == null) {
                return m;
            }
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split("\t");
                m.put(f[0], Double.parseDouble(f[1]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return m;
    }

    private static double[] fill(int n, double v) {
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
    }
}
