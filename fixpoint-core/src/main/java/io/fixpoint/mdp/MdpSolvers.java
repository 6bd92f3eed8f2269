package io.fixpoint.mdp;

import io.fixpoint.problem.MarkovDecisionProcess;
import io.fixpoint.solve.Solver;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** The built-in decision-process solvers by command-line name, each with its default configuration. */
public final class MdpSolvers {
    /** Exact in a few iterations on the built-in problems, under either criterion. */
    public static final String DEFAULT = "policy-iteration";

    private static final Map<String, Supplier<Solver<MarkovDecisionProcess, ? extends MdpState>>> BY_NAME = new LinkedHashMap<>();

    static {
        register("value-iteration", ValueIteration::new);
        register("gauss-seidel", GaussSeidelValueIteration::new);
        register("anchored-vi", AnchoredValueIteration::new);
        register("anderson-vi", AndersonValueIteration::new);
        register("policy-iteration", PolicyIteration::new);
        register("modified-policy-iteration", ModifiedPolicyIteration::new);
    }

    private MdpSolvers() {
    }

    private static void register(String name, Supplier<Solver<MarkovDecisionProcess, ? extends MdpState>> factory) {
        BY_NAME.put(name, factory);
    }

    /** Names in a stable order. */
    public static Iterable<String> names() {
        return Collections.unmodifiableSet(BY_NAME.keySet());
    }

    /** The solver called {@code name}, or an exception listing the known names. */
    public static Solver<MarkovDecisionProcess, ? extends MdpState> byName(String name) {
        Supplier<Solver<MarkovDecisionProcess, ? extends MdpState>> f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown decision-process method '" + name + "'; known methods: " + String.join(", ", BY_NAME.keySet()));
        }
        return f.get();
    }
}
