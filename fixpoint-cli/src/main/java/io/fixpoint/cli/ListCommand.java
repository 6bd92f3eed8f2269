package io.fixpoint.cli;

import io.fixpoint.bench.BenchSuites;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.nist.NistDataset;
import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.bench.train.BuiltinData;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.model.Models;
import io.fixpoint.solve.Need;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.train.Schedules;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint list}: every method of every family (from the catalogue), the test problems, NIST datasets, training components and bench suites. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List every method of every problem kind (the optimisers under training), the built-in test problems, NIST datasets, "
                + "the schedules, models and datasets of 'fixpoint train', and the bench suites.")
final class ListCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print one JSON object with 'methods', 'problems', 'nistDatasets', 'training' and 'suites'.")
    boolean json;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = Catalog.builtIn();
        List<TestProblem> problems = Suites.minimization();
        Map<String, Integer> residuals = Mgh.problems().stream().collect(Collectors.toMap(Mgh.Entry::name, e -> e.function().m()));
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("methods", catalog.all().stream().map(ListCommand::method).toList());
            m.put("problems", problems.stream().map(p -> fields(p, residuals.get(p.name()))).toList());
            m.put("nistDatasets", NistDataset.BUILT_IN);
            m.put("training", Map.of("schedules", Schedules.NAMES, "models", Models.NAMES, "data", BuiltinData.names()));
            m.put("suites", BenchSuites.all().stream().map(s -> Map.of("name", s.name(), "description", s.description())).toList());
            out.println(Json.write(m));
            return ExitCodes.OK;
        }
        out.printf("methods (%d; --method NAME of the command for that kind; * the default):%n", catalog.all().size());
        String name = "    %-" + (catalog.all().stream().mapToInt(s -> s.name().length()).max().orElse(0) + 2) + "s %s%s%n";
        for (ProblemKind kind : ProblemKind.values()) {
            List<SolverSpec<?>> specs = catalog.of(kind);
            if (specs.isEmpty()) {
                continue;
            }
            out.printf("  %s — %s%n", kind.label(), kind.description());
            String first = catalog.defaultMethod(kind);
            for (SolverSpec<?> s : specs) {
                out.printf(name, s.name() + (s.name().equals(first) ? " *" : ""), s.description(), needs(s));
            }
        }
        out.printf("%nminimisation test problems (%d; 'fixpoint solve --problem NAME'):%n", problems.size());
        int w = Math.max(4, problems.stream().mapToInt(p -> p.name().length()).max().orElse(0));
        out.printf("  %-" + w + "s %4s %4s  %-13s %s%n", "name", "n", "m", "f*", "suite");
        for (TestProblem p : problems) {
            Integer m = residuals.get(p.name());
            String fStar = p.knownMinimum() == 0 ? "0" : String.format(Locale.ROOT, "%.6g", p.knownMinimum());
            out.printf("  %-" + w + "s %4d %4s  %-13s %s%n", p.name(), p.dimension(), m == null ? "-" : m, fStar, p.suite());
        }
        out.printf("%nNIST StRD datasets ('fixpoint fit NAME'):%n  %s%n", String.join(", ", NistDataset.BUILT_IN));
        out.printf("%ntraining ('fixpoint train'; its optimisers are the training methods above):%n");
        out.println("  schedules: " + String.join(", ", Schedules.NAMES));
        out.println("  models:    " + String.join(", ", Models.NAMES));
        out.println("  data:      " + String.join(", ", BuiltinData.names()));
        out.printf("%nbench suites ('fixpoint bench --suites NAME'):%n");
        for (Suite s : BenchSuites.all()) {
            out.printf("  %-14s %s%n", s.name(), s.description());
        }
        return ExitCodes.OK;
    }

    private static String needs(SolverSpec<?> s) {
        if (s.needs().contains(Need.HESSIAN)) {
            return " [needs the Hessian]";
        }
        return s.needs().contains(Need.HESSIAN_VECTOR) ? " [needs Hessian–vector products]" : "";
    }

    private static Map<String, Object> method(SolverSpec<?> s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", s.name());
        m.put("kind", s.kind().label());
        m.put("family", s.family());
        m.put("needs", s.needs().stream().map(n -> n.name().toLowerCase(Locale.ROOT)).sorted().toList());
        m.put("order", s.secondOrder() ? "second-order" : "first-order");
        m.put("description", s.description());
        Settings d = s.defaults();
        Map<String, Object> defaults = new LinkedHashMap<>();
        defaults.put("absoluteTolerance", d.tolerances().absolute());
        defaults.put("relativeTolerance", d.tolerances().relative());
        defaults.put("relativeToleranceCeiling", d.tolerances().ceiling());
        defaults.put("maxIterations", d.maxIterations());
        m.put("defaults", defaults);
        return m;
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
}
