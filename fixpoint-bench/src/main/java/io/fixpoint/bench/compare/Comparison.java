package io.fixpoint.bench.compare;

import io.fixpoint.bench.suite.TestProblem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/** Runs Fixpoint and its peers on the same problems with the same settings, one tool after another. */
public final class Comparison {

    private Comparison() {
    }

    /** {@code tools} in the order to run them, Fixpoint's runner usually first. */
    public static ComparisonResult run(List<TestProblem> problems, List<Peer> tools, CompareSettings settings, Progress progress) {
        String date = now();
        long t0 = System.nanoTime();
        for (Peer t : tools) {
            progress.addWork(t.plannedSolves(problems));
        }
        List<PeerOutcome> outcomes = new ArrayList<>();
        try {
            for (Peer t : tools) {
                outcomes.add(t.run(problems, settings, progress));
            }
        } finally {
            progress.finish();
        }
        return of(date, (System.nanoTime() - t0) * 1e-9, settings, problems, outcomes);
    }

    /** A result from outcomes measured elsewhere, on this machine. */
    public static ComparisonResult of(String date, double wallSeconds, CompareSettings settings, List<TestProblem> problems,
            List<PeerOutcome> outcomes) {
        List<ComparisonResult.ProblemInfo> infos = problems.stream()
                .map(p -> new ComparisonResult.ProblemInfo(p.name(), p.dimension(), p.knownMinimum(), p.reference())).toList();
        return new ComparisonResult(date, machine(), wallSeconds, settings, infos, outcomes);
    }

    /** Now, to the second, ISO-8601 UTC. */
    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The machine in words: processors, operating system and JVM. */
    static String machine() {
        return Runtime.getRuntime().availableProcessors() + " processors, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
    }
}
