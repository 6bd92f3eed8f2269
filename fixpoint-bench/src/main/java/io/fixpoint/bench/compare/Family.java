package io.fixpoint.bench.compare;

import io.fixpoint.catalog.Catalog;
import java.util.Locale;
import java.util.Map;

/**
 * Methods are compared within a family, like against like. A Fixpoint method's family is the one
 * the catalogue gives it; a peer method's comes from this table, in the catalogue's words.
 */
public final class Family {
    private static final Map<String, String> PEER_METHODS = Map.ofEntries(
            Map.entry("l-bfgs-b", Catalog.LIMITED_MEMORY),
            Map.entry("bfgs", Catalog.QUASI_NEWTON),
            Map.entry("cg", Catalog.CONJUGATE_GRADIENT), Map.entry("nlcg-pr", Catalog.CONJUGATE_GRADIENT),
            Map.entry("nlcg-fr", Catalog.CONJUGATE_GRADIENT),
            Map.entry("newton-cg", Catalog.NEWTON), Map.entry("trust-ncg", Catalog.NEWTON), Map.entry("trust-krylov", Catalog.NEWTON),
            Map.entry("bobyqa", Catalog.DERIVATIVE_FREE), Map.entry("cma-es", Catalog.DERIVATIVE_FREE));

    private Family() {
    }

    /** The family of a peer's method by its name in that tool (case-insensitive); {@code other} when unknown. */
    public static String ofPeerMethod(String method) {
        return PEER_METHODS.getOrDefault(method.toLowerCase(Locale.ROOT), "other");
    }
}
