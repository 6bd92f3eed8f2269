package io.fixpoint.problem;

import java.util.EnumMap;
import java.util.Map;

/** Mutable evaluation counters, one per {@link Evaluation} kind. Not thread-safe by design: one solve, one thread. */
public final class Counts {
    private static final Evaluation[] KINDS = Evaluation.values();
    private final long[] counts = new long[KINDS.length];

    public void add(Evaluation kind) {
        counts[kind.ordinal()]++;
    }

    public void add(Evaluation kind, long n) {
        counts[kind.ordinal()] += n;
    }

    public long get(Evaluation kind) {
        return counts[kind.ordinal()];
    }

    /** All evaluations of every kind (volumes such as examples touched are not evaluations). */
    public long total() {
        long t = 0;
        for (Evaluation e : KINDS) {
            if (e.isEvaluation()) {
                t += counts[e.ordinal()];
            }
        }
        return t;
    }

    /** The non-zero counters, in declaration order. */
    public Map<Evaluation, Long> snapshot() {
        Map<Evaluation, Long> m = new EnumMap<>(Evaluation.class);
        for (Evaluation e : KINDS) {
            if (counts[e.ordinal()] != 0) {
                m.put(e, counts[e.ordinal()]);
            }
        }
        return m;
    }
}
