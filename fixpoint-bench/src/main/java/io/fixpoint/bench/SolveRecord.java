package io.fixpoint.bench;

import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One solve in every suite, by Fixpoint or by a peer, in one shape. {@code solved} is the suite's
 * judge's verdict at the returned point, never the tool's own claim; counts and the final point come
 * from the first run, {@code seconds} is the median over {@code repeats} timed runs.
 *
 * @param suite       the suite it belongs to
 * @param problem     the problem's name
 * @param dimension   n
 * @param tool        {@value #FIXPOINT} or a peer's name
 * @param method      the tool's own name for the method
 * @param family      the family it is compared within
 * @param outcome     whether the method ran
 * @param status      Fixpoint's status when it ran; null for a peer or a method that did not run
 * @param toolStatus  a peer's status in its own words (null for Fixpoint)
 * @param claimed     the tool said it succeeded
 * @param solved      the judge's verdict
 * @param message     why the solve ended, in the tool's words
 * @param iterations  iterations as the tool counts them (-1 when unknown)
 * @param evaluations counts by kind (value, gradient, hessian, residual, jacobian, map, ...)
 * @param value       the value at the returned point (f, ½‖r‖², ...), recomputed by Fixpoint where it can
 * @param optimality  the certificate at the returned point (‖∇f‖, ‖F‖, ‖x − T(x)‖, ...)
 * @param seconds     median wall time of one solve
 * @param repeats     timed solves the median is over
 * @param x           the returned point (null when there is none)
 * @param history     the optimality measure per iteration, start first (empty when not observed)
 * @param figures     what only this suite measures (LREs, deviation, depth, stationarity, ...)
 */
public record SolveRecord(
        String suite,
        String problem,
        int dimension,
        String tool,
        String method,
        String family,
        Outcome outcome,
        Status status,
        String toolStatus,
        boolean claimed,
        boolean solved,
        String message,
        int iterations,
        Map<String, Long> evaluations,
        double value,
        double optimality,
        double seconds,
        int repeats,
        double[] x,
        double[] history,
        Map<String, Object> figures) {

    public static final String FIXPOINT = "fixpoint";

    /** Whether the method ran. */
    public enum Outcome {
        RAN,
        /** It cannot start on this problem (it needs a Hessian the problem lacks, say). */
        NOT_APPLICABLE,
        /** It threw after it had started. */
        ERROR
    }

    public SolveRecord {
        evaluations = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(evaluations));
        figures = figures == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(figures));
        history = history == null ? new double[0] : history;
    }

    /**
     * Fixpoint's record of a solution (one run): the solution's own figures, with the test that ended a
     * converged solve and whether it is certified ({@code criterion}, {@code certified}); the caller judges it.
     */
    public static SolveRecord of(String suite, String problem, String method, String family, Solution s, boolean solved, double value,
            double optimality, double seconds, int repeats, Map<String, Object> figures) {
        Map<String, Object> all = new LinkedHashMap<>();
        if (s.converged()) {
            all.put("criterion", s.criterion());
            all.put("certified", s.certified());
        }
        if (figures != null) {
            all.putAll(figures);
        }
        return new SolveRecord(suite, problem, s.x().length, FIXPOINT, method, family, Outcome.RAN, s.status(), null, s.converged(), solved,
                s.message(), s.iterations(), s.evaluations().byName(), value, optimality, seconds, repeats, s.x(), s.trace().optimality(),
                all);
    }

    /** Fixpoint's record of a method that did not run (not applicable, or it threw). */
    public static SolveRecord failed(String suite, String problem, int dimension, String method, String family, Outcome outcome, String why) {
        return new SolveRecord(suite, problem, dimension, FIXPOINT, method, family, outcome, null, null, false, false, why, 0, Map.of(),
                Double.NaN, Double.NaN, Double.NaN, 0, null, null, null);
    }

    /** How reports name the solver: tool and method, e.g. {@code scipy L-BFGS-B}. */
    public String solver() {
        return tool + " " + method;
    }

    public boolean isFixpoint() {
        return FIXPOINT.equals(tool);
    }

    public boolean applicable() {
        return outcome != Outcome.NOT_APPLICABLE;
    }

    /**
     * The status in words: Fixpoint's status name (a CONVERGED that a weaker test ended says so), the
     * peer's own status, {@code n/a} or {@code ERROR}.
     */
    public String statusText() {
        return switch (outcome) {
            case NOT_APPLICABLE -> "n/a";
            case ERROR -> "ERROR";
            case RAN -> status == null ? toolStatus
                    : Boolean.FALSE.equals(figures.get("certified")) ? status.name() + " (not certified: " + figures.get("criterion") + ")"
                    : status.name();
        };
    }

    public long count(String kind) {
        return evaluations.getOrDefault(kind, 0L);
    }

    public long valueEvaluations() {
        return count("value");
    }

    public long gradientEvaluations() {
        return count("gradient");
    }

    /** Hessians and Hessian–vector products together (peers report one count). */
    public long hessianEvaluations() {
        return count("hessian") + count("hessianVector");
    }

    /** Every evaluation of every kind. */
    public long totalEvaluations() {
        return evaluations.values().stream().mapToLong(Long::longValue).sum();
    }

    /** A figure of this suite, or {@code otherwise} when absent. */
    public double figure(String name, double otherwise) {
        Object v = figures.get(name);
        return v instanceof Number n ? n.doubleValue() : otherwise;
    }

    /** The same record with more figures. */
    public SolveRecord withFigures(Map<String, Object> more) {
        Map<String, Object> f = new LinkedHashMap<>(figures);
        f.putAll(more);
        return new SolveRecord(suite, problem, dimension, tool, method, family, outcome, status, toolStatus, claimed, solved, message,
                iterations, evaluations, value, optimality, seconds, repeats, x, history, f);
    }

    /** The same record without its final point (a linear program's can have millions of entries). */
    public SolveRecord withoutPoint() {
        return new SolveRecord(suite, problem, dimension, tool, method, family, outcome, status, toolStatus, claimed, solved, message,
                iterations, evaluations, value, optimality, seconds, repeats, null, history, figures);
    }

    /** The JSON fields of one solve, in a stable order; non-finite numbers become strings; x up to {@link #LARGEST_X_IN_JSON} numbers. */
    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("suite", suite);
        m.put("problem", problem);
        m.put("dimension", dimension);
        m.put("tool", tool);
        m.put("method", method);
        m.put("family", family);
        m.put("status", statusText());
        m.put("claimedSuccess", claimed);
        m.put("solved", solved);
        m.put("message", message);
        m.put("iterations", iterations);
        m.put("evaluations", new LinkedHashMap<>(evaluations));
        m.put("value", finiteOrString(value));
        m.put("optimality", finiteOrString(optimality));
        m.put("seconds", finiteOrString(seconds));
        m.put("repeats", repeats);
        figures.forEach((k, v) -> m.put(k, v instanceof Double d ? finiteOrString(d) : v));
        if (x != null && x.length <= LARGEST_X_IN_JSON) {
            m.put("x", finiteOrStrings(x));
        }
        return m;
    }

    /**
     * The largest point written into JSON: beyond it (a trajectory of T·D numbers, a problem of 10⁶
     * variables) the record keeps its dimension only, so that a report stays a few megabytes.
     */
    static final int LARGEST_X_IN_JSON = 1000;

    /** JSON has no NaN or Infinity: those become strings. */
    public static Object finiteOrString(double v) {
        return Double.isFinite(v) ? (Object) v : String.valueOf(v);
    }

    public static List<Object> finiteOrStrings(double[] v) {
        List<Object> out = new java.util.ArrayList<>(v.length);
        for (double d : v) {
            out.add(finiteOrString(d));
        }
        return out;
    }
}
