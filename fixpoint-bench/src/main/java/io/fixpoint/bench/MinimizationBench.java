package io.fixpoint.bench;

import io.fixpoint.analysis.RateEstimate;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.InvalidProblemException;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Tolerances;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs minimisers on test problems, each with the settings the catalogue gives it (‖∇f‖ ≤
 * min(1e-10·‖∇f(x₀)‖, 1e-5·max(1, |f|)); 20 000 iterations for first-order methods, 2 000 for second-order ones) plus a
 * time limit per solve (10 s by default), and judges every outcome with {@link MinimizationJudge}.
 * A method that throws while starting (it needs a Hessian the problem lacks) is
 * {@link SolveRecord.Outcome#NOT_APPLICABLE}; one that throws later, {@link SolveRecord.Outcome#ERROR}.
 *
 * <p>Solves run one after another on the calling thread, in the order given, so a run is
 * reproducible. Immutable: build one with {@link #builder()}.
 */
public final class MinimizationBench {
    public static final String SUITE = "minimization";

    /** Called after each solve of {@link #run(List, List, Listener)}. */
    @FunctionalInterface
    public interface Listener {
        /** {@code done} solves of {@code total} have finished, the latest being {@code result}. */
        void onResult(int done, int total, SolveRecord result);
    }

    private final Catalog catalog;
    private final Tolerances tolerances;
    private final Integer maxIterations;
    private final Duration timeLimit;

    private MinimizationBench(Builder b) {
        this.catalog = b.catalog;
        this.tolerances = b.tolerances;
        this.maxIterations = b.maxIterations;
        this.timeLimit = b.timeLimit;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The standard settings described above. */
    public static MinimizationBench standard() {
        return builder().build();
    }

    /** What {@code method} runs with here. */
    public Settings settings(String method) {
        Settings s = catalog.minimizer(method).defaults().withTimeLimit(timeLimit);
        if (tolerances != null) {
            s = s.withTolerances(tolerances);
        }
        return maxIterations != null ? s.withMaxIterations(maxIterations) : s;
    }

    /** Every method on every problem, problems in the outer loop; {@code listener} hears each result. */
    public List<SolveRecord> run(List<TestProblem> problems, List<String> methodNames, Listener listener) {
        methodNames.forEach(catalog::minimizer); // unknown names fail here, before any solve
        int total = problems.size() * methodNames.size();
        List<SolveRecord> results = new ArrayList<>(total);
        for (TestProblem p : problems) {
            for (String m : methodNames) {
                SolveRecord r = run(p, m, p.start());
                results.add(r);
                listener.onResult(results.size(), total, r);
            }
        }
        return results;
    }

    /** One method on one problem from its standard start. */
    public SolveRecord run(TestProblem problem, String method) {
        return run(problem, method, problem.start());
    }

    /**
     * One method on one problem from {@code start}.
     *
     * @throws IllegalArgumentException for an unknown method, or a start of the wrong length or with non-finite entries
     */
    public SolveRecord run(TestProblem problem, String method, double[] start) {
        SolverSpec<Objective> spec = catalog.minimizer(method);
        Objective f = problem.objective();
        InvalidProblemException.checkDimension("start point", start.length, f.dimension());
        InvalidProblemException.checkFinite("start point", start);
        boolean[] started = new boolean[1]; // set once init has returned, to tell "cannot start" from "failed"
        Solution s;
        try {
            s = settings(method).driver((k, state, counts) -> started[0] = true).solve(spec.create(), f, start);
        } catch (RuntimeException e) {
            String why = e.getMessage() == null ? e.toString() : e.getMessage();
            return SolveRecord.failed(SUITE, problem.name(), f.dimension(), method, spec.family(),
                    started[0] ? SolveRecord.Outcome.ERROR : SolveRecord.Outcome.NOT_APPLICABLE, why);
        }
        return record(problem, start, spec, s, s.seconds(), 1);
    }

    /** Fixpoint's solve of {@code problem} from {@code start} as a judged record. */
    public static SolveRecord record(TestProblem problem, double[] start, SolverSpec<Objective> spec, Solution s, double seconds, int repeats) {
        MinimizationJudge.Judgement j = MinimizationJudge.judge(problem, start, s.x());
        return SolveRecord.of(SUITE, problem.name(), spec.name(), spec.family(), s, j.solved(), j.value(), j.gradientNorm(), seconds, repeats,
                figures(j, s.rate()));
    }

    /**
     * A peer's solve of {@code problem} (from its standard start) as a record judged exactly like
     * Fixpoint's; {@code x} may be null when the tool returned no point.
     */
    public static SolveRecord peerRecord(String tool, String method, TestProblem problem, double[] x, String toolStatus, boolean claimed,
            long values, long gradients, long hessians, int iterations, double seconds, int repeats, double[] history, String message) {
        MinimizationJudge.Judgement j = MinimizationJudge.judge(problem, problem.start(), x);
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("value", values);
        counts.put("gradient", gradients);
        counts.put("hessian", hessians);
        return new SolveRecord(SUITE, problem.name(), problem.dimension(), tool, method, io.fixpoint.bench.compare.Family.ofPeerMethod(method),
                SolveRecord.Outcome.RAN, null, toolStatus, claimed, j.solved(), message, iterations, counts, j.value(), j.gradientNorm(),
                seconds, repeats, x, history, figures(j, null));
    }

    /** The judge's second test and the observed rate, as every minimisation record carries them. */
    public static Map<String, Object> figures(MinimizationJudge.Judgement j, RateEstimate rate) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("stationary", j.stationary());
        m.put("relativeGradientNorm", j.relativeGradientNorm());
        if (rate != null) {
            m.put("rate", rate(rate));
        }
        return m;
    }

    /** A rate estimate as JSON-ready fields. */
    public static Map<String, Object> rate(RateEstimate r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", r.kind().name().toLowerCase(java.util.Locale.ROOT));
        m.put("parameter", SolveRecord.finiteOrString(r.parameter()));
        m.put("fitQuality", SolveRecord.finiteOrString(r.fitQuality()));
        m.put("description", r.describe());
        return m;
    }

    /** Configures a {@link MinimizationBench}; the defaults are the standard settings. */
    public static final class Builder {
        private Catalog catalog = Catalog.builtIn();
        private Tolerances tolerances;
        private Integer maxIterations;
        private Duration timeLimit = Duration.ofSeconds(10);

        private Builder() {
        }

        /** Where method names are looked up; the built-in catalogue by default. */
        public Builder catalog(Catalog c) {
            this.catalog = c;
            return this;
        }

        /** One set of tolerances for every method, replacing the catalogue's. */
        public Builder tolerances(Tolerances t) {
            this.tolerances = t;
            return this;
        }

        /** One iteration budget for every method, replacing the first-/second-order defaults. */
        public Builder maxIterations(int n) {
            if (n < 0) {
                throw new IllegalArgumentException("maximum iterations must be ≥ 0, got " + n);
            }
            this.maxIterations = n;
            return this;
        }

        public Builder timeLimit(Duration d) {
            this.timeLimit = d;
            return this;
        }

        public MinimizationBench build() {
            return new MinimizationBench(this);
        }
    }
}
