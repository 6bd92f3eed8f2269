package io.fixpoint.lp;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.Solver;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The linear-programming solvers by command-line name, each with its default configuration. */
public final class LpMethods {
    private static final Map<String, Function<ParallelExecutor, Solver<LinearProgram, ? extends PdhgState>>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("pdhg", Pdhg::new);
        BY_NAME.put("halpern-pdhg", HalpernPdhg::plain);
        BY_NAME.put("r2hpdhg", HalpernPdhg::reflected);
    }

    private LpMethods() {
    }

    /** Names in a stable order, the default first. */
    public static List<String> names() {
        return List.of("r2hpdhg", "halpern-pdhg", "pdhg");
    }

    /** The solver called {@code name}, running its products on {@code executor}. */
    public static Solver<LinearProgram, ? extends PdhgState> byName(String name, ParallelExecutor executor) {
        var f = BY_NAME.get(name);
        if (f == null) {
            throw new IllegalArgumentException("unknown LP method '" + name + "'; known methods: " + String.join(", ", names()));
        }
        return f.apply(executor);
    }
}
