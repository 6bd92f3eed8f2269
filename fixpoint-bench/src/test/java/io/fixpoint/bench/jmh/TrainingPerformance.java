package io.fixpoint.bench.jmh;

import io.fixpoint.bench.train.TorchTiming;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs both JMH benchmarks and PyTorch's time per epoch in one run and prints the ratios:
 * <pre>
 *   mvn -q -pl fixpoint-bench -am test-compile
 *   java -cp "fixpoint-bench/target/test-classes:fixpoint-bench/target/classes:$(cat cp.txt)" io.fixpoint.bench.jmh.TrainingPerformance
 * </pre>
 * where cp.txt is {@code mvn -pl fixpoint-bench dependency:build-classpath -Dmdep.outputFile=cp.txt}.
 */
public final class TrainingPerformance {
    private TrainingPerformance() {
    }

    public static void main(String[] args) throws RunnerException {
        Collection<RunResult> results = new Runner(new OptionsBuilder().include(AdamStepBenchmark.class.getSimpleName())
                .include(MlpEpochBenchmark.class.getSimpleName()).build()).run();
        Map<String, Double> ms = results.stream().collect(Collectors.toMap(r -> r.getParams().getBenchmark().replaceAll(".*\\.", ""),
                r -> r.getPrimaryResult().getScore(), (x, y) -> x));
        double triad = ms.get("triad");
        System.out.printf(Locale.ROOT, "%nAdam on 10^7 parameters: update %.2f ms (%.2f× the triad's %.2f ms); with w ← w + u: %.2f ms (%.2f×)%n",
                ms.get("adamUpdate"), ms.get("adamUpdate") / triad, triad, ms.get("adamStep"), ms.get("adamStep") / triad);
        double epoch = ms.get("epoch") / 1000;
        System.out.printf(Locale.ROOT, "MLP on digits, one AdamW epoch (JMH): %.4f s%n", epoch);
        TorchTiming.Comparison t = TorchTiming.compare(io.fixpoint.catalog.Catalog.builtIn(), System.out::println);
        System.out.println(t.describe());
        if (t.status().equals("ok")) {
            System.out.printf(Locale.ROOT, "throughput, Fixpoint / PyTorch: %.2f (1 PyTorch thread), %.2f (%d PyTorch threads)%n",
                    t.torchOneThreadSecondsPerEpoch() / epoch, t.torchAllThreadsSecondsPerEpoch() / epoch, t.torchThreads());
        }
    }
}
