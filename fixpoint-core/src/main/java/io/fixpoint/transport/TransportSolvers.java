package io.fixpoint.transport;

import io.fixpoint.problem.TransportProblem;
import io.fixpoint.solve.Solver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in entropic transport solvers by command-line name, each with its default configuration. */
public final class TransportSolvers {
    /** The method that works at every ε. */
    public static final String DEFAULT = "sinkhorn-log";

    private static final Map<String, Supplier<Solver<TransportProblem, ? extends TransportState>>> BY_NAME = new LinkedHashMap<>();

    static {
        register("sinkhorn", Sinkhorn::new);
        register("sinkhorn-log", SinkhornLog::new);
        register("sinkhorn-eps-scaling", EpsilonScaling::new);
        register("greenkhorn", Greenkhorn::new);
        register("sinkhorn-anderson", AndersonSinkhorn::new);
        register("sns", SinkhornNewtonSparse::new);
    }

    private TransportSolvers() {
    }

    private static void register(String name, Supplier<Solver<TransportProblem, ? extends TransportState>> factory) {
        BY_NAME.put(name, factory);
    }

    /** Names in a stable order. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The solver called {@code name}, or an exception listing the known names. */
    public static Solver<TransportProblem, ? extends TransportState> byName(String name) {
        Supplier<Solver<TransportProblem, ? extends TransportState>> f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown transport method '" + name + "'; known methods: " + String.join(", ", BY_NAME.keySet()));
        }
        return f.get();
    }
}
