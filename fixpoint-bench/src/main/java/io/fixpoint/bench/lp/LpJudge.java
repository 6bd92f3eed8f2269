package io.fixpoint.bench.lp;

import java.util.List;

/**
 * The one rule the LP suite judges every solve by, Fixpoint's and the peers' alike.
 *
 * <p><b>Solved</b> (at ε = 1e-8): the solver claims optimality at ε = 1e-8 — Fixpoint's claim is the
 * three relative KKT figures recomputed on the program as given, PDLP's its own test of the same
 * relative criteria, a simplex code's its optimal status — <i>and</i> the objective it returns agrees
 * with the simplex reference to {@value #AGREEMENT} relative, |f − f*| / max(1, |f*|). Without a
 * reference (no simplex code found an optimum) the claim stands alone. <b>Reached 1e-4</b>: solved,
 * or the relative KKT error fell to 1e-4 within the budget (Fixpoint's evaluated every 64 iterations,
 * PDLP's read from its log every 64 iterations).
 *
 * <p>The reference objective of a model is OR-Tools HiGHS's optimum, else Glop's, else SciPy's HiGHS's.
 */
public final class LpJudge {
    /** ε of every solve. */
    public static final double TOLERANCE = 1e-8;
    /** The looser level whose first crossing is recorded. */
    public static final double LOOSE = 1e-4;
    /** Relative agreement with the reference objective that a solved run needs. */
    public static final double AGREEMENT = 1e-6;
    /** The solvers whose optimum is the reference, in order of preference. */
    public static final List<String> REFERENCE = List.of("ortools-highs", "ortools-glop", "scipy-highs");

    private LpJudge() {
    }

    /** The reference objective of {@code model}, or NaN when no simplex code found an optimum. */
    public static double reference(List<LpRun> runs, String model) {
        for (String peer : REFERENCE) {
            for (LpRun r : runs) {
                if (r.model().equals(model) && r.solver().equals(peer) && r.optimal()) {
                    return r.objective();
                }
            }
        }
        return Double.NaN;
    }

    /** |f − f*| / max(1, |f*|); NaN without both. */
    public static double error(LpRun r, double reference) {
        if (Double.isNaN(reference) || Double.isNaN(r.objective())) {
            return Double.NaN;
        }
        return Math.abs(r.objective() - reference) / Math.max(1, Math.abs(reference));
    }

    public static boolean solved(LpRun r, double reference) {
        return r.optimal() && (Double.isNaN(reference) || error(r, reference) <= AGREEMENT);
    }

    public static boolean reachedLoose(LpRun r, double reference) {
        return solved(r, reference) || r.reached1e4();
    }
}
