package io.fixpoint.cli;

import io.fixpoint.bench.Progress;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.fixedpoint.FixedPointSuite;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint bench-fixed-point}: the fixed-point suite alone (the same as {@code bench --suites fixed-point}). */
@Command(name = "bench-fixed-point", mixinStandardHelpOptions = true,
        description = {"Benchmark the fixed-point and root methods, beside SciPy (the same as 'fixpoint bench --suites fixed-point').",
                "Every fixed-point method on the standard maps (contractive linear, averaged rotation, cos, a nonlinear "
                        + "elliptic PDE, the Sinkhorn scaling map), every root method on the square MGH systems, and the "
                        + "displacement estimates on maps without a fixed point. SciPy (scipy.optimize.root hybr, broyden1, "
                        + "anderson, krylov; scipy.optimize.fixed_point) runs on the same problems in the same run when python3 "
                        + "with SciPy is installed, and is skipped otherwise."})
final class BenchFixedPointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--repeats", defaultValue = "3", description = "timing repeats; times are medians (default ${DEFAULT-VALUE})")
    int repeats;

    @Option(names = "--no-scipy", description = "do not run the SciPy peer")
    boolean noScipy;

    @Option(names = "--json", description = "one JSON object per solve, one per line")
    boolean json;

    @Option(names = "--report", paramLabel = "DIR", description = "also write the report (index.html, fixed-point/…) to DIR")
    Path reportDir;

    @Override
    public Integer call() {
        if (repeats < 1) {
            throw new UserError("--repeats must be ≥ 1, got " + repeats);
        }
        SuiteOptions options = SuiteOptions.DEFAULT.withRepeats(repeats).withPeers(noScipy ? List.of() : null).withProgress(Progress.on(spec.commandLine().getErr()));
        return SuiteRun.run(List.of(new FixedPointSuite()), options, json, reportDir, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
}
