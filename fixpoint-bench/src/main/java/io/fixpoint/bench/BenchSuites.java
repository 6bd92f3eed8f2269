package io.fixpoint.bench;

import io.fixpoint.bench.bounded.BoundedSuite;
import io.fixpoint.bench.constrained.ConstrainedSuite;
import io.fixpoint.bench.fixedpoint.FixedPointSuite;
import io.fixpoint.bench.large.LargeSuite;
import io.fixpoint.bench.lp.LpSuite;
import io.fixpoint.bench.mdp.MdpSuite;
import io.fixpoint.bench.nist.LeastSquaresSuite;
import io.fixpoint.bench.ranking.RankingSuite;
import io.fixpoint.bench.sequence.SequenceSuite;
import io.fixpoint.bench.train.TrainingSuite;
import io.fixpoint.bench.transport.TransportSuite;
import java.util.List;

/** Every suite {@code fixpoint bench} runs, in order; adding a suite is one line here. */
public final class BenchSuites {
    private static final List<Suite> ALL = List.of(
            new MinimizationSuite(),
            new LeastSquaresSuite(),
            new FixedPointSuite(),
            new SequenceSuite(),
            new LpSuite(),
            new TransportSuite(),
            new MdpSuite(),
            new RankingSuite(),
            new BoundedSuite(),
            new LargeSuite(),
            new ConstrainedSuite(),
            new TrainingSuite());

    private BenchSuites() {
    }

    public static List<Suite> all() {
        return ALL;
    }

    public static List<String> names() {
        return ALL.stream().map(Suite::name).toList();
    }

    /** The suite called {@code name} (British spellings accepted), or an exception naming the suites. */
    public static Suite byName(String name) {
        String n = name.replace("minimisation", "minimization");
        return ALL.stream().filter(s -> s.name().equals(n)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown suite '" + name + "'; known suites: " + String.join(", ", names())));
    }
}
