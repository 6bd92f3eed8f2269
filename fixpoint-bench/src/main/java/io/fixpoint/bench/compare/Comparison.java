package io.fixpoint.bench.compare;

import io.fixpoint.bench.report.Html;
import io.fixpoint.bench.Progress;
import io.fixpoint.bench.suite.TestProblem;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Runs Fixpoint and its peers on the same problems with the same settings, one tool after another. */
public final class Comparison {

    private Comparison() {
    }

    /** {@code tools} in the order to run them, Fixpoint's runner usually first. */
    public static ComparisonResult run(List<TestProblem> problems, List<Peer> tools, CompareSettings settings, Progress progress) {
        String date = now();
        long t0 = System.nanoTime();
        for (Peer t : tools) {
            progress.addWork(t.plannedSolves(problems));
        }
        List<PeerOutcome> outcomes = new ArrayList<>();
        try {
            for (Peer t : tools) {
                outcomes.add(t.run(problems, settings, progress));
            }
        } finally {
            progress.finish();
        }
        return of(date, (System.nanoTime() - t0) * 1e-9, settings, problems, outcomes, setup(settings, outcomes));
    }

    /** How a timed comparison was measured, from its settings and the tools that ran. */
    static List<String> setup(CompareSettings s, List<PeerOutcome> outcomes) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "Every tool gets the same start point and stops when ‖∇f‖ ≤ max(%s, %s·‖∇f(x₀)‖), or after %d "
                + "iterations.", Html.num(s.absoluteGradientTolerance()), Html.num(s.relativeGradientTolerance()), s.maxIterations()));
        out.add(String.format(Locale.ROOT, "Time: median of up to %d timed solves; JVM tools first run %d untimed warm-up solves (JIT); "
                + "fewer repeats when one problem × method would exceed %s s, and a single solve longer than that is timed once. "
                + "Evaluations and iterations are counted on every solve.", s.repeats(), s.warmups(), Html.num(s.secondsPerMethod())));
        if (outcomes.stream().anyMatch(o -> o.peer().equals("scipy") && o.ran())) {
            out.add("SciPy: <code>scipy.optimize.minimize</code> with f and ∇f from one vectorised NumPy function (<code>jac=True</code>); "
                    + "BFGS and CG get <code>gtol</code> with <code>norm=2</code>; L-BFGS-B gets <code>gtol</code> on the max-norm of the projected "
                    + "gradient (it has no 2-norm option) and <code>ftol=0</code>; Newton-CG has no gradient test and gets <code>xtol</code> = the "
                    + "gradient target; trust-ncg and trust-krylov get <code>gtol</code>. Hessian-vector products are complex-step derivatives of "
                    + "the analytic gradient. The Python definitions are checked against Fixpoint's at x₀ (f and ∇f to 1e-12 relative) before "
                    + "timing.");
        }
        return out;
    }


    /** A result from outcomes measured elsewhere, on this machine. */
    public static ComparisonResult of(String date, double wallSeconds, CompareSettings settings, List<TestProblem> problems,
            List<PeerOutcome> outcomes, List<String> setup) {
        List<ComparisonResult.ProblemInfo> infos = problems.stream()
                .map(p -> new ComparisonResult.ProblemInfo(p.name(), p.dimension(), p.knownMinimum(), p.reference())).toList();
        return new ComparisonResult(date, machine(), wallSeconds, settings, infos, outcomes, setup);
    }

    /** Now, to the second, ISO-8601 UTC. */
    public static String now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    }

    /** The machine in words: processors, operating system and JVM. */
    public static String machine() {
        return Runtime.getRuntime().availableProcessors() + " processors, " + System.getProperty("os.name") + " "
                + System.getProperty("os.arch") + ", Java " + System.getProperty("java.version");
    }
}
