package io.fixpoint.bench.ranking;

import io.fixpoint.bench.BenchFiles;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.RankingSection;
import io.fixpoint.solve.ProblemKind;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Bradley–Terry ranking: every ranking method of the catalogue on the fits certified against R's
 * BradleyTerry2 and on random comparison graphs, BradleyTerry2 beside them when R is installed, judged
 * by {@link RankingBench#judge}, with Newman's claimed speed-up beside the measured one. The quick run
 * is the eight certified fits and one dense random graph (30 items, 10⁴ games, σ = 3, where Newman's
 * ratio exceeds 100); {@code --full} adds fifteen random graphs of 10⁵ games (100 to 10 000 items) with
 * at least ten minutes per solve. Chosen problems are instance names.
 */
public final class RankingSuite implements Suite {
    /** The full run's smallest time budget per solve (Zermelo's iteration on 10⁴ items can take minutes). */
    static final Duration FULL_SOLVE_LIMIT = Duration.ofMinutes(10);

    @Override
    public String name() {
        return RankingBench.SUITE;
    }

    @Override
    public String description() {
        return "every ranking method on the shipped comparison data (certified against R's BradleyTerry2) and random comparison graphs "
                + "(--full: 10⁵ games), Newman's claimed speed-up beside the measured one";
    }

    @Override
    public Set<SuiteOptions.Choice> reads(SuiteOptions options) {
        return EnumSet.of(SuiteOptions.Choice.PROBLEMS, SuiteOptions.Choice.METHODS, SuiteOptions.Choice.PEERS, SuiteOptions.Choice.REPEATS,
                SuiteOptions.Choice.FULL, SuiteOptions.Choice.SOLVE_LIMIT);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        RankingBench.Settings quick = RankingBench.Settings.quick(options.catalog());
        RankingBench.Settings settings = quick.withFull(options.full())
                .withMethods(options.chosenMethods(options.catalog().names(ProblemKind.RANKING)))
                .withRepeats(options.repeatsOr(quick.repeats()))
                .withPerSolve(options.full() && options.solveLimit().compareTo(FULL_SOLVE_LIMIT) < 0 ? FULL_SOLVE_LIMIT : options.solveLimit())
                .withReference(options.peer(RankingBench.PEER, true));
        List<RankingBench.Instance> instances = chosen(options, settings);
        options.progress().addWork(instances.size() * settings.methods().size() + (settings.reference() ? 1 : 0));
        options.progress().stage("ranking: " + instances.size() + " models with " + String.join(", ", settings.methods())
                + (settings.reference() ? " and BradleyTerry2" : ""));
        RankingBench.Result r = RankingBench.run(settings, options.catalog(), instances, done -> options.progress().advance(done));
        return new SuiteReport(name(), "Ranking", r.records(), RankingBench.text(r), RankingSection.html(r),
                Map.of("summary.json", BenchFiles.json(RankingBench.summary(r))), r.notes(), false, (System.nanoTime() - t0) * 1e-9);
    }

    private static List<RankingBench.Instance> chosen(SuiteOptions options, RankingBench.Settings settings) {
        List<RankingBench.Instance> all = RankingBench.instances(settings.full());
        if (options.problems().isEmpty()) {
            return all;
        }
        List<String> names = all.stream().map(RankingBench.Instance::name).toList();
        for (String p : options.problems()) {
            if (!names.contains(p)) {
                throw new IllegalArgumentException("unknown ranking problem '" + p + "'; known: " + String.join(", ", names)
                        + (settings.full() ? "" : " (--full adds the random graphs of 10⁵ games)"));
            }
        }
        return all.stream().filter(i -> options.problems().contains(i.name())).toList();
    }
}
