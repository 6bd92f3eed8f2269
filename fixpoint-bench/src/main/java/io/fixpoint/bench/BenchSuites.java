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
import io.fixpoint.bench.SuiteOptions.Choice;
import java.util.EnumSet;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;

/**
 * Every suite {@code fixpoint bench} runs, in order; adding a suite is one line here. A suite that
 * lives in a module the command line does not carry (Spark's, whose jars the cluster provides) is
 * found on the class path through {@link ServiceLoader} and listed in {@link #ELSEWHERE}: when it is
 * absent, its place is taken by a suite that runs nothing and says how to run it.
 */
public final class BenchSuites {
    /**
     * Suites of other modules: name, the title and description they are listed under, the choices they read (so that the options
     * meant for them are accepted), and how to put them on the class path.
     */
    private static final List<AbsentSuite> ELSEWHERE = List.of(new AbsentSuite("spark", "Linear models on Apache Spark",
            "Fixpoint's L-BFGS and trust-region Newton–CG on Spark local[2] and in process beside MLlib's LogisticRegression",
            EnumSet.of(Choice.PROBLEMS, Choice.METHODS, Choice.PEERS, Choice.REPEATS, Choice.WARMUPS, Choice.FULL),
            "it needs Spark on the class path: run it as ./fixpoint bench --suites spark (the launcher adds fixpoint-spark's "
                    + "jar, Spark and its JVM flags; build them with mvn -q -B -DskipTests install)"));

    private static final List<Suite> BUILT_IN = List.of(
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

    private static final List<Suite> ALL = Stream.concat(BUILT_IN.stream(), ELSEWHERE.stream().map(BenchSuites::found)).toList();

    private BenchSuites() {
    }

    /** The suite of that name found on the class path, or the absent one that says how to get it. */
    private static Suite found(AbsentSuite absent) {
        return ServiceLoader.load(Suite.class).stream().map(ServiceLoader.Provider::get).filter(s -> s.name().equals(absent.name())).findFirst()
                .orElse(absent);
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
