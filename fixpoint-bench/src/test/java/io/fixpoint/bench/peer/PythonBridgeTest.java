package io.fixpoint.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonBridgeTest {
    @Test
    void aRunKilledAtItsTimeLimitSaysSoWhereverTheKillCaughtTheReader() {
        PythonBridge python = PythonBridge.of("python3");
        assumeTrue(python.unavailable().isEmpty(), "python3 is not installed");
        // the kill lands before the request is written, while it is read, or while stdout is read:
        // every one of those must read as a time limit, never as a failed stream
        for (long ms : new long[] {1, 5, 20, 50, 100, 200}) {
            PythonBridge.Exit exit = python.run("scipy_runner.py", Map.of("mode", "check", "problems", java.util.List.of()),
                    Duration.ofMillis(ms), line -> {});
            if (!exit.ok()) {
                assertThat(exit.timedOut()).as("limit %d ms: %s", ms, exit.describe()).isTrue();
                assertThat(exit.describe()).isEqualTo("time limit reached");
            }
        }
    }
}
