package io.fixpoint.bench.compare;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TimingTest {

    @Test
    void medianOfOddAndEvenCounts() {
        assertThat(Timing.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Timing.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Timing.median(new double[0])).isNaN();
    }

    @Test
    void keepsTheFirstResultThenWarmsUpAndRepeats() {
        AtomicInteger calls = new AtomicInteger();
        Timing.Timed<Integer> t = Timing.measure(calls::incrementAndGet, CompareSettings.DEFAULT.withWarmups(3).withRepeats(5));
        assertThat(t.result()).isEqualTo(1);
        assertThat(t.repeats()).isEqualTo(5);
        assertThat(calls.get()).isEqualTo(1 + 3 + 5);
    }

    @Test
    void aSolveSlowerThanTheBudgetIsTimedByItsFirstRun() {
        AtomicInteger calls = new AtomicInteger();
        Timing.Timed<Integer> t = Timing.measure(() -> {
            sleep(30);
            return calls.incrementAndGet();
        }, CompareSettings.DEFAULT.withSecondsPerMethod(0.01));
        assertThat(t.repeats()).isEqualTo(1);
        assertThat(calls.get()).isEqualTo(1);
        assertThat(t.seconds()).isGreaterThanOrEqualTo(0.025);
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
