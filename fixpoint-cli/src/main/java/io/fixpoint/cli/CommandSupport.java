package io.fixpoint.cli;

import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Status;
import java.io.PrintWriter;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Model.CommandSpec;

/** What the fixed-point and root commands share: the driver they run and how they print a solution. */
final class CommandSupport {
    private CommandSupport() {
    }

    static Driver driver(double tol, int maxIter) {
        return driver(tol, maxIter, null);
    }

    /** The driver for --tol, --max-iter and --time-limit (seconds; null for none). */
    static Driver driver(double tol, int maxIter, Double timeLimit) {
        if (!(tol > 0) || Double.isInfinite(tol)) {
            throw new UserError("--tol must be finite and > 0, got " + tol);
        }
        if (maxIter < 1) {
            throw new UserError("--max-iter must be ≥ 1, got " + maxIter);
        }
        Driver.Builder b = Driver.builder().tolerance(tol).maxIterations(maxIter);
        if (timeLimit != null) {
            if (!(timeLimit > 0 && timeLimit < Double.POSITIVE_INFINITY)) {
                throw new UserError("--time-limit must be a positive number of seconds, got " + timeLimit);
            }
            b.timeLimit(java.time.Duration.ofNanos((long) (timeLimit * 1e9)));
        }
        return b.build();
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
