package io.fixpoint.leastsquares;

import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Tolerances;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The least-squares solvers by command-line name. */
public final class LeastSquaresSolvers {
    private static final Map<String, Supplier<Solver<LeastSquaresProblem, ? extends LeastSquaresState>>> BY_NAME = new LinkedHashMap<>();

    static {
        BY_NAME.put("lm", LevenbergMarquardt::new);
        BY_NAME.put("lm-geodesic", () -> new LevenbergMarquardt().withGeodesicAcceleration());
        BY_NAME.put("dogleg", Dogleg::new);
        BY_NAME.put("gauss-newton", GaussNewton::new);
        BY_NAME.put("trf", TrustRegionReflective::new);
    }

    private LeastSquaresSolvers() {
    }

    /**
     * The driver least-squares fits run under: the solvers' MINPACK tests ({@link StopRules}) decide
     * convergence, so the driver's own gradient tolerance is off (0) and it only guards budgets
     * (1000 iterations), non-finite values and divergence.
     */
    public static Driver driver() {
        return Driver.builder().tolerances(Tolerances.of(0)).maxIterations(1000).build();
    }

    public static Set<String> names() {
        return BY_NAME.keySet();
    }

    /** @throws IllegalArgumentException naming the known methods */
    public static Solver<LeastSquaresProblem, ? extends LeastSquaresState> byName(String name) {
        Supplier<Solver<LeastSquaresProblem, ? extends LeastSquaresState>> s = BY_NAME.get(name);
        if (s == null) {
            throw new IllegalArgumentException("unknown least-squares method '" + name + "' (known: " + String.join(", ", BY_NAME.keySet()) + ")");
        }
        return s.get();
    }
}
