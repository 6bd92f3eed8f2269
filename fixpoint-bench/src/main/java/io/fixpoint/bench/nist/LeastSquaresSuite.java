package io.fixpoint.bench.nist;

import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.NistSection;
import io.fixpoint.solve.ProblemKind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The NIST StRD certification table: every least-squares method from both starts of every dataset, beside SciPy. */
public final class LeastSquaresSuite implements Suite {

    @Override
    public String name() {
        return NistBench.SUITE;
    }

    @Override
    public String description() {
        return "every least-squares method on the 18 NIST StRD datasets from both starts, judged by LRE, beside SciPy's least_squares";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        return EnumSet.of(Choice.PROBLEMS, Choice.METHODS, Choice.PEERS);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        List<String> methods = options.chosenMethods(options.catalog().names(ProblemKind.LEAST_SQUARES));
        methods.forEach(options.catalog()::leastSquares);
        List<NistDataset> datasets = (options.problems().isEmpty() ? NistDataset.BUILT_IN : options.problems()).stream()
                .map(NistDataset::builtIn).toList();
        options.progress().stage("least-squares: fitting " + datasets.size() + " NIST datasets from both starts with " + methods.size()
                + " methods" + (options.peer("scipy", true) ? " and SciPy" : ""));
        NistBench.Table t = NistBench.run(datasets, methods, options.peer("scipy", true));
        String text = t.format();
        List<String> notes = new ArrayList<>();
        if (t.peerSkipped() != null) {
            notes.add("SciPy skipped: " + t.peerSkipped());
        }
        return new SuiteReport(name(), "Least squares (NIST StRD)", t.results(), text, NistSection.html(t), Map.of("nist.txt", text), notes,
                false, (System.nanoTime() - t0) * 1e-9);
    }
}
