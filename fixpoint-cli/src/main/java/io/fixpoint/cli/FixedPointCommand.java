package io.fixpoint.cli;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.solve.Solution;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code fixpoint fixed-point}: solve x = T(x) for a map written in the expression language. */
@Command(name = "fixed-point", mixinStandardHelpOptions = true,
        description = {"Find x with x = T(x) for a map given as expressions, or report that none exists.",
                "The certificate is the residual ‖x − T(x)‖ (Euclidean); a map without a fixed point ends with status "
                        + "NO_FIXED_POINT and its estimated displacement vector v = lim x_k − T(x_k), once that estimate has settled "
                        + "and stopped moving; the message says how far from the start a fixed point has been ruled out for certain.",
                "Exit code 0 converged, 1 not converged (NO_FIXED_POINT included), 2 bad input. "
                        + "Benchmarks: fixpoint bench-fixed-point."})
final class FixedPointCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--map", required = true, paramLabel = "EXPR; EXPR", description = "T's components, separated by ';'")
    String map;

    @Option(names = "--method", defaultValue = "anderson", paramLabel = "NAME", completionCandidates = MethodNames.FixedPoint.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String method;

    @Mixin
    DriverOptions driver;

    @Mixin
    SystemOptions system;

    @Override
    public Integer call() {
        ExpressionSystem e = system.system("--map", map);
        double[] x0 = e.start(system.start);
        var m = Catalog.builtIn().fixedPoint(method);
        Solution s = driver.solve(spec, m, e.asMap(), x0);
        system.print(spec, s, e.names(), "‖x − T(x)‖");
        return s.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
