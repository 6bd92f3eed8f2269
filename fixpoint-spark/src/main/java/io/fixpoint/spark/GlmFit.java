package io.fixpoint.spark;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.L1Objective;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits a {@link GlmSum} with one of the engine's minimisers, unchanged: the sum's full batch is an
 * ordinary objective ({@link io.fixpoint.problem.FiniteSum#fullBatch}), so L-BFGS costs one pass per
 * evaluation and trust-region Newton–CG one per gradient and one per Hessian–vector product. With an L1
 * penalty (the elastic net) the objective is the sum plus {@link GlmSum#l1Weights}, an {@link L1Objective}
 * minimised by a method of the catalogue's L1 kind (OWL-QN: one pass per trial point of its search).
 *
 * <p>The solution's details add to the solver's own: {@code passes} (passes over the data during the
 * solve, each one Spark job on a Spark sum), {@code setupPasses} (the standardisation pass made when the sum was built),
 * {@code broadcastBytes}, the fitted model on the original features: {@code coefficients} and
 * {@code intercept} (a multinomial model: {@code coefficients}, one row per class, and {@code intercepts}),
 * and with an L1 method {@code l1} and {@code zeroCoefficients} (coefficients exactly 0).
 */
public final class GlmFit {
    private GlmFit() {
    }

    /**
     * Minimises the sum from {@link GlmSum#start} with the catalogue's minimiser called {@code method} until ‖∇f‖₂ ≤
     * {@code gradientTolerance} or {@code maxIterations} iterations.
     */
    public static Solution fit(GlmSum sum, String method, double gradientTolerance, int maxIterations) {
        return fit(sum, 0, method, gradientTolerance, maxIterations);
    }

    /**
     * Minimises the sum plus the L1 penalty {@code l1} (on the coefficients, as {@link GlmSum#l1Weights}) from
     * {@link GlmSum#start} with the catalogue's method called {@code method} until the optimality measure
     * (‖∇f‖₂; with an L1 method the norm of the minimum-norm subgradient) is ≤ {@code gradientTolerance},
     * or {@code maxIterations} iterations.
     *
     * @throws IllegalArgumentException if {@code l1 > 0} and the method is not one of the L1 kind ({@link #checkMethod})
     */
    public static Solution fit(GlmSum sum, double l1, String method, double gradientTolerance, int maxIterations) {
        boolean penalised = checkMethod(method, l1);
        double[] weights = sum.l1Weights(l1);
        Settings settings = Settings.tolerance(gradientTolerance).withMaxIterations(maxIterations);
        long before = sum.passes();
        long bytes = sum.broadcastBytes();
        Solution s;
        if (penalised) {
            SolverSpec<L1Objective> spec = Catalog.builtIn().l1(method);
            s = settings.driver().solve(spec.create(), L1Objective.of(sum.fullBatch(), weights), sum.start());
        } else {
            SolverSpec<Objective> spec = Catalog.builtIn().minimizer(method);
            s = settings.driver().solve(spec.create(), sum.fullBatch(), sum.start());
        }
        Map<String, Object> details = new LinkedHashMap<>(s.details());
        details.put("passes", sum.passes() - before);
        details.put("setupPasses", GlmSum.SETUP_PASSES);
        details.put("broadcastBytes", sum.broadcastBytes() - bytes);
        double[] beta = sum.coefficients(s.x());
        int d = sum.d;
        long zeros = 0;
        double[][] rows = new double[sum.margins()][];
        double[] intercepts = new double[sum.margins()];
        for (int k = 0; k < rows.length; k++) {
            rows[k] = Arrays.copyOfRange(beta, k * (d + 1), k * (d + 1) + d);
            intercepts[k] = beta[k * (d + 1) + d];
            zeros += Arrays.stream(rows[k]).filter(b -> b == 0).count();
        }
        if (sum.margins() == 1) {
            details.put("coefficients", rows[0]);
            details.put("intercept", intercepts[0]);
        } else {
            details.put("coefficients", rows);
            details.put("intercepts", intercepts);
        }
        if (penalised) {
            details.put("l1", l1);
            details.put("zeroCoefficients", zeros);
        }
        return new Solution(s.solver(), s.status(), s.message(), s.x(), s.value(), s.optimality(), s.iterations(), s.evaluations(),
                s.seconds(), s.trace(), s.rate(), Map.copyOf(details), s.criterion(), s.certified());
    }

    /**
     * Whether {@code method} is a method of the L1 kind (which then minimises the sum plus the L1 penalty,
     * zero or not); a minimiser of smooth objectives is refused with an L1 penalty {@code l1 > 0}.
     *
     * @throws IllegalArgumentException naming the L1 methods when a smooth method is given {@code l1 > 0},
     *                                  or the known methods of both kinds when {@code method} is neither
     */
    public static boolean checkMethod(String method, double l1) {
        Catalog catalog = Catalog.builtIn();
        if (catalog.names(ProblemKind.L1).contains(method)) {
            return true;
        }
        if (!catalog.names(ProblemKind.MINIMIZATION).contains(method)) {
            throw new IllegalArgumentException("unknown method '" + method + "'; L1 methods: " + String.join(", ", catalog.names(ProblemKind.L1))
                    + "; minimisers: " + String.join(", ", catalog.names(ProblemKind.MINIMIZATION)));
        }
        if (l1 > 0) {
            throw new IllegalArgumentException("method " + method + " minimises smooth objectives; an L1 penalty needs "
                    + String.join(" or ", catalog.names(ProblemKind.L1)));
        }
        return false;
    }
}
