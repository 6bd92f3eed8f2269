package io.fixpoint.ranking;

import io.fixpoint.fixedpoint.Anderson;
import io.fixpoint.fixedpoint.DetectionSettings;
import io.fixpoint.fixedpoint.GradientCertified;
import io.fixpoint.fixedpoint.Halpern;
import io.fixpoint.fixedpoint.Picard;
import io.fixpoint.minimize.Lbfgs;
import io.fixpoint.minimize.TrustRegionNewtonCg;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.GradientMap;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.BiFunction;

/**
 * The ways to compute a Bradley–Terry estimate, each run under the {@link Driver} from θ = 0 and
 * certified by ‖∇f(θ)‖ (f as {@link BradleyTerryModel} defines it). The iterations are maps on θ
 * ({@link BradleyTerryModel#zermelo()}, {@link BradleyTerryModel#newman()},
 * {@link BradleyTerryModel#ilsr()}) run plainly or accelerated by Anderson mixing (m = 5) or
 * restarted Halpern anchoring; the others minimise f directly: {@code newton} is trust-region
 * Newton–CG (with the dense Hessian up to 1000 parameters, Hessian-vector products beyond), whose
 * step test falls back on the gradient where f's rounding hides the decrease (f sums one term per
 * pairing, so near the optimum its changes drown in rounding long before ‖∇f‖ reaches 1e-10), and
 * {@code lbfgs} the limited-memory quasi-Newton method.
 */
public enum RankingMethod {
    ZERMELO("zermelo", (m, d) -> iterate(d, m, "zermelo", m.zermelo(), plain())),
    NEWMAN("newman", (m, d) -> iterate(d, m, "newman", m.newman(), plain())),
    ZERMELO_ANDERSON("zermelo-anderson", (m, d) -> iterate(d, m, "zermelo-anderson", m.zermelo(), anderson())),
    NEWMAN_ANDERSON("newman-anderson", (m, d) -> iterate(d, m, "newman-anderson", m.newman(), anderson())),
    ZERMELO_HALPERN("zermelo-halpern", (m, d) -> iterate(d, m, "zermelo-halpern", m.zermelo(), halpern())),
    NEWMAN_HALPERN("newman-halpern", (m, d) -> iterate(d, m, "newman-halpern", m.newman(), halpern())),
    ILSR("ilsr", (m, d) -> iterate(d, m, "ilsr", m.ilsr(), plain())),
    NEWTON("newton", (m, d) -> d.solve(new TrustRegionNewtonCg(), m.objective(), m.start())),
    LBFGS("lbfgs", (m, d) -> d.solve(new Lbfgs(), m.objective(), m.start()));

    private final String label;
    private final BiFunction<BradleyTerryModel, Driver, Solution> run;

    RankingMethod(String label, BiFunction<BradleyTerryModel, Driver, Solution> run) {
        this.label = label;
        this.run = run;
    }

    /** The lower-case, hyphenated name used on the command line and in reports. */
    public String label() {
        return label;
    }

    /** The method called {@code name}, or an exception listing the known names. */
    public static RankingMethod byName(String name) {
        for (RankingMethod m : values()) {
            if (m.label.equals(name.toLowerCase(Locale.ROOT))) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown ranking method '" + name + "'; known methods: "
                + String.join(", ", Arrays.stream(values()).map(RankingMethod::label).toList()));
    }

    /**
     * Runs this method on {@code model} under {@code driver}, without the existence check or the
     * post-solve verification of {@link Ranking#fit}.
     *
     * @throws IllegalArgumentException when the method does not apply to the model (I-LSR with home
     *                                  advantage or Davidson ties, dense methods on large models)
     */
    public Solution solve(BradleyTerryModel model, Driver driver) {
        return run.apply(model, driver);
    }

    private static <S extends IterationState> Solution iterate(Driver driver, BradleyTerryModel model, String name, GradientMap map,
            Solver<FixedPointMap, S> iteration) {
        return driver.solve(new GradientCertified<>(name, iteration), map, model.start());
    }

    /** The plain iteration; no watch for a missing fixed point, since existence is decided beforehand. */
    private static Picard plain() {
        return new Picard(DetectionSettings.OFF);
    }

    private static Anderson anderson() {
        return new Anderson(5, 1e-10, 1, DetectionSettings.OFF);
    }

    private static Halpern halpern() {
        return new Halpern(0.5, DetectionSettings.OFF);
    }
}
