package io.fixpoint.bench;

import io.fixpoint.catalog.Catalog;
import java.time.Duration;
import java.util.List;

/**
 * What a suite run is asked for. Suites read the options that apply to them ({@link Suite#reads()}) and
 * ignore the rest; the commands refuse a choice that no suite they run reads.
 *
 * @param catalog    where method names are looked up
 * @param problems   problems to run, by name (empty: all)
 * @param methods    Fixpoint methods to run, by name (empty: all)
 * @param peers      peers to run beside Fixpoint; null means the suite's default (SciPy where it
 *                   applies and is installed; none for minimisation), empty means none
 * @param repeats    timed repeats per solve (medians reported); 0 means the suite's default
 * @param warmups    untimed JIT warm-up solves before timing (comparisons)
 * @param full       the big sweep instead of the quick one
 * @param solveLimit wall-time limit of one solve
 * @param threads    worker threads for parallel methods
 * @param progress   where progress goes
 */
public record SuiteOptions(Catalog catalog, List<String> problems, List<String> methods, List<String> peers, int repeats, int warmups,
        boolean full, Duration solveLimit, int threads, Progress progress) {

    /** The choices a suite may read, beyond the catalogue, threads and progress every suite uses (see {@link Suite#reads()}). */
    public enum Choice {
        PROBLEMS, METHODS, PEERS, REPEATS, WARMUPS, FULL, SOLVE_LIMIT
    }

    public static final SuiteOptions DEFAULT = new SuiteOptions(Catalog.builtIn(), List.of(), List.of(), null, 0, 3, false,
            Duration.ofSeconds(10), Runtime.getRuntime().availableProcessors(), Progress.silent());

    public SuiteOptions {
        problems = List.copyOf(problems);
        methods = List.copyOf(methods);
        peers = peers == null ? null : List.copyOf(peers);
        if (repeats < 0 || warmups < 0 || threads < 1) {
            throw new IllegalArgumentException("repeats and warmups must be ≥ 0 and threads ≥ 1, got " + repeats + ", " + warmups + ", "
                    + threads);
        }
        if (solveLimit.isNegative() || solveLimit.isZero()) {
            throw new IllegalArgumentException("the time limit per solve must be positive, got " + solveLimit);
        }
    }

    /** Whether a peer runs: asked for by name, or by default when the suite runs it by default. */
    public boolean peer(String name, boolean byDefault) {
        return peers == null ? byDefault : peers.contains(name);
    }

    /** The repeats to use, {@code suiteDefault} unless set. */
    public int repeatsOr(int suiteDefault) {
        return repeats > 0 ? repeats : suiteDefault;
    }

    /** {@code names} narrowed to the chosen methods (all when none were chosen), in the given order. */
    public List<String> chosenMethods(List<String> names) {
        return methods.isEmpty() ? names : names.stream().filter(methods::contains).toList();
    }

    public SuiteOptions withPeers(List<String> p) {
        return new SuiteOptions(catalog, problems, methods, p, repeats, warmups, full, solveLimit, threads, progress);
    }

    public SuiteOptions withMethods(List<String> m) {
        return new SuiteOptions(catalog, problems, m, peers, repeats, warmups, full, solveLimit, threads, progress);
    }

    public SuiteOptions withProblems(List<String> p) {
        return new SuiteOptions(catalog, p, methods, peers, repeats, warmups, full, solveLimit, threads, progress);
    }

    public SuiteOptions withRepeats(int r) {
        return new SuiteOptions(catalog, problems, methods, peers, r, warmups, full, solveLimit, threads, progress);
    }

    public SuiteOptions withWarmups(int w) {
        return new SuiteOptions(catalog, problems, methods, peers, repeats, w, full, solveLimit, threads, progress);
    }

    public SuiteOptions withFull(boolean f) {
        return new SuiteOptions(catalog, problems, methods, peers, repeats, warmups, f, solveLimit, threads, progress);
    }

    public SuiteOptions withSolveLimit(Duration d) {
        return new SuiteOptions(catalog, problems, methods, peers, repeats, warmups, full, d, threads, progress);
    }

    public SuiteOptions withThreads(int t) {
        return new SuiteOptions(catalog, problems, methods, peers, repeats, warmups, full, solveLimit, t, progress);
    }

    public SuiteOptions withProgress(Progress p) {
        return new SuiteOptions(catalog, problems, methods, peers, repeats, warmups, full, solveLimit, threads, p);
    }

    public SuiteOptions withCatalog(Catalog c) {
        return new SuiteOptions(c, problems, methods, peers, repeats, warmups, full, solveLimit, threads, progress);
    }
}
