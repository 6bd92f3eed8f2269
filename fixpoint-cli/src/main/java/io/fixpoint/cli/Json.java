package io.fixpoint.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.fixpoint.solve.Solution;
import java.util.LinkedHashMap;
import java.util.Map;

/** One place that turns results into JSON, so every sub-command speaks the same fields. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);

    private Json() {
    }

    /**
     * The common fields of a solution: status, the test that ended a converged solve and whether it is
     * certified, message, iterations, evaluations, value, optimality, x, seconds, rate.
     */
    static Map<String, Object> of(Solution s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("method", s.solver());
        m.put("status", s.status().name());
        m.put("criterion", s.criterion());
        m.put("certified", s.certified());
        m.put("message", s.message());
        m.put("iterations", s.iterations());
        m.put("evaluations", s.evaluations().byName());
        m.put("value", finiteOrString(s.value()));
        m.put("optimality", finiteOrString(s.optimality()));
        m.put("x", s.x());
        m.put("seconds", s.seconds());
        Map<String, Object> rate = new LinkedHashMap<>();
        rate.put("kind", s.rate().kind().name().toLowerCase());
        rate.put("parameter", finiteOrString(s.rate().parameter()));
        rate.put("fitQuality", s.rate().fitQuality());
        rate.put("description", s.rate().describe());
        m.put("rate", rate);
        if (!s.details().isEmpty()) {
            m.put("details", s.details());
        }
        return m;
    }

    /** The fields of one solve of a test problem, shared by {@code solve --json} and {@code bench --json}. */
    /** JSON has no NaN or Infinity: those become strings. */
    static Object finiteOrString(double v) {
        return Double.isFinite(v) ? (Object) v : String.valueOf(v);
    }

    static String write(Object o) {
        try {
            return MAPPER.writeValueAsString(o);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }
}
