package io.fixpoint.cli;

import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/** What the fixed-point and root commands share: the variables, the start point, JSON, and how a solution is printed. */
final class SystemOptions {
    @Option(names = "--vars", required = true, paramLabel = "x,y", description = "variable names, in the order of the expressions and --start")
    String vars;

    @Option(names = "--start", required = true, paramLabel = "1,1", description = "starting point")
    String start;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    /** The expressions of {@code option} over --vars, checked finite at --start. */
    ExpressionSystem system(String option, String text) {
        ExpressionSystem system = ExpressionSystem.parse(option, text, vars);
        system.requireFiniteAt(option, system.start(start));
        return system;
    }

    /** The solution as JSON (common fields plus residual and, for NO_FIXED_POINT, displacement) or as text. */
    void print(CommandSpec spec, Solution s, List<String> names, String certificate) {
        PrintWriter out = spec.commandLine().getOut();
        Object displacement = s.details().get("displacement");
        if (json) {
            Map<String, Object> m = Json.of(s);
            m.put("residual", Json.finiteOrString(s.optimality()));
            m.put("variables", names);
            if (s.status() == Status.NO_FIXED_POINT && displacement != null) {
                m.put("displacement", displacement);
            }
            out.println(Json.write(m));
        } else {
            out.println(s.statusText() + ": " + s.message());
            for (int i = 0; i < names.size(); i++) {
                out.printf("  %s = %.17g%n", names.get(i), s.x()[i]);
            }
            out.printf("%s = %.3e after %d iterations, evaluations %s (%s)%n", certificate, s.optimality(), s.iterations(),
                    s.evaluations().describe(), s.solver());
            if (displacement instanceof double[] v) {
                out.println("displacement v ≈ " + java.util.Arrays.toString(v));
            }
        }
        out.flush();
    }
}
