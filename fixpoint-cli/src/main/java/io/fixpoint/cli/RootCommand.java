package io.fixpoint.cli;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.solve.Solution;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint root}: solve F(x) = 0 for a square system written in the expression language. */
@Command(name = "root", mixinStandardHelpOptions = true,
        description = {"Solve the square system F(x) = 0 given as expressions, with exact Jacobians by automatic differentiation.",
                "The certificate is ‖F(x)‖ (Euclidean), confirmed by a small Newton step ‖J⁺F‖ ≤ 1e-3·(1 + ‖x‖): where F only "
                        + "flattens out (an asymptote) the solve ends STALLED. Exit code 0 converged, 1 not converged, 2 bad input. "
                        + "Benchmarks: fixpoint bench-fixed-point."})
final class RootCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--equations", required = true, paramLabel = "EXPR; EXPR", description = "F's components, separated by ';'")
    String equations;

    @Option(names = "--method", defaultValue = "hybrid", paramLabel = "NAME", completionCandidates = MethodNames.Root.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE}; 'fixpoint list' describes them)")
    String method;

    @Mixin
    DriverOptions driver;

    @Mixin
    SystemOptions system;

    @Override
    public Integer call() {
        ExpressionSystem e = system.system("--equations", equations);
        double[] x0 = e.start(system.start);
        var m = Catalog.builtIn().root(method);
        Solution s = driver.solve(spec, m, e.asRootProblem(), x0);
        system.print(spec, s, e.names(), "‖F(x)‖");
        return s.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
