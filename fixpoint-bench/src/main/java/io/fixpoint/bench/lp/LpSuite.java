package io.fixpoint.bench.lp;

import io.fixpoint.bench.BenchFiles;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.LpSection;
import io.fixpoint.solve.ProblemKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linear programs: every LP method of the catalogue beside OR-Tools (PDLP, Glop, HiGHS) and SciPy's
 * {@code linprog(method="highs")}, judged by {@link LpJudge}. The quick run is the Netlib quick subset
 * with the run's time limit per solve; {@code --full} runs all Netlib models (at least 60 s per solve)
 * and the large generated programs (at least 300 s per solve, each in a JVM of its own, memory measured).
 * Chosen problems are Netlib names or {@code gen:SPEC} programs.
 */
public final class LpSuite implements Suite {
    /** The full run's smallest time budgets per solve. */
    static final double NETLIB_SECONDS = 60;
    static final double LARGE_SECONDS = 300;

    @Override
    public String name() {
        return LpBench.SUITE;
    }

    @Override
    public String description() {
        return "every LP method on the quick Netlib subset (--full: all 61 Netlib models and large generated programs) beside OR-Tools "
                + "PDLP, Glop, HiGHS and SciPy's linprog";
    }

    @Override
    public Set<SuiteOptions.Choice> reads(SuiteOptions options) {
        return EnumSet.of(SuiteOptions.Choice.PROBLEMS, SuiteOptions.Choice.METHODS, SuiteOptions.Choice.PEERS, SuiteOptions.Choice.FULL,
                SuiteOptions.Choice.SOLVE_LIMIT);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        List<String> methods = options.chosenMethods(options.catalog().names(ProblemKind.LINEAR_PROGRAM));
        List<String> peers = new ArrayList<>();
        if (options.peer("ortools", true)) {
            peers.addAll(LpBench.ORTOOLS);
        }
        if (options.peer("scipy", true)) {
            peers.add(LpBench.SCIPY);
        }
        double limit = options.solveLimit().toNanos() * 1e-9;
        List<Plan> plan = new ArrayList<>();
        if (!options.problems().isEmpty()) {
            List<String> models = options.problems().stream().map(LpSuite::model).toList();
            plan.add(new Plan("Chosen programs", LpBench.Settings.quick().withModels(models), methods, peers, limit));
        } else if (!options.full()) {
            plan.add(new Plan("Netlib, the quick subset", LpBench.Settings.quick(), methods, peers, limit));
        } else {
            plan.add(new Plan("Netlib, every model", LpBench.Settings.netlib(), methods, peers, Math.max(limit, NETLIB_SECONDS)));
            List<String> large = options.methods().isEmpty() ? LpBench.Settings.large().methods() : methods;
            plan.add(new Plan("Large generated programs", LpBench.Settings.large(), large,
                    peers.stream().filter(LpBench.ORTOOLS::contains).toList(), Math.max(limit, LARGE_SECONDS)));
        }
        int solves = plan.stream().mapToInt(p -> p.settings().models().size() * (p.settings().methods().size() + p.settings().peers().size()))
                .sum();
        options.progress().addWork(solves);
        List<LpSection.Part> parts = new ArrayList<>();
        List<SolveRecord> records = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        Map<String, Object> summary = new LinkedHashMap<>();
        for (Plan planned : plan) {
            options.progress().stage("lp: " + planned.title() + " with " + String.join(", ", planned.settings().methods())
                    + (planned.settings().peers().isEmpty() ? "" : " and " + String.join(", ", planned.settings().peers())));
            LpBench.Result r = LpBench.run(planned.settings(), options.catalog(),
                    run -> options.progress().advance(run.model() + " " + run.solver()));
            parts.add(new LpSection.Part(planned.title(), r));
            records.addAll(r.records());
            r.notes().stream().filter(n -> !notes.contains(n)).forEach(notes::add);
            text.append(planned.title()).append('\n').append(r.text()).append('\n');
            summary.put(planned.title(), LpBench.json(r));
        }
        return new SuiteReport(name(), "Linear programs", records, text.toString(), LpSection.html(parts, notes),
                Map.of("summary.json", BenchFiles.json(summary)), notes, false, (System.nanoTime() - t0) * 1e-9);
    }

    /** A chosen problem as the bench names it: a Netlib name, or gen:SPEC as it is (the generator checks it). */
    private static String model(String problem) {
        if (problem.startsWith("gen:")) {
            return problem;
        }
        if (!Netlib.ALL.contains(problem)) {
            throw new IllegalArgumentException("unknown lp problem '" + problem + "'; known: the Netlib models " + String.join(", ", Netlib.ALL)
                    + ", or gen:SPEC");
        }
        return "netlib:" + problem;
    }

    /** A set of programs to run: the preset narrowed to the chosen methods and peers, with its time budget per solve. */
    private record Plan(String title, LpBench.Settings settings) {
        Plan(String title, LpBench.Settings preset, List<String> methods, List<String> peers, double seconds) {
            this(title, preset.withMethods(methods).withPeers(peers).withSeconds(seconds));
        }
    }
}
