package io.fixpoint.bench.fixedpoint;

import io.fixpoint.bench.BenchFiles;
import io.fixpoint.bench.Suite;
import io.fixpoint.bench.SuiteOptions;
import io.fixpoint.bench.SuiteOptions.Choice;
import io.fixpoint.bench.SuiteReport;
import io.fixpoint.bench.report.FixedPointSection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Fixed-point maps and square systems: every fixed-point and root method, the displacement estimates, beside SciPy. */
public final class FixedPointSuite implements Suite {
    /** Timing repeats unless asked otherwise; times are medians. */
    static final int REPEATS = 3;

    @Override
    public String name() {
        return FixedPointBench.SUITE;
    }

    @Override
    public String description() {
        return "every fixed-point method on the standard maps, every root method on the square MGH systems, displacement estimates on maps "
                + "without a fixed point; beside SciPy";
    }

    @Override
    public Set<Choice> reads(SuiteOptions options) {
        return EnumSet.of(Choice.PEERS, Choice.REPEATS);
    }

    @Override
    public SuiteReport run(SuiteOptions options) {
        long t0 = System.nanoTime();
        boolean scipy = options.peer("scipy", true);
        options.progress().stage("fixed-point: maps and MGH systems with every method" + (scipy ? " and SciPy" : ""));
        FixedPointBench.Report report = FixedPointBench.run(options.repeatsOr(REPEATS), scipy);
        return new SuiteReport(name(), "Fixed points and roots", report.rows(), FixedPointBench.text(report), FixedPointSection.html(report),
                Map.of("detection.json", BenchFiles.json(report.detection())), report.notes(), false, (System.nanoTime() - t0) * 1e-9);
    }
}
