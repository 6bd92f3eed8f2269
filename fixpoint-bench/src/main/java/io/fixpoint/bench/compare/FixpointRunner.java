package io.fixpoint.bench.compare;

import io.fixpoint.bench.BenchResult;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.minimize.Minimizers;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Evaluations;
import io.fixpoint.solve.Solution;
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

    private final List<String> methods;
    private final Duration solveLimit;

    public FixpointRunner(List<String> methods) {
        this(methods, SOLVE_LIMIT);
    }

    /** {@code methods} by name, each solve stopped after {@code solveLimit}. */
    public FixpointRunner(List<String> methods, Duration solveLimit) {
        this.methods = List.copyOf(methods);
        this.solveLimit = solveLimit;
        methods.forEach(Minimizers::byName); // unknown names fail here, with the list of known ones
    }

    /** Every registered minimiser. */
    public static FixpointRunner allMinimizers() {
        List<String> names = new ArrayList<>();
        Minimizers.names().forEach(names::add);
        return new FixpointRunner(names);
    }

    public List<String> methods() {
        return methods;
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
            for (String m : methods) {
                progress.advance("fixpoint " + m + " " + p.name());
                if (!applies(m, p)) {
                    excluded.add(m + " on " + p.name() + ": the problem has no Hessian");
                    continue;
                }
                records.add(solve(p, m, settings, solveLimit));
            }
        }
        return new PeerOutcome(name(), "Fixpoint 0.1.0, Java " + System.getProperty("java.version"), null, List.of(), excluded,
                List.of(), records);
    }

    /** A result of the plain bench in the comparison's shape (one timed run, no warm-up), for its HTML report. */
    public static SolveRecord fromBench(BenchResult r, TestProblem p, CompareSettings settings) {
        return SolveRecord.judged(SolveRecord.FIXPOINT, r.method(), p, r.x(), settings, r.status(), r.converged(),
                r.evaluations(Evaluation.VALUE), r.evaluations(Evaluation.GRADIENT),
                r.evaluations(Evaluation.HESSIAN) + r.evaluations(Evaluation.HESSIAN_VECTOR), r.iterations(), r.seconds(), 1,
                r.trace().optimality(), r.message());
    }

    private static boolean applies(String method, TestProblem p) {
        return !Family.of(method).needsHessian() || p.objective().hasHessian() || p.objective().hasHessianVector();
    }

    private void warmUp(List<TestProblem> problems, CompareSettings settings) {
        for (TestProblem p : problems) {
            Driver driver = driver(p, settings, solveLimit);
            for (String m : methods) {
                if (applies(m, p)) {
                    try {
                        driver.solve(Minimizers.byName(m), p.objective(), p.start());
                    } catch (RuntimeException e) {
                        // reported by the measured solve
                    }
                }
            }
        }
    }

    private static Driver driver(TestProblem p, CompareSettings settings, Duration limit) {
        double[] g0 = new double[p.dimension()];
        p.objective().gradient(p.start().clone(), g0);
        return Driver.builder().tolerances(Tolerances.of(settings.gradientTarget(Vectors.norm(g0))))
                .maxIterations(settings.maxIterations()).timeLimit(limit).build();
    }

    static SolveRecord solve(TestProblem p, String method, CompareSettings settings, Duration limit) {
        Objective f = p.objective();
        Driver driver = driver(p, settings, limit);
        try {
            Timing.Timed<Solution> t = Timing.measure(() -> driver.solve(Minimizers.byName(method), f, p.start()), settings);
            Solution s = t.result();
            Evaluations e = s.evaluations();
            return SolveRecord.judged(SolveRecord.FIXPOINT, method, p, s.x(), settings, s.status().name(), s.converged(),
                    e.get(Evaluation.VALUE), e.get(Evaluation.GRADIENT), e.get(Evaluation.HESSIAN) + e.get(Evaluation.HESSIAN_VECTOR),
                    s.iterations(), t.seconds(), t.repeats(), s.trace().optimality(), s.message());
        } catch (RuntimeException e) {
            return SolveRecord.judged(SolveRecord.FIXPOINT, method, p, null, settings, "ERROR", false, 0, 0, 0, 0, Double.NaN, 0,
                    new double[0], e.toString());
        }
    }
}
