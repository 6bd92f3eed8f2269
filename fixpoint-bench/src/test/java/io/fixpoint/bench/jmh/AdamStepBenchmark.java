package io.fixpoint.bench.jmh;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.ParameterLayout;
import io.fixpoint.train.GradientTransformation;
import io.fixpoint.train.StepOracle;
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
 * An Adam update of 10⁷ parameters against a three-stream memory pass (STREAM's triad a = b + s·c) over
 * arrays of the same length, in the same run. {@code adamUpdate} is the optimiser as the registry builds
 * it (Adam's scaling chained with the learning rate); {@code adamStep} adds what a training step does
 * after it, w ← w + u with ‖u‖ in the same pass. The update's output is fed back as the next gradient,
 * so no copy is timed.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx2g"})
public class AdamStepBenchmark {
    static final int N = 10_000_000;

    double[] a;
    double[] b;
    double[] c;
    double[] w;
    double[] u;
    GradientTransformation adam;
    GradientTransformation.State state;
    StepOracle oracle = StepOracle.none();

    @Setup
    public void setup() {
        a = new double[N];
        b = new double[N];
        c = new double[N];
        w = new double[N];
        u = new double[N];
        for (int i = 0; i < N; i++) {
            b[i] = i * 1e-7;
            c[i] = 1 - i * 1e-7;
            w[i] = Math.sin(i);
            u[i] = Math.cos(i);
        }
        adam = Catalog.builtIn().optimizer("adam").solver(1, 0).optimizer();
        state = adam.init(ParameterLayout.vector(N), w);
    }

    @Benchmark
    public double[] triad() {
        double s = 3.0;
        for (int i = 0; i < N; i++) {
            a[i] = b[i] + s * c[i];
        }
        return a;
    }

    @Benchmark
    public double[] adamUpdate() {
        adam.update(u, state, w, oracle);
        return u;
    }

    @Benchmark
    public double adamStep() {
        adam.update(u, state, w, oracle);
        double ss = 0;
        for (int i = 0; i < N; i++) {
            ss += u[i] * u[i];
            w[i] += u[i];
        }
        return ss;
    }
}
