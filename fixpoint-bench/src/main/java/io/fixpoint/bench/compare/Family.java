package io.fixpoint.bench.compare;

import java.util.Locale;
import java.util.Map;

/** Methods are compared within a family: like against like. */
public enum Family {
    LIMITED_MEMORY_QUASI_NEWTON("limited-memory quasi-Newton"),
    QUASI_NEWTON("quasi-Newton (dense BFGS)"),
    CONJUGATE_GRADIENT("nonlinear conjugate gradient"),
    NEWTON("Newton and Newton–CG"),
    FIRST_ORDER("gradient methods"),
    DERIVATIVE_FREE("derivative-free"),
    OTHER("other");

    private static final Map<String, Family> BY_METHOD = Map.ofEntries(
            Map.entry("lbfgs", LIMITED_MEMORY_QUASI_NEWTON), Map.entry("l-bfgs-b", LIMITED_MEMORY_QUASI_NEWTON),
            Map.entry("bfgs", QUASI_NEWTON),
            Map.entry("cg-pr", CONJUGATE_GRADIENT), Map.entry("cg-hz", CONJUGATE_GRADIENT), Map.entry("cg", CONJUGATE_GRADIENT),
            Map.entry("nlcg-pr", CONJUGATE_GRADIENT), Map.entry("nlcg-fr", CONJUGATE_GRADIENT),
            Map.entry("newton", NEWTON), Map.entry("damped-newton", NEWTON), Map.entry("lazy-newton", NEWTON),
            Map.entry("trust-newton-cg", NEWTON), Map.entry("newton-cg", NEWTON), Map.entry("trust-ncg", NEWTON),
            Map.entry("trust-krylov", NEWTON),
            Map.entry("gradient-descent", FIRST_ORDER), Map.entry("nesterov", FIRST_ORDER),
            Map.entry("bobyqa", DERIVATIVE_FREE), Map.entry("cma-es", DERIVATIVE_FREE));

    private final String label;

    Family(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The family of a method by its name in any tool (case-insensitive). */
    public static Family of(String method) {
        return BY_METHOD.getOrDefault(method.toLowerCase(Locale.ROOT), OTHER);
    }

    /** Whether methods of this family need second derivatives. */
    public boolean needsHessian() {
        return this == NEWTON;
    }
}
