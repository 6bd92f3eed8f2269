package io.fixpoint.bench.peer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.Progress;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.bench.suite.mgh.Beale;
import io.fixpoint.bench.suite.mgh.Rosenbrock;
import io.fixpoint.bench.suite.mgh.SumOfSquares;
import io.fixpoint.bench.suite.Suites;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ScipyPeerTest {
    private static final CompareSettings FAST = CompareSettings.DEFAULT.withRepeats(1).withWarmups(0);

    static TestProblem problem(SumOfSquares f, String name) {
        return new TestProblem(name, "mgh", f.asObjective(), f.start(), 0, "MGH");
    }

    private static final List<TestProblem> PROBLEMS = List.of(problem(new Rosenbrock(), "rosenbrock"), problem(new Beale(), "beale"));

    @Test
    void aMissingInterpreterIsACleanSkip() {
        ScipyPeer peer = new ScipyPeer(PythonBridge.of("/nonexistent/bin/python3"), ScipyPeer.METHODS, Duration.ofSeconds(30), Set.of());
        assertThat(peer.unavailable()).hasValueSatisfying(m -> assertThat(m).contains("/nonexistent/bin/python3"));

        PeerOutcome out = peer.run(PROBLEMS, FAST, Progress.silent());

        assertThat(out.ran()).isFalse();
        assertThat(out.skipped()).startsWith("SciPy peer skipped").contains("no Python interpreter");
        assertThat(out.records()).isEmpty();
    }

    @Test
    void anInterpreterWithoutScipyIsACleanSkip() {
        // /bin/false runs but cannot import anything: it stands in for a Python without SciPy
        ScipyPeer peer = new ScipyPeer(PythonBridge.of("/bin/false"), ScipyPeer.METHODS, Duration.ofSeconds(30), Set.of());
        PeerOutcome out = peer.run(PROBLEMS, FAST, Progress.silent());
        assertThat(out.ran()).isFalse();
        assertThat(out.skipped()).contains("cannot import numpy, scipy");
    }

    @Test
    void aWrongPythonDefinitionIsExcludedLoudly() {
        ScipyPeer peer = new ScipyPeer(PythonBridge.of("python3"), List.of("BFGS"), Duration.ofSeconds(60), Set.of("rosenbrock"));
        assumeTrue(peer.unavailable().isEmpty(), "python3 with SciPy is not installed");

        PeerOutcome out = peer.run(PROBLEMS, FAST, Progress.silent());

        assertThat(out.ran()).isTrue();
        assertThat(out.disagreements()).singleElement().satisfies(d -> assertThat(d).startsWith("rosenbrock").contains("disagrees"));
        assertThat(out.records()).extracting(SolveRecord::problem).containsExactly("beale");
    }

    @Test
    void agreeingDefinitionsAreSolvedAndJudgedByFixpoint() {
        ScipyPeer peer = new ScipyPeer(PythonBridge.of("python3"), List.of("BFGS", "trust-ncg"), Duration.ofSeconds(60), Set.of());
        assumeTrue(peer.unavailable().isEmpty(), "python3 with SciPy is not installed");

        PeerOutcome out = peer.run(PROBLEMS, FAST, Progress.silent());

        assertThat(out.disagreements()).isEmpty();
        assertThat(out.version()).startsWith("SciPy");
        assertThat(out.records()).hasSize(4).allSatisfy(r -> {
            assertThat(r.solved()).as(r.solver() + " on " + r.problem()).isTrue();
            assertThat(r.gradientEvaluations()).isPositive();
            assertThat(r.history()).hasSize(r.iterations() + 1);
            assertThat(r.seconds()).isPositive();
        });
        assertThat(out.records()).filteredOn(r -> r.method().equals("trust-ncg")).allSatisfy(r -> assertThat(r.hessianEvaluations()).isPositive());
    }

    @Test
    void everyTestProblemHasAnAgreeingPythonDefinition() {
        ScipyPeer peer = new ScipyPeer(PythonBridge.of("python3"), List.of(), Duration.ofSeconds(60), Set.of());
        assumeTrue(peer.unavailable().isEmpty(), "python3 with SciPy is not installed");

        PeerOutcome out = peer.run(Suites.minimization(), FAST, Progress.silent());

        assertThat(out.disagreements()).isEmpty();
        assertThat(out.excluded()).isEmpty();
    }

    @Test
    void pythonJacobiansMatchComplexStepDerivatives() throws Exception {
        assumeTrue(new ScipyPeer(Duration.ofSeconds(60)).unavailable().isEmpty(), "python3 with SciPy is not installed");
        Process p = new ProcessBuilder("python3", "mgh.py").directory(new File("peers")).redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(log).isZero();
        assertThat(log).doesNotContain("MISMATCH").contains("chebyquad");
    }

    @Test
    void theTimeLimitStopsTheRunnerAndKeepsWhatFinished() {
        ScipyPeer peer = new ScipyPeer(PythonBridge.of("python3"), ScipyPeer.METHODS, Duration.ofSeconds(1), Set.of());
        assumeTrue(peer.unavailable().isEmpty(), "python3 with SciPy is not installed");
        CompareSettings slow = CompareSettings.DEFAULT.withRepeats(5).withSecondsPerMethod(10);

        long t0 = System.nanoTime();
        PeerOutcome out = peer.run(Suites.minimization(), slow, Progress.silent());
        double seconds = (System.nanoTime() - t0) * 1e-9;

        assertThat(seconds).isLessThan(20);
        if (out.ran()) {
            assertThat(out.notes()).anySatisfy(n -> assertThat(n).contains("stopped early", "time limit"));
            assertThat(out.records().size()).isLessThan(35 * ScipyPeer.METHODS.size());
        } else {
            assertThat(out.skipped()).contains("time limit");
        }
    }

    @Test
    void aProblemWithoutPythonDefinitionIsExcludedNotFailed() {
        ScipyPeer peer = new ScipyPeer(PythonBridge.of("python3"), List.of("BFGS"), Duration.ofSeconds(60), Set.of());
        assumeTrue(peer.unavailable().isEmpty(), "python3 with SciPy is not installed");

        PeerOutcome out = peer.run(List.of(problem(new Rosenbrock(), "no-such-problem")), FAST, Progress.silent());

        assertThat(out.disagreements()).isEmpty();
        assertThat(out.excluded()).singleElement().satisfies(e -> assertThat(e).contains("no Python definition"));
        assertThat(out.records()).isEmpty();
    }
}
