package io.fixpoint.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.Counts;
import io.fixpoint.problem.Objective;
import java.util.function.DoubleUnaryOperator;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class StrongWolfeTest {

    /** φ along the single coordinate of a one-dimensional objective; the search runs from 0 along +1. */
    record Line(String name, DoubleUnaryOperator phi, DoubleUnaryOperator dphi) implements Objective {
        @Override
        public int dimension() {
            return 1;
        }

        @Override
        public double value(double[] x) {
            return phi.applyAsDouble(x[0]);
        }

        @Override
        public void gradient(double[] x, double[] g) {
            g[0] = dphi.applyAsDouble(x[0]);
        }
    }

    /** Moré and Thuente (1994), function 1: −α/(α² + 2), minimised at √2. */
    static final Line MT1 = new Line("mt1", a -> -a / (a * a + 2), a -> (a * a - 2) / ((a * a + 2) * (a * a + 2)));
    /** Moré and Thuente, function 2: (α + 0.004)⁵ − 2(α + 0.004)⁴, minimised at 1.596, with a tiny slope at 0. */
    static final Line MT2 = new Line("mt2", a -> Math.pow(a + 0.004, 5) - 2 * Math.pow(a + 0.004, 4),
            a -> 5 * Math.pow(a + 0.004, 4) - 8 * Math.pow(a + 0.004, 3));
    /** Moré and Thuente, function 3: a kink smoothed over [0.99, 1.01] with a wiggle of frequency 39π/2. */
    static final Line MT3 = new Line("mt3", StrongWolfeTest::mt3, StrongWolfeTest::mt3Slope);
    /** −2α − log(3 − α): minimised at 2.5, +∞ at 3 and NaN beyond. */
    static final Line BARRIER = new Line("barrier", a -> -2 * a - Math.log(3 - a), a -> -2 + 1 / (3 - a));

    static double mt3(double a) {
        double b = 0.01;
        double base = a <= 1 - b ? 1 - a : a >= 1 + b ? a - 1 : (a - 1) * (a - 1) / (2 * b) + b / 2;
        return base + 2 * (1 - b) / (39 * Math.PI) * Math.sin(39 * Math.PI * a / 2);
    }

    static double mt3Slope(double a) {
        double b = 0.01;
        double base = a <= 1 - b ? -1 : a >= 1 + b ? 1 : (a - 1) / b;
        return base + (1 - b) * Math.cos(39 * Math.PI * a / 2);
    }

    record Run(LineSearchResult result, double[] xNew, double[] gNew, long evaluations) {
    }

    static Run run(StrongWolfe search, Objective f, double direction, double initialStep) {
        Counts counts = new Counts();
        Objective counted = f.counted(counts);
        double[] x = {0};
        double[] g0 = new double[1];
        double f0 = f.valueAndGradient(x, g0);
        double[] xNew = new double[1];
        double[] gNew = new double[1];
        LineSearchResult r = search.search(counted, x, f0, g0, new double[] {direction}, initialStep, xNew, gNew);
        return new Run(r, xNew, gNew, counts.get(io.fixpoint.problem.Evaluation.VALUE));
    }

    static void assertStrongWolfe(Line f, StrongWolfe search, Run run) {
        LineSearchResult r = run.result();
        assertThat(r.success()).as("%s: %s", f.name(), r.message()).isTrue();
        double t = r.step();
        double f0 = f.phi().applyAsDouble(0);
        double g0 = f.dphi().applyAsDouble(0);
        assertThat(f.phi().applyAsDouble(t)).as("sufficient decrease on %s at %s", f.name(), t)
                .isLessThanOrEqualTo(f0 + search.c1() * t * g0);
        assertThat(Math.abs(f.dphi().applyAsDouble(t))).as("curvature on %s at %s", f.name(), t)
                .isLessThanOrEqualTo(search.c2() * Math.abs(g0));
        assertThat(run.xNew()[0]).isEqualTo(t);
        assertThat(run.gNew()[0]).isEqualTo(f.dphi().applyAsDouble(t));
        assertThat(r.value()).isEqualTo(f.phi().applyAsDouble(t));
        assertThat(run.evaluations()).isLessThanOrEqualTo(search.maxEvaluations());
    }

    @Test
    void meetsTheStrongWolfeConditionsOnMoreThuenteFunctions() {
        StrongWolfe loose = new StrongWolfe(1e-3, 0.1, 40);
        for (Line f : new Line[] {MT1, MT2, MT3}) {
            for (double t0 : new double[] {1e-3, 1e-1, 10, 1000}) {
                assertStrongWolfe(f, loose, run(loose, f, 1, t0));
            }
        }
    }

    @Test
    void findsTheMinimiserOfAQuadraticInTwoTrials() {
        Line q = new Line("quadratic", a -> (a - 2) * (a - 2), a -> 2 * (a - 2));
        StrongWolfe tight = new StrongWolfe(1e-4, 1e-3, 40);
        Run run = run(tight, q, 1, 0.5);
        assertStrongWolfe(q, tight, run);
        assertThat(run.result().step()).isCloseTo(2, within(1e-9));
        assertThat(run.evaluations()).isLessThanOrEqualTo(3);
    }

    @Test
    void shrinksBackFromNonFiniteValues() {
        StrongWolfe search = new StrongWolfe();
        for (double t0 : new double[] {3, 10, 1e6}) {
            Run run = run(search, BARRIER, 1, t0);
            assertStrongWolfe(BARRIER, search, run);
            assertThat(run.result().step()).isLessThan(3);
        }
    }

    @Test
    void failsOnAnAscentDirectionAndLeavesThePointAlone() {
        Line q = new Line("quadratic", a -> (a - 2) * (a - 2), a -> 2 * (a - 2));
        Run run = run(new StrongWolfe(), q, -1, 1);
        assertThat(run.result().success()).isFalse();
        assertThat(run.result().message()).contains("not a descent direction");
        assertThat(run.result().step()).isZero();
        assertThat(run.result().value()).isEqualTo(4);
        assertThat(run.xNew()[0]).isZero();
        assertThat(run.gNew()[0]).isEqualTo(-4);
        assertThat(run.evaluations()).isZero();
    }

    @Test
    void failsOnAnUnboundedDirectionButKeepsItsBestDecrease() {
        Line down = new Line("linear", a -> -a, a -> -1);
        Run run = run(new StrongWolfe(), down, 1, 1);
        assertThat(run.result().success()).isFalse();
        assertThat(run.result().message()).contains("unbounded");
        assertThat(run.result().step()).isGreaterThan(1e10);
        assertThat(run.xNew()[0]).isEqualTo(run.result().step());
        assertThat(run.result().value()).isEqualTo(-run.result().step());
    }

    @Test
    void failsWithinItsBudgetWhenEveryTrialIsNaN() {
        Line poisoned = new Line("nan", a -> a == 0 ? 0 : Double.NaN, a -> a == 0 ? -1 : Double.NaN);
        StrongWolfe search = new StrongWolfe(1e-4, 0.9, 25);
        Run run = run(search, poisoned, 1, 1);
        assertThat(run.result().success()).isFalse();
        assertThat(run.result().step()).isZero();
        assertThat(run.xNew()[0]).isZero();
        assertThat(run.gNew()[0]).isEqualTo(-1);
        assertThat(run.evaluations()).isEqualTo(25);
    }

    @Test
    void returnsTheBestSufficientDecreaseWhenTheBudgetRunsOut() {
        // Two trials cannot meet c₂ = 0.01 on MT1 from a tiny first step; the second (longer) one decreased f.
        StrongWolfe search = new StrongWolfe(1e-4, 0.01, 2);
        Run run = run(search, MT1, 1, 1e-3);
        assertThat(run.result().success()).isFalse();
        assertThat(run.result().step()).isGreaterThan(1e-3);
        assertThat(run.result().value()).isLessThan(MT1.phi().applyAsDouble(1e-3));
        assertThat(run.xNew()[0]).isEqualTo(run.result().step());
        assertThat(run.gNew()[0]).isEqualTo(MT1.dphi().applyAsDouble(run.result().step()));
    }

    @Test
    void rejectsInvalidConfigurations() {
        assertThatThrownBy(() -> new StrongWolfe(0.5, 0.4, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c2");
        assertThatThrownBy(() -> new StrongWolfe(0.1, 0.1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StrongWolfe(0, 0.9, 10)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("c1");
        assertThatThrownBy(() -> new StrongWolfe(1e-4, 1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new StrongWolfe(1e-4, 0.9, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> run(new StrongWolfe(), MT1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(StrongWolfe.forConjugateGradient().c2()).isEqualTo(0.1);
    }

    @Property(tries = 300, seed = "20261123")
    void strongWolfeHoldsFromAnyFirstStep(@ForAll @DoubleRange(min = -4, max = 4) double logStep,
            @ForAll @DoubleRange(min = 0.05, max = 0.95) double c2) {
        StrongWolfe search = new StrongWolfe(1e-4, c2, 40);
        for (Line f : new Line[] {MT1, MT2, BARRIER}) {
            assertStrongWolfe(f, search, run(search, f, 1, Math.pow(10, logStep)));
        }
    }
}
