package io.fixpoint.minimize;

import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in minimisers by command-line name, each with its default configuration. */
public final class Minimizers {
    private static final Map<String, Supplier<Solver<Objective, ? extends IterationState>>> BY_NAME = new LinkedHashMap<>();

    static {
        // one line per minimiser: register("name", Class::new);
        register("gradient-descent", GradientDescent::new);
        register("nesterov", Nesterov::new);
        register("cg-pr", NonlinearCG::polakRibiere);
        register("cg-hz", NonlinearCG::hagerZhang);
        register("bfgs", Bfgs::new);
        register("lbfgs", Lbfgs::new);
        register("newton", Newton::new);
        register("damped-newton", DampedNewton::new);
        register("lazy-newton", LazyNewton::new);
        register("trust-newton-cg", TrustRegionNewtonCg::new);
    }

    private Minimizers() {
    }

    private static void register(String name, Supplier<Solver<Objective, ? extends IterationState>> factory) {
        BY_NAME.put(name, factory);
    }

    /** Names in a stable order. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The minimiser called {@code name}, or an exception listing the known names. */
    public static Solver<Objective, ? extends IterationState> byName(String name) {
        Supplier<Solver<Objective, ? extends IterationState>> f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown method '" + name + "'; known methods: " + String.join(", ", BY_NAME.keySet()));
        }
        return f.get();
    }
}
