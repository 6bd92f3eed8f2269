package io.fixpoint.spark;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Fits a {@link GlmSum} with one of the engine's minimisers, unchanged: the sum's full batch is an
 * ordinary objective ({@link io.fixpoint.problem.FiniteSum#fullBatch}), so L-BFGS costs one pass per
 * evaluation and trust-region Newton–CG one per gradient and one per Hessian–vector product.
 *
 * <p>The solution's details add to the solver's own: {@code passes} (passes over the data during the
 * solve, each one Spark job on a Spark sum), {@code setupPasses} (the standardisation pass made when the sum was built),
 * {@code broadcastBytes}, and the fitted model on the original features: {@code coefficients} and
 * {@code intercept} (a multinomial model: {@code coefficients}, one row per class, and {@code intercepts}).
 */
public final class GlmFit {
    private GlmFit() {
    }

    /**
     * Minimises the sum from {@link GlmSum#start} with the catalogue's minimiser called {@code method} until ‖∇f‖₂ ≤
     * {@code gradientTolerance} or {@code maxIterations} iterations.
     */
    public static Solution fit(GlmSum sum, String method, double gradientTolerance, int maxIterations) {
        SolverSpec<Objective> spec = Catalog.builtIn().minimizer(method);
        Settings settings = Settings.tolerance(gradientTolerance).withMaxIterations(maxIterations);
        long before = sum.passes();
        long bytes = sum.broadcastBytes();
        Solution s = settings.driver().solve(spec.create(), sum.fullBatch(), sum.start());
        Map<String, Object> details = new LinkedHashMap<>(s.details());
        details.put("passes", sum.passes() - before);
        details.put("setupPasses", GlmSum.SETUP_PASSES);
        details.put("broadcastBytes", sum.broadcastBytes() - bytes);
        double[] beta = sum.coefficients(s.x());
        int d = sum.dimension() / sum.margins() - 1;
        if (sum.margins() == 1) {
            details.put("coefficients", Arrays.copyOf(beta, d));
            details.put("intercept", beta[d]);
        } else {
            double[][] rows = new double[sum.margins()][];
            double[] intercepts = new double[sum.margins()];
            for (int k = 0; k < rows.length; k++) {
                rows[k] = Arrays.copyOfRange(beta, k * (d + 1), k * (d + 1) + d);
                intercepts[k] = beta[k * (d + 1) + d];
            }
            details.put("coefficients", rows);
            details.put("intercepts", intercepts);
        }
        return new Solution(s.solver(), s.status(), s.message(), s.x(), s.value(), s.optimality(), s.iterations(), s.evaluations(),
                s.seconds(), s.trace(), s.rate(), Map.copyOf(details), s.criterion(), s.certified());
    }
}
