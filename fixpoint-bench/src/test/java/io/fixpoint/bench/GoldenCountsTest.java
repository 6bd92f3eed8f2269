package io.fixpoint.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fixpoint.bench.bounded.BoundedBench;
import io.fixpoint.bench.fixedpoint.FixedPointBench;
import io.fixpoint.bench.large.LargeScaleBench;
import io.fixpoint.bench.lp.LpBench;
import io.fixpoint.bench.lp.Netlib;
import io.fixpoint.bench.mdp.MdpBench;
import io.fixpoint.bench.nist.NistBench;
import io.fixpoint.bench.nist.NistDataset;
import io.fixpoint.bench.ranking.RankingBench;
import io.fixpoint.bench.suite.BoundedProblems;
import io.fixpoint.bench.suite.BoundedTestProblem;
import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.bench.suite.Suites;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.bench.suite.hs.HockSchittkowski;
import io.fixpoint.bench.train.TrainingBench;
import io.fixpoint.bench.transport.TransportBench;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.lp.LpResult;
import io.fixpoint.lp.LpSettings;
import io.fixpoint.lp.LpSolver;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.BoundedObjective;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.problem.Objective;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.problem.Recurrence;
import io.fixpoint.ranking.Ranking;
import io.fixpoint.ranking.RankingFit;
import io.fixpoint.sequence.Cells;
import io.fixpoint.sequence.Sequences;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The counts every landed benchmark measures, frozen as golden files: iterations and evaluations of
 * each solve, its status, and its final value to the last bit. A change that moves one of them is a
 * change of behaviour and must say so by regenerating the file
 * ({@code mvn -pl fixpoint-bench test -Dtest=GoldenCountsTest -Dgolden.write=true}) in its own commit.
 */
class GoldenCountsTest {
    private static final Path DIR = Path.of("src/test/resources/golden");
    private static final Catalog CATALOG = Catalog.builtIn();
    /** The suites' options without peers or a time limit, so that a loaded machine cannot move a row. */
    private static final SuiteOptions UNTIMED = SuiteOptions.DEFAULT.withPeers(List.of()).withSolveLimit(Duration.ofDays(1));

    @Test
    void minimizationBench() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("problem\tmethod\tstatus\titerations\tevaluations\tvalue");
        MinimizationBench.builder().timeLimit(UNTIMED.solveLimit()).build().run(Suites.minimization(), CATALOG.names(ProblemKind.MINIMIZATION), (done, total, r) -> rows.add(
                String.join("\t", r.problem(), r.method(), r.statusText(), String.valueOf(r.iterations()), counts(r.evaluations()),
                        hex(r.value()))));
        compare("minimization.tsv", rows);
    }

    @Test
    void nistTable() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("dataset\tstart\tmethod\tstatus\tresiduals\tjacobians\trss\tparameterLre\trssLre");
        for (String name : NistDataset.BUILT_IN) {
            NistDataset d = NistDataset.builtIn(name);
            for (int start = 1; start <= 2; start++) {
                for (String m : CATALOG.names(ProblemKind.LEAST_SQUARES)) {
                    SolveRecord r = NistBench.fit(d, start, m);
                    rows.add(String.join("\t", name, String.valueOf(start), m, r.statusText(), String.valueOf(r.count("residual")),
                            String.valueOf(r.count("jacobian")), hex(r.figure("rss", Double.NaN)), hex((double[]) r.figures().get("parameterLre")),
                            hex(NistBench.rssLre(r))));
                }
            }
        }
        compare("nist.tsv", rows);
    }

    @Test
    void fixedPointAndRootTables() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("section\tproblem\tmethod\tstatus\titerations\tevaluations\tjacobians\tresidual");
        FixedPointBench.Report report = FixedPointBench.run(1, false);
        for (SolveRecord r : report.rows()) {
            rows.add(String.join("\t", FixedPointBench.section(r), r.problem(), r.method(), r.statusText(), String.valueOf(r.iterations()),
                    String.valueOf(FixedPointBench.evaluations(r)), String.valueOf(r.count("jacobian")), hex(r.optimality())));
        }
        for (var d : report.detection()) {
            rows.add(String.join("\t", "detection", d.map(), d.method(), hex(d.iterateErrors()), hex(d.residualErrors()),
                    hex(d.extrapolatedErrors())));
        }
        compare("fixed-point.tsv", rows);
    }

    /** The quick sequence sweep's configurations (T ≤ 10⁵) and every cell once, solved without timing. */
    @Test
    void sequenceSweep() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("cell\tD\tT\tmethod\tthreads\tstatus\titerations\tmaxDeviation");
        List<String[]> configs = new ArrayList<>();
        for (String t : List.of("1000", "10000", "100000")) {
            for (String m : List.of("deer", "quasi-deer", "jacobi", "gauss-seidel")) {
                configs.add(new String[] {"gru", "2", t, m});
            }
        }
        for (String t : List.of("1000", "10000")) {
            for (String m : List.of("deer", "quasi-deer", "jacobi", "gauss-seidel")) {
                configs.add(new String[] {"gru", "8", t, m});
            }
        }
        configs.add(new String[] {"gru", "8", "100000", "deer"});
        configs.add(new String[] {"gru", "8", "100000", "gauss-seidel"});
        configs.add(new String[] {"gru", "32", "1000", "deer"});
        configs.add(new String[] {"gru", "32", "1000", "gauss-seidel"});
        for (String cell : Cells.NAMES) {
            for (String m : CATALOG.names(ProblemKind.SEQUENCE)) {
                configs.add(new String[] {cell, "4", "300", m});
            }
        }
        for (String[] c : configs) {
            Recurrence p = Cells.recurrence(c[0], Integer.parseInt(c[1]), Integer.parseInt(c[2]), 42);
            double[] reference = p.sequential();
            for (int threads = 1; threads <= 2; threads++) {
                try (ParallelExecutor ex = ParallelExecutor.of(threads)) {
                    SolverSpec<Recurrence> spec = CATALOG.sequence(c[3]);
                    Solution s = spec.solve(p, Sequences.constantGuess(p), Sequences.capped(spec.defaults(), p), SolverContext.of(ex));
                    rows.add(String.join("\t", c[0], c[1], c[2], c[3], String.valueOf(threads), s.status().name(),
                            String.valueOf(s.iterations()), hex(Sequences.maxDeviation(s.x(), reference))));
                }
            }
        }
        compare("sequence.tsv", rows);
    }

    /** The LP suite's quick subset: every LP method on every model, with the suite's iteration budget and no time limit. */
    @Test
    void lpQuickSubset() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("model\tmethod\tstatus\titerations\tmatrixVector\tobjective\trelativeKkt");
        int iterations = LpBench.Settings.quick().iterations();
        for (String model : Netlib.QUICK) {
            LinearProgram lp = Netlib.load(model).program();
            for (String m : CATALOG.names(ProblemKind.LINEAR_PROGRAM)) {
                SolverSpec<LinearProgram> spec = CATALOG.linearProgram(m);
                LpResult r = LpSolver.solve(lp, spec, LpSettings.of(spec.defaults().withMaxIterations(iterations)));
                rows.add(String.join("\t", model, m, r.statusName(), String.valueOf(r.iterations()), String.valueOf(r.matrixVectorProducts()),
                        hex(r.objective()), hex(r.kkt().relative())));
            }
        }
        compare("lp.tsv", rows);
    }

    /** The bounded suite's problems with every bounded method under the suite's settings. */
    @Test
    void boundedSuite() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("problem\tmethod\tstatus\titerations\tevaluations\tvalue");
        for (BoundedTestProblem p : BoundedProblems.problems()) {
            for (String m : CATALOG.names(ProblemKind.BOUNDED)) {
                SolverSpec<BoundedObjective> spec = CATALOG.bounded(m);
                Solution s = BoundedBench.settings(spec, p).withTimeLimit(null).driver().solve(spec.create(), p.problem(), p.start());
                rows.add(String.join("\t", p.name(), m, s.statusText(), String.valueOf(s.iterations()), counts(s.evaluations().byName()),
                        hex(s.value())));
            }
        }
        compare("bounded.tsv", rows);
    }

    /** The large-scale suite's quick size (n = 10³) with every Fixpoint method under the suite's settings (no time limit). */
    @Test
    void largeSuiteQuickSize() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("problem\tn\tmethod\tstatus\titerations\tevaluations\tvalue");
        LargeScaleBench.Settings settings = LargeScaleBench.Settings.quick();
        for (int n : settings.dimensions()) {
            for (String name : settings.problems()) {
                TestProblem t = Suites.problem(name, n);
                for (String m : settings.javaMethods()) {
                    SolverSpec<Objective> spec = CATALOG.minimizer(m);
                    Solution s = LargeScaleBench.settings(spec, t, settings).driver().solve(spec.create(), t.objective(), t.start());
                    rows.add(String.join("\t", name, String.valueOf(n), m, s.statusText(), String.valueOf(s.iterations()),
                            counts(s.evaluations().byName()), hex(s.value())));
                }
            }
        }
        compare("large.tsv", rows);
    }

    /** Every Hock–Schittkowski problem with every constrained method under the catalogue's settings. */
    @Test
    void constrainedSuite() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("problem\tmethod\tstatus\titerations\tevaluations\tvalue\toptimality");
        for (ConstrainedTestProblem p : HockSchittkowski.problems()) {
            for (String m : CATALOG.names(ProblemKind.CONSTRAINED)) {
                SolverSpec<ConstrainedProblem> spec = CATALOG.constrained(m);
                Solution s = spec.solve(p.problem(), p.projectedStart());
                rows.add(String.join("\t", p.name(), m, s.statusText(), String.valueOf(s.iterations()), counts(s.evaluations().byName()),
                        hex(s.value()), hex(s.optimality())));
            }
        }
        compare("constrained.tsv", rows);
    }

    /** The transport suite's quick run without POT, under no time limit: every Fixpoint solve of the ratio table and beside POT. */
    @Test
    void transportQuickRun() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("part\tproblem\tmethod\tstatus\titerations\tevaluations\tcost\tmarginalError");
        for (SolveRecord r : TransportBench.standard(false).run(UNTIMED).records()) {
            rows.add(String.join("\t", (String) r.figures().get("part"), r.problem(), r.method(), r.statusText(), String.valueOf(r.iterations()),
                    counts(r.evaluations()), hex(r.value()), hex(r.optimality())));
        }
        compare("transport.tsv", rows);
    }

    /** The mdp suite's quick run under no time limit: the curves' Bellman errors at every mark, and every method on every process. */
    @Test
    void mdpQuickRun() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("part\tproblem\tmethod\tstatus\titerations\tevaluations\tvalue\tresidual\tbellmanErrorAtMarks");
        MdpBench.Result result = MdpBench.standard(false).run(UNTIMED);
        for (SolveRecord r : result.records()) {
            boolean curve = "curve".equals(r.figures().get("part"));
            rows.add(String.join("\t", (String) r.figures().get("part"), r.problem(), r.method(), r.statusText(), String.valueOf(r.iterations()),
                    counts(r.evaluations()), hex(r.value()), hex(r.optimality()),
                    curve ? hex(MdpBench.marks(result.horizon()).stream().mapToDouble(k -> MdpBench.at(r, k)).toArray()) : ""));
        }
        compare("mdp.tsv", rows);
    }

    /** The ranking suite's quick models: every ranking method to ‖∇f‖ ≤ 1e-10 with the suite's iteration budget and no time limit. */
    @Test
    void rankingQuickModels() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("model\tmethod\tstatus\titerations\tevaluations\tgradientNorm\tlogLikelihood");
        int iterations = RankingBench.Settings.quick(CATALOG).maxIterations();
        for (RankingBench.Instance instance : RankingBench.instances(false)) {
            for (String m : CATALOG.names(ProblemKind.RANKING)) {
                SolverSpec<RankingProblem> spec = CATALOG.ranking(m);
                try {
                    RankingFit f = Ranking.fit(instance.model(), spec, spec.defaults().override(RankingBench.TOLERANCE, null, iterations, null),
                            false);
                    rows.add(String.join("\t", instance.name(), m, f.status().name(), String.valueOf(f.iterations()),
                            counts(f.solution().evaluations().byName()), hex(f.gradientNorm()), hex(f.logLikelihood())));
                } catch (IllegalArgumentException e) {
                    rows.add(String.join("\t", instance.name(), m, "n/a", "", "", "", ""));
                }
            }
        }
        compare("ranking.tsv", rows);
    }

    /** The training suite's quick run without PyTorch: every optimiser's defaults on the quick workloads, steps to target and final losses. */
    @Test
    void trainingQuickRun() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("workload\toptimizer\tstatus\tsteps\tstepsToTarget\tevaluations\tfinalHeldOutLoss\tlastMinibatchLoss");
        TrainingBench.Result r = new TrainingBench(CATALOG).run(TrainingBench.Settings.of(CATALOG.names(ProblemKind.TRAINING), false, false),
                line -> { });
        for (TrainingBench.Row row : r.rows()) {
            Solution s = row.solution();
            rows.add(String.join("\t", row.workload(), row.optimizer(), s.status().name(), String.valueOf(s.iterations()),
                    String.valueOf(row.stepsToTarget()), counts(s.evaluations().byName()), hex(row.finalHeldOutLoss()), hex(s.value())));
        }
        compare("training.tsv", rows);
    }

    private static String counts(Map<String, Long> byName) {
        return byName.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
    }

    private static String hex(double v) {
        return Double.toHexString(v);
    }

    private static String hex(double[] v) {
        return java.util.Arrays.stream(v).mapToObj(Double::toHexString).collect(Collectors.joining(","));
    }

    private static void compare(String file, List<String> rows) throws IOException {
        Path path = DIR.resolve(file);
        String actual = String.join("\n", rows) + "\n";
        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(DIR);
            Files.writeString(path, actual);
            return;
        }
        List<String> expected = Files.readAllLines(path);
        for (int i = 0; i < Math.min(expected.size(), rows.size()); i++) {
            assertEquals(expected.get(i), rows.get(i), file + " line " + (i + 1));
        }
        assertEquals(expected.size(), rows.size(), file + ": number of rows");
    }
}
