package io.fixpoint.bench.jmh;

import io.fixpoint.bench.train.BuiltinData;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.model.Activation;
import io.fixpoint.model.Models;
import io.fixpoint.train.MinibatchSolver;
import io.fixpoint.train.Training;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One epoch of AdamW on the MLP 64→64→10 (ReLU) on digits' 1437 training rows, batches of 32, one
 * thread: the Fixpoint side of the throughput comparison with PyTorch ({@link TrainingPerformance}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MlpEpochBenchmark {
    Models.Setup setup;
    MinibatchSolver solver;
    Training training;

    @Setup
    public void setup() {
        setup = Models.forTable("mlp:64", BuiltinData.table("digits"), 0, 0, Activation.RELU);
        solver = Catalog.builtIn().optimizer("adamw").solver(32, 0);
        training = Training.builder(solver, Catalog.builtIn().training("adamw").defaults()).epochs(1, setup.train()).build();
    }

    @Benchmark
    public double epoch() {
        return training.run(setup.train(), setup.initial().clone()).solution().value();
    }
}
