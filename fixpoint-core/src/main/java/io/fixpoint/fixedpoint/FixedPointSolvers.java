package io.fixpoint.fixedpoint;

import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in fixed-point solvers by command-line name, each with its default configuration. */
public final class FixedPointSolvers {
    private static final Map<String, Supplier<Solver<FixedPointMap, ? extends IterationState>>> BY_NAME = new LinkedHashMap<>();

    static {
        register("picard", Picard::new);
        register("km", KrasnoselskiiMann::new);
        register("halpern", Halpern::new);
        register("halpern-restart", () -> Halpern.restarted(0.5));
        register("anderson", Anderson::new);
        register("newton-krylov", NewtonKrylov::new);
    }

    private FixedPointSolvers() {
    }

    private static void register(String name, Supplier<Solver<FixedPointMap, ? extends IterationState>> factory) {
        BY_NAME.put(name, factory);
    }

    /** Names in a stable order. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The solver called {@code name}, or an exception listing the known names. */
    public static Solver<FixedPointMap, ? extends IterationState> byName(String name) {
        Supplier<Solver<FixedPointMap, ? extends IterationState>> f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown fixed-point method '" + name + "'; known methods: " + String.join(", ", BY_NAME.keySet()));
        }
        return f.get();
    }
}
