package io.fixpoint.cli;

import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What the fixed-point and root commands share: how they print a solution. */
final class CommandSupport {
    private CommandSupport() {
    }

    /** The solution as JSON (common fields plus residual and, for NO_FIXED_POINT, displacement) or as text. */
    static void print(CommandSpec spec, Solution s, List<String> names, String certificate, boolean json) {
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
            out.println(s.status() + ": " + s.message());
            for (int i = 0; i < names.size(); i++) {
                out.printf("  %s = %.17g%n", names.get(i), s.x()[i]);
            }
            out.printf("%s = %.3e after %d iterations, evaluations %s (%s)%n", certificate, s.optimality(), s.iterations(),
                    s.evaluations(), s.solver());
            if (displacement instanceof double[] v) {
                out.println("displacement v ≈ " + java.util.Arrays.toString(v));
            }
        }
        out.flush();
    }
}
