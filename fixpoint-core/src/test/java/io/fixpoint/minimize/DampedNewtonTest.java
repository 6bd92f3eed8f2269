package io.fixpoint.minimize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class DampedNewtonTest {

    static Solution solveRecordingStepsizes(Objective f, double[] x0, List<Double> stepsizes) {
        return Driver.builder().tolerance(1e-10).listener((k, st, c) -> {
            if (k > 0) {
                stepsizes.add(((DampedNewton.State) st).stepsize());
            }
        }).build().solve(new DampedNewton(), f, x0);
    }

    @Property(tries = 200, seed = "20261123")
    void stepsizeIsThePapersFormulaAndLiesInTheUnitInterval(@ForAll @DoubleRange(min = -6, max = 6) double decades) {
        double lg = Math.pow(10, decades);
        double alpha = DampedNewton.stepsize(lg);
        assertThat(alpha).isGreaterThan(0).isLessThanOrEqualTo(1);
        assertThat(alpha).isCloseTo((-1 + Math.sqrt(1 + 2 * lg)) / lg, within(1e-9 * Math.max(1, alpha)));
    }

    @Test
    void stepsizeTendsToTheNewtonStep() {
        assertThat(DampedNewton.stepsize(0)).isEqualTo(1);
        assertThat(DampedNewton.stepsize(1e-12)).isCloseTo(1, within(1e-11));
    }

    @Test
    void convergesGloballyWherePureNewtonDiverges() {
        // √(1 + x²) from x₀ = 2: the pure Newton map x ↦ −x³ gives 2, −8, 512, ... (see NewtonTest)
        List<Double> stepsizes = new ArrayList<>();
        Solution s = solveRecordingStepsizes(TestObjectives.pseudoHuber(), new double[] {2}, stepsizes);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(0, within(1e-8));
        assertThat(stepsizes).allSatisfy(a -> assertThat(a).isGreaterThan(0).isLessThanOrEqualTo(1));
        assertThat(stepsizes.get(0)).as("the far start is damped").isLessThan(0.5);
        assertThat(stepsizes.get(stepsizes.size() - 1)).as("the end is pure Newton").isGreaterThan(0.99);
        double[] values = s.trace().values();
        for (int k = 1; k < values.length; k++) {
            assertThat(values[k]).isLessThan(values[k - 1]);
        }
    }

    @Test
    void convergesFromAVeryFarStart() {
        List<Double> stepsizes = new ArrayList<>();
        Solution s = solveRecordingStepsizes(TestObjectives.pseudoHuber(), new double[] {1e4}, stepsizes);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()[0]).isCloseTo(0, within(1e-8));
        assertThat(stepsizes).allSatisfy(a -> assertThat(a).isGreaterThan(0).isLessThanOrEqualTo(1));
    }

    @Test
    void convergesOnLogSumExpFromAFarStart() {
        List<Double> stepsizes = new ArrayList<>();
        Solution s = solveRecordingStepsizes(TestObjectives.logSumExp(4, 1e-3), new double[] {30, -20, 10, 5}, stepsizes);
        assertThat(s.status()).as(s.toString()).isEqualTo(Status.CONVERGED);
        assertThat(stepsizes).allSatisfy(a -> assertThat(a).isGreaterThan(0).isLessThanOrEqualTo(1));
    }

    @Test
    void reportsItsEstimateAndStepsizes() {
        Solution s = Driver.defaults().solve(new DampedNewton(), TestObjectives.rosenbrock(), new double[] {-1.2, 1});
        assertThat(s.details()).containsKeys("smoothnessEstimate", "lastStepsize", "minStepsize", "backtracks", "shiftedSteps");
        assertThat((double) s.details().get("minStepsize")).isGreaterThan(0).isLessThanOrEqualTo(1);
    }

    @Test
    void rejectsANonPositiveInitialEstimate() {
        assertThatThrownBy(() -> new DampedNewton(0)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("initialL");
        assertThatThrownBy(() -> new DampedNewton(Double.NaN)).isInstanceOf(IllegalArgumentException.class);
    }
}
