package io.fixpoint.cli;

import io.fixpoint.bench.fixedpoint.FixedPointBench;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint bench-fixed-point}: fixed-point and root methods on the standard maps and MGH systems, beside SciPy. */
@Command(name = "bench-fixed-point", mixinStandardHelpOptions = true,
        description = {"Benchmark the fixed-point and root methods, beside SciPy.",
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

    @Option(names = "--json", description = "one JSON object per solve, then one per detection row")
    boolean json;

    @Override
    public Integer call() {
        if (repeats < 1) {
            throw new UserError("--repeats must be ≥ 1, got " + repeats);
        }
        FixedPointBench.Report report = FixedPointBench.run(repeats, !noScipy);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            for (FixedPointBench.Row r : report.rows()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("section", r.section());
                m.put("problem", r.problem());
                m.put("peer", r.peer());
                m.put("method", r.method());
                m.put("status", r.status());
                m.put("solved", r.solved());
                m.put("iterations", r.iterations());
                m.put("evaluations", r.evaluations());
                m.put("jacobians", r.jacobians());
                m.put("residual", Json.finiteOrString(r.residual()));
                m.put("seconds", r.seconds());
                out.println(Json.write(m));
            }
            report.detection().forEach(d -> out.println(Json.write(d)));
        } else {
            out.print(FixedPointBench.text(report));
        }
        out.flush();
        return ExitCodes.OK;
    }
}
