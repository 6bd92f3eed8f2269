package io.fixpoint.bench;

import io.fixpoint.analysis.RateEstimate;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.solve.Evaluations;
import io.fixpoint.solve.Trace;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One method on one test problem, judged the same way for every method (see {@link MinimizationBench}).
 *
 * @param problem              the test problem's name
 * @param dimension            its dimension n
 * @param method               the method's name
 * @param status               the driver's {@link io.fixpoint.solve.Status} name, {@link #NOT_APPLICABLE} when the
 *                             method cannot start on the problem, or {@link #ERROR} when it threw mid-run
 * @param message              why the solve ended
 * @param solved               the known minimum was reached, or the gradient norm fell by the required factor
 * @param reachedMinimum       the known minimum was reached (the stricter half of {@code solved}, the one peers are judged by)
 * @param iterations           steps taken
 * @param evaluations          counts of f, ∇f, ∇²f, ∇²f·v
 * @param value                f at the final point, recomputed uncounted
 * @param gradientNorm         ‖∇f‖₂ at the final point, recomputed uncounted
 * @param relativeGradientNorm ‖∇f(x)‖ / ‖∇f(x₀)‖
 * @param seconds              wall time of the solve
 * @param rate                 the observed convergence rate
 * @param x                    the final point
 * @param trace                the per-iteration history (empty when not applicable)
 */
public record BenchResult(
        String problem,
        int dimension,
        String method,
        String status,
        String message,
        boolean solved,
        boolean reachedMinimum,
        int iterations,
        Evaluations evaluations,
        double value,
        double gradientNorm,
        double relativeGradientNorm,
        double seconds,
        RateEstimate rate,
        double[] x,
        Trace trace) {

    /** The status of a method that cannot start on a problem (it needs a Hessian the problem lacks, say). */
    public static final String NOT_APPLICABLE = "n/a";
    /** The status of a solve that threw after it started. */
    public static final String ERROR = "ERROR";

    public boolean applicable() {
        return !NOT_APPLICABLE.equals(status);
    }

    public boolean converged() {
        return "CONVERGED".equals(status);
    }

    public long evaluations(Evaluation kind) {
        return evaluations.get(kind);
    }

    /** The common JSON fields of one solve, in a stable order; non-finite numbers become strings. */
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("problem", problem);
        m.put("dimension", dimension);
        m.put("method", method);
        m.put("status", status);
        m.put("message", message);
        m.put("solved", solved);
        m.put("reachedMinimum", reachedMinimum);
        m.put("iterations", iterations);
        m.put("evaluations", evaluations.byName());
        m.put("value", finiteOrString(value));
        m.put("gradientNorm", finiteOrString(gradientNorm));
        m.put("relativeGradientNorm", finiteOrString(relativeGradientNorm));
        m.put("seconds", seconds);
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("kind", rate.kind().name().toLowerCase());
        r.put("parameter", finiteOrString(rate.parameter()));
        r.put("fitQuality", rate.fitQuality());
        r.put("description", rate.describe());
        m.put("rate", r);
        m.put("x", x);
        return m;
    }

    /** JSON has no NaN or Infinity: those become strings. */
    public static Object finiteOrString(double v) {
        return Double.isFinite(v) ? (Object) v : String.valueOf(v);
    }
}
