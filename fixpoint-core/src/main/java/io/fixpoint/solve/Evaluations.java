package io.fixpoint.solve;

import io.fixpoint.problem.Evaluation;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** An immutable record of how many evaluations of each kind a solve used. */
public record Evaluations(Map<Evaluation, Long> counts) {

    public Evaluations {
        counts = Collections.unmodifiableMap(new EnumMap<>(counts.isEmpty() ? new EnumMap<>(Evaluation.class) : counts));
    }

    public long get(Evaluation kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** All evaluations (volumes such as examples touched are not evaluations). */
    public long total() {
        return counts.entrySet().stream().filter(e -> e.getKey().isEvaluation()).mapToLong(Map.Entry::getValue).sum();
    }

    /** Camel-case name to count, e.g. {@code {value=31, gradient=31}}, for reports and JSON. */
    public Map<String, Long> byName() {
        Map<String, Long> m = new LinkedHashMap<>();
        counts.forEach((k, v) -> m.put(k.key(), v));
        return m;
    }

    /** The counts for people, e.g. {@code value 31, gradient 31}. */
    public String describe() {
        StringBuilder b = new StringBuilder();
        counts.forEach((k, v) -> b.append(b.length() == 0 ? "" : ", ").append(k.key()).append(' ').append(v));
        return b.length() == 0 ? "none" : b.toString();
    }

    @Override
    public String toString() {
        return byName().toString();
    }
}
