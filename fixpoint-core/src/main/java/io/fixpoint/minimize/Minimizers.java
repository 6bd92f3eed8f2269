package io.fixpoint.minimize;

import io.fixpoint.bounded.BoundedSolver;
import io.fixpoint.bounded.Lbfgsb;
import io.fixpoint.bounded.ProjectedGradient;
import io.fixpoint.bounded.SpectralProjectedGradient;
import io.fixpoint.bounded.Tron;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The built-in minimisers by command-line name, each with its default configuration. The bounded ones
 * (io.fixpoint.bounded) are listed with the others, run there without bounds, and are also available
 * for problems with bounds through {@link #bounded}.
 */
public final class Minimizers {
    private static final Map<String, Supplier<Solver<Objective, ? extends IterationState>>> BY_NAME = new LinkedHashMap<>();
    private static final Map<String, Supplier<BoundedSolver<? extends IterationState>>> BOUNDED = new LinkedHashMap<>();

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
        registerBounded("lbfgsb", Lbfgsb::new);
        registerBounded("tron", Tron::new);
        registerBounded("spg", SpectralProjectedGradient::new);
        registerBounded("projected-gradient", ProjectedGradient::new);
    }

    private Minimizers() {
    }

    private static void register(String name, Supplier<Solver<Objective, ? extends IterationState>> factory) {
        BY_NAME.put(name, factory);
    }

    private static void registerBounded(String name, Supplier<BoundedSolver<? extends IterationState>> factory) {
        BOUNDED.put(name, factory);
        BY_NAME.put(name, () -> factory.get().unconstrained());
    }

    /** Names in a stable order. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The names of the minimisers that accept bounds, in a stable order. */
    public static Iterable<String> boundedNames() {
        return Collections.unmodifiableSet(BOUNDED.keySet());
    }

    /** The bound-constrained minimiser called {@code name}, or an exception listing the known ones. */
    public static BoundedSolver<? extends IterationState> bounded(String name) {
        Supplier<BoundedSolver<? extends IterationState>> f = BOUNDED.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown method '" + name + "' for bounds; methods that accept bounds: "
                    + String.join(", ", BOUNDED.keySet()));
        }
        return f.get();
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
