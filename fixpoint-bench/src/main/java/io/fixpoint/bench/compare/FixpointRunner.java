package io.fixpoint.bench.compare;

import io.fixpoint.bench.Progress;
import io.fixpoint.bench.MinimizationBench;
import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Need;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Tolerances;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Fixpoint's own minimisers, run through the same interface and the same timing protocol as the
 * JVM peer: a kept first solve, JIT warm-up, then the median of timed repeats.
 */
public final class FixpointRunner implements Peer {
    /** A single solve may not take longer than this by default (the Driver stops it with BUDGET_EXHAUSTED). */
    public static final Duration SOLVE_LIMIT = Duration.ofSeconds(10);

    private final List<SolverSpec<Objective>> methods;
    private final Duration solveLimit;

    /** {@code methods} by name in {@code catalog}, each solve stopped after {@code solveLimit}. */
    public FixpointRunner(Catalog catalog, List<String> methods, Duration solveLimit) {
        this.methods = methods.stream().map(catalog::minimizer).toList(); // unknown names fail here, with the list of known ones
        this.solveLimit = solveLimit;
    }

    public FixpointRunner(List<String> methods) {
        this(Catalog.builtIn(), methods, SOLVE_LIMIT);
    }

    @Override
    public String name() {
        return SolveRecord.FIXPOINT;
    }

    @Override
    public int plannedSolves(List<TestProblem> problems) {
        return problems.size() * methods.size();
    }

    @Override
    public PeerOutcome run(List<TestProblem> problems, CompareSettings settings, Progress progress) {
        List<SolveRecord> records = new ArrayList<>();
        List<String> excluded = new ArrayList<>();
        if (settings.warmups() > 0) {
            warmUp(problems, settings); // the JIT sees every solver on every problem before anything is timed
        }
        for (TestProblem p : problems) {
            for (SolverSpec<Objective> m : methods) {
                progress.advance("fixpoint " + m.name() + " " + p.name());
                if (!applies(m, p.objective())) {
                    excluded.add(m.name() + " on " + p.name() + ": the problem has no Hessian");
                    continue;
                }
                records.add(solve(p, m, settings, solveLimit));
            }
        }
        return new PeerOutcome(name(), "Fixpoint 0.1.0, Java " + System.getProperty("java.version"), null, List.of(), excluded,
                List.of(), records);
    }

    /** Whether the objective offers what the method needs (second derivatives, as the catalogue says). */
    public static boolean applies(SolverSpec<Objective> method, Objective f) {
        if (method.needs().contains(Need.HESSIAN)) {
            return f.hasHessian();
        }
        return !method.needs().contains(Need.HESSIAN_VECTOR) || f.hasHessianVector();
    }

    private void warmUp(List<TestProblem> problems, CompareSettings settings) {
        for (TestProblem p : problems) {
            for (SolverSpec<Objective> m : methods) {
                if (applies(m, p.objective())) {
                    try {
                        settings(m, p, settings, solveLimit).driver().solve(m.create(), p.objective(), p.start());
                    } catch (RuntimeException e) {
                        // reported by the measured solve
                    }
                }
            }
        }
    }

    /** The method's defaults with the comparison's gradient target, iteration budget and time limit. */
    private static Settings settings(SolverSpec<Objective> m, TestProblem p, CompareSettings settings, Duration limit) {
        double[] g0 = new double[p.dimension()];
        p.objective().gradient(p.start().clone(), g0);
        return m.defaults().withTolerances(Tolerances.of(settings.gradientTarget(Vectors.norm(g0)))).withMaxIterations(settings.maxIterations())
                .withTimeLimit(limit);
    }

    static SolveRecord solve(TestProblem p, SolverSpec<Objective> method, CompareSettings settings, Duration limit) {
        Settings s = settings(method, p, settings, limit);
        try {
            Timing.Timed<Solution> t = Timing.measure(() -> s.driver().solve(method.create(), p.objective(), p.start()), settings);
            return MinimizationBench.record(p, p.start(), method, t.result(), t.seconds(), t.repeats());
        } catch (RuntimeException e) {
            return SolveRecord.failed(MinimizationBench.SUITE, p.name(), p.dimension(), method.name(), method.family(),
                    SolveRecord.Outcome.ERROR, e.toString());
        }
    }
}
