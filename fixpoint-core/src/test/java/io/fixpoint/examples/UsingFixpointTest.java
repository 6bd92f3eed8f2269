package io.fixpoint.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.expr.Expression;
import io.fixpoint.leastsquares.CurveFit;
import io.fixpoint.leastsquares.FitStatistics;
import io.fixpoint.problem.DerivativeCheck;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.LeastSquaresProblem;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/**
 * The examples of docs/java.md, compiled and run: {@code JavaPageTest} checks that every code block of
 * the page appears here (or in the bench's examples) line for line.
 */
class UsingFixpointTest {

    /** f(x) = Σᵢ (xᵢ − i)² + (Σᵢ xᵢ)⁴/4, smooth and convex, with its gradient. */
    static final class SumOfPowers implements Objective {
        private final int n;

        SumOfPowers(int n) {
            this.n = n;
        }

        @Override
        public int dimension() {
            return n;
        }

        @Override
        public double value(double[] x) {
            double f = 0;
            double s = 0;
            for (int i = 0; i < n; i++) {
                f += (x[i] - i) * (x[i] - i);
                s += x[i];
            }
            return f + s * s * s * s / 4;
        }

        @Override
        public void gradient(double[] x, double[] g) {
            double s = 0;
            for (double xi : x) {
                s += xi;
            }
            for (int i = 0; i < n; i++) {
                g[i] = 2 * (x[i] - i) + s * s * s;
            }
        }
    }

    @Test
    void minimiseYourOwnObjective() {
        Objective f = new SumOfPowers(5);
        double[] x0 = new double[5];

        Solution s = Catalog.builtIn().minimizer("lbfgs").solve(f, x0);
        System.out.println(s.statusText() + " after " + s.iterations() + " iterations, f = " + s.value()
                + ", ‖∇f‖ = " + s.optimality() + ", evaluations " + s.evaluations().byName());

        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.optimality()).isLessThan(1e-6);
        // at the minimum every 2(xᵢ − i) equals −(Σx)³, so xᵢ − i is the same for all i
        assertThat(s.x()[4] - 4).isCloseTo(s.x()[0], within(1e-7));
    }

    @Test
    void readTheCertificate() {
        Solution s = Catalog.builtIn().minimizer("bfgs").solve(new SumOfPowers(3), new double[3]);

        if (s.converged() && s.certified()) {
            // the test named by s.criterion() held at s.x(): "optimality" means ‖∇f(x)‖ met its tolerance
            System.out.println("stationary to " + s.optimality() + " by the " + s.criterion() + " test");
        } else {
            // MAX_ITERATIONS, STALLED, DIVERGED, NON_FINITE, ...: the message says why and where it stopped
            System.out.println(s.statusText() + ": " + s.message());
        }
        System.out.println("rate " + s.rate().describe() + ", details " + s.details().keySet());

        assertThat(s.criterion()).isEqualTo(Solution.OPTIMALITY);
        assertThat(s.certified()).isTrue();
    }

    @Test
    void fitAModelToData() {
        double[] t = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5};
        double[] y = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            y[i] = 5 * Math.exp(-0.7 * t[i]) + 0.5 + 0.01 * Math.sin(7 * i); // data with a little structured noise
        }

        CurveFit fit = CurveFit.of(Expression.parse("a*exp(-k*t) + c"), List.of("a", "k", "c"), "t", t, y);
        Solution s = Catalog.builtIn().leastSquares("lm").solve(fit, new double[] {1, 1, 0});
        FitStatistics stats = FitStatistics.at(fit, s.x());

        for (int j = 0; j < fit.parameters().size(); j++) {
            System.out.printf("%s = %.6f ± %.6f%n", fit.parameters().get(j), s.x()[j], stats.standardErrors()[j]);
        }
        System.out.println("RSS " + stats.rss() + ", " + s.statusText() + " by " + s.criterion());

        assertThat(s.certified()).isTrue();
        assertThat(s.x()[1]).isCloseTo(0.7, within(0.01));
        assertThat(stats.rankDeficient()).isFalse();
    }

    @Test
    void fitYourOwnResiduals() {
        // Rosenbrock as least squares: r = (10(x₂ − x₁²), 1 − x₁), J row-major 2×2
        LeastSquaresProblem r = LeastSquaresProblem.of(2, 2, (x, res) -> {
            res[0] = 10 * (x[1] - x[0] * x[0]);
            res[1] = 1 - x[0];
        }, (x, jac) -> {
            jac[0] = -20 * x[0];
            jac[1] = 10;
            jac[2] = -1;
            jac[3] = 0;
        });
        Solution s = Catalog.builtIn().leastSquares("lm").solve(r, new double[] {-1.2, 1});

        assertThat(DerivativeCheck.jacobian(r, new double[] {-1.2, 1}).passes()).isTrue();
        assertThat(s.converged()).isTrue();
        assertThat(s.x()[0]).isCloseTo(1, within(1e-8));
    }

    @Test
    void checkYourDerivatives() {
        Objective f = new SumOfPowers(4);
        double[] x = {0.5, -1, 2, 0};
        DerivativeCheck check = DerivativeCheck.gradient(f, x);
        if (!check.passes()) {
            throw new IllegalStateException(check.describe());
        }

        Objective slip = new Objective() { // the same function with a mistake in one component of the gradient
            @Override
            public int dimension() {
                return 4;
            }

            @Override
            public double value(double[] x) {
                return f.value(x);
            }

            @Override
            public void gradient(double[] x, double[] g) {
                f.gradient(x, g);
                g[2] *= 0.5;
            }
        };
        DerivativeCheck caught = DerivativeCheck.gradient(slip, x);
        System.out.println(caught.describe()); // gradient: worst relative error … at component 2: analytic …, finite difference …

        assertThat(check.worstError()).isLessThan(1e-8);
        assertThat(caught.passes()).isFalse();
        assertThat(caught.column()).isEqualTo(2);
    }

    @Test
    void findAFixedPointWithAnderson() {
        // T(x) = cos(x), componentwise: the fixed point is the Dottie number 0.739085…
        FixedPointMap cos = FixedPointMap.of(3, (x, out) -> {
            for (int i = 0; i < x.length; i++) {
                out[i] = Math.cos(x[i]);
            }
        });
        Solution s = Catalog.builtIn().fixedPoint("anderson").solve(cos, new double[] {1, 0, -1});
        System.out.println(s.statusText() + ": x = " + s.x()[0] + ", ‖x − T(x)‖ = " + s.optimality()
                + " after " + s.evaluations().byName());

        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[2]).isCloseTo(0.7390851332151607, within(1e-9));

        // a map without a fixed point ends NO_FIXED_POINT, with the displacement x − T(x) tends to
        FixedPointMap shift = FixedPointMap.of(1, (x, out) -> out[0] = x[0] + 1);
        Solution none = Catalog.builtIn().fixedPoint("picard").solve(shift, new double[] {0});
        System.out.println(none.message() + ", v = " + Arrays.toString((double[]) none.details().get("displacement")));

        assertThat(none.status()).isEqualTo(Status.NO_FIXED_POINT);
    }

    @Test
    void listenAndLimitTime() {
        SolverSpec<Objective> gd = Catalog.builtIn().minimizer("gradient-descent");
        Settings settings = gd.defaults().withMaxIterations(50).withTimeLimit(Duration.ofSeconds(10));

        List<Double> history = new ArrayList<>();
        Driver driver = settings.driver((iteration, state, counts) -> history.add(state.optimality()));
        Solution s = driver.solve(gd.create(), new SumOfPowers(20), new double[20]);

        System.out.println(s.statusText() + " after " + s.iterations() + " iterations; ‖∇f‖ went "
                + history.get(0) + " → " + history.get(history.size() - 1));

        assertThat(s.status()).isIn(Status.MAX_ITERATIONS, Status.CONVERGED);
        assertThat(history).hasSize(s.iterations() + 1); // the start, then one call per step
    }

    @Test
    void stopFromOutside() {
        AtomicBoolean stop = new AtomicBoolean(); // set by a user interface, another thread, or a listener
        Driver driver = Driver.builder().tolerance(1e-12).maxIterations(1_000_000)
                .listener((iteration, state, counts) -> stop.set(iteration >= 10))
                .cancelWhen(stop::get).build();
        Solution s = driver.solve(Catalog.builtIn().minimizer("gradient-descent").create(), new SumOfPowers(200), new double[200]);

        System.out.println(s.statusText() + " after " + s.iterations() + " iterations: " + s.message());

        assertThat(s.status()).isEqualTo(Status.CANCELLED);
        assertThat(s.iterations()).isEqualTo(10);
    }
}
