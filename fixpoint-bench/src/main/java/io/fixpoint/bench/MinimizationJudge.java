package io.fixpoint.bench;

import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Tolerances;

/**
 * The one judge of a minimisation solve, for Fixpoint and its peers alike, whatever the tool says of
 * itself: f and ∇f are recomputed at the returned point with Fixpoint's definition (uncounted), and
 * the solve counts as <b>solved</b> when f reaches the published minimum f* to {@value #RTOL}
 * relative ({@link TestProblem#reached}). A point where only the gradient fell (a local minimum or a
 * saddle away from f*) is not solved; it is reported as <b>stationary</b> when ‖∇f(x)‖ ≤
 * {@value #STATIONARY}·‖∇f(x₀)‖, bounded, as the minimisers' own test is, by the catalogue's ceiling
 * scaled to max(1, |f(x)|) (so a huge ‖∇f(x₀)‖ cannot make a sloping point stationary), and stays visible.
 */
public final class MinimizationJudge {
    /** f − f* ≤ RTOL·max(1, |f*|). */
    public static final double RTOL = 1e-8;
    /** ‖∇f(x)‖ ≤ STATIONARY·‖∇f(x₀)‖, within the ceiling. */
    public static final double STATIONARY = 1e-6;
    /** The stationarity test: relative to the start, bounded as the minimisers' stopping test is. */
    private static final Tolerances STATIONARITY = Tolerances.relative(STATIONARY,
            Catalog.builtIn().minimizer(Catalog.builtIn().defaultMethod(ProblemKind.MINIMIZATION)).defaults().tolerances().ceiling());

    private MinimizationJudge() {
    }

    /** The verdict on the point {@code x} returned from {@code start}; a null or non-finite x is not solved. */
    public record Judgement(boolean solved, boolean stationary, double value, double gradientNorm, double relativeGradientNorm) {
        static final Judgement NONE = new Judgement(false, false, Double.NaN, Double.NaN, Double.NaN);
    }

    public static Judgement judge(TestProblem problem, double[] start, double[] x) {
        Objective f = problem.objective();
        if (x == null || x.length != f.dimension() || !Vectors.allFinite(x)) {
            return Judgement.NONE;
        }
        double[] g = new double[x.length];
        f.gradient(start.clone(), g);
        double g0 = Vectors.norm(g);
        double value = f.valueAndGradient(x, g);
        double gNorm = Vectors.norm(g);
        double relative = g0 > 0 ? gNorm / g0 : (gNorm == 0 ? 0 : Double.POSITIVE_INFINITY);
        boolean finite = Double.isFinite(value);
        return new Judgement(finite && problem.reached(value, RTOL), finite && gNorm <= STATIONARITY.target(g0, value), value, gNorm, relative);
    }

    /** The two tests in words, for reports. */
    public static String criterion() {
        return String.format(java.util.Locale.ROOT, "solved: f reaches the published f* to %.0e relative at the returned point "
                + "(recomputed by Fixpoint); stationary: %s", RTOL, STATIONARITY.describe("‖∇f‖", "f"));
    }
}
