package io.fixpoint.cli;

import io.fixpoint.bench.MinimizationBench;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.bench.train.BuiltinData;
import io.fixpoint.model.Models;
import io.fixpoint.train.Optimizers;
import io.fixpoint.train.Schedules;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint list}: the built-in test problems and methods. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the built-in test problems, minimisation methods and training components.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object with 'problems' and 'methods'.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<TestProblem> problems = Catalog.problems();
        List<String> methods = Catalog.methods();
        Map<String, Integer> residuals = Catalog.residuals();
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("problems", problems.stream().map(p -> fields(p, residuals.get(p.name()))).toList());
            m.put("methods", methods.stream().map(ListCommand::method).toList());
            m.put("training", Map.of("optimizers", Optimizers.NAMES, "schedules", Schedules.NAMES, "models", Models.NAMES, "data", BuiltinData.names()));
            out.println(Json.write(m));
            return ExitCodes.OK;
        }
        out.printf("problems (%d; 'fixpoint list --json' adds the references of f*):%n", problems.size());
        int w = Math.max(4, problems.stream().mapToInt(p -> p.name().length()).max().orElse(0));
        out.printf("  %-" + w + "s %4s %4s  %-13s %s%n", "name", "n", "m", "f*", "suite");
        for (TestProblem p : problems) {
            Integer m = residuals.get(p.name());
            String fStar = p.knownMinimum() == 0 ? "0" : String.format(Locale.ROOT, "%.6g", p.knownMinimum());
            out.printf("  %-" + w + "s %4d %4s  %-13s %s%n", p.name(), p.dimension(), m == null ? "-" : m, fStar, p.suite());
        }
        out.printf("methods (%d):%n", methods.size());
        for (String m : methods) {
            out.printf("  %-16s %s%n", m, order(m));
        }
        out.println("training ('fixpoint train --list' for details):");
        out.println("  optimizers: " + String.join(", ", Optimizers.NAMES));
        out.println("  schedules:  " + String.join(", ", Schedules.NAMES));
        out.println("  models:     " + String.join(", ", Models.NAMES));
        out.println("  data:       " + String.join(", ", BuiltinData.names()));
        return ExitCodes.OK;
    }

    private static Map<String, Object> fields(TestProblem p, Integer residuals) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", p.name());
        m.put("suite", p.suite());
        m.put("dimension", p.dimension());
        if (residuals != null) {
            m.put("residuals", residuals);
        }
        m.put("knownMinimum", Json.finiteOrString(p.knownMinimum()));
        m.put("reference", p.reference());
        return m;
    }

    private static Map<String, Object> method(String name) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("order", order(name));
        return m;
    }

    private static String order(String method) {
        return MinimizationBench.SECOND_ORDER.contains(method) ? "second-order" : "first-order";
    }
}
