package io.fixpoint.bench.lp;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.ortools.Loader;
import com.google.ortools.modelbuilder.LinearExpr;
import com.google.ortools.modelbuilder.LinearExprBuilder;
import com.google.ortools.modelbuilder.ModelBuilder;
import com.google.ortools.modelbuilder.ModelSolver;
import com.google.ortools.modelbuilder.SolveStatus;
import com.google.ortools.modelbuilder.Variable;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.lp.LpResult;
import io.fixpoint.lp.LpSettings;
import io.fixpoint.lp.LpSolver;
import io.fixpoint.problem.Evaluation;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.IterationListener;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.SolverSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Runs solves in a process of its own, so that a native peer cannot take the bench down, its log can be
 * read, and its memory measured alone: {@code LpRunner SOLVER TOL SECONDS ITERATIONS THREADS MODEL...}, where
 * SOLVER is ortools-pdlp, ortools-glop, ortools-highs or a Fixpoint method, and MODEL is
 * {@code netlib:NAME} or {@code gen:SPEC} ({@link LpGenerators}). For each model it prints
 * {@value #BEGIN} NAME, whatever the solver logs, then {@value #RESULT} and the {@link LpRun} as JSON.
 */
public final class LpRunner {
    static final String BEGIN = "@@begin ";
    static final String RESULT = "@@result ";
    private static final ObjectMapper JSON = new ObjectMapper();

    private LpRunner() {
    }

    public static void main(String[] args) throws Exception {
        String solver = args[0];
        double tol = Double.parseDouble(args[1]);
        double seconds = Double.parseDouble(args[2]);
        int iterations = Integer.parseInt(args[3]);
        int threads = Integer.parseInt(args[4]);
        PrintStream out = System.out;
        for (int k = 5; k < args.length; k++) {
            String model = args[k];
            out.println(BEGIN + model);
            out.flush();
            LpRun run = solver.startsWith("ortools-") ? ortools(solver.substring(8), model, tol, seconds, iterations, threads)
                    : fixpoint(solver, model, tol, seconds, iterations, threads);
            out.flush();
            System.out.println(RESULT + JSON.writeValueAsString(run.fields()));
            System.out.flush();
        }
    }

    /** A Fixpoint solve in this child, with its memory. */
    static LpRun fixpoint(String method, String model, double tol, double seconds, int iterations, int threads) {
        LinearProgram lp = load(model);
        double base = residentMb("VmRSS");
        SolverSpec<LinearProgram> spec = Catalog.builtIn().linearProgram(method);
        LpRun run = fixpoint(spec, name(model), lp, spec.defaults().override(tol, null, iterations, Duration.ofMillis((long) (seconds * 1000))),
                threads);
        return new LpRun(run.model(), run.solver(), run.status(), run.objective(), run.seconds(), run.iterations(), run.kktPasses(),
                run.secondsTo1e4(), run.kktPassesTo1e4(), residentMb("VmHWM"), base, run.columns(), run.nonZeros(), null);
    }

    /** A Fixpoint solve under {@code budget}, with the moment the relative KKT error first reached 1e-4. */
    static LpRun fixpoint(SolverSpec<LinearProgram> spec, String name, LinearProgram lp, Settings budget, int threads) {
        long t0 = System.nanoTime();
        double[] first = {Double.NaN, -1};
        IterationListener watch = (k, state, counts) -> {
            if (Double.isNaN(first[0]) && state.optimality() <= LpJudge.LOOSE) {
                first[0] = (System.nanoTime() - t0) * 1e-9;
                first[1] = counts.get(Evaluation.MATRIX_VECTOR) / 2.0;
            }
        };
        LpResult r = LpSolver.solve(lp, spec, new LpSettings(budget, threads, true, watch));
        if (r.optimal() && Double.isNaN(first[0])) {
            first[0] = r.seconds();
            first[1] = r.matrixVectorProducts() / 2.0;
        }
        return new LpRun(name, spec.name(), r.statusName(), r.objective(), r.seconds(), r.iterations(), r.matrixVectorProducts() / 2,
                first[0], (long) first[1], Double.NaN, Double.NaN, lp.dimension(), lp.matrix().nonZeros(), r);
    }

    /** An OR-Tools solve through ModelBuilder/ModelSolver; PDLP logs every 64 iterations and the log is parsed by the parent. */
    static LpRun ortools(String solverName, String model, double tol, double seconds, int iterations, int threads) throws IOException {
        Loader.loadNativeLibraries();
        ModelBuilder mb = new ModelBuilder();
        LinearProgram lp = load(model);
        if (model.startsWith("netlib:")) {
            mb.importFromMpsString(netlibText(model.substring(7)));
        } else {
            build(mb, lp);
        }
        double base = residentMb("VmRSS");
        ModelSolver solver = new ModelSolver(solverName);
        solver.setTimeLimit(Duration.ofMillis((long) (seconds * 1000)));
        if (solverName.equals("pdlp")) {
            solver.enableOutput(true);
            solver.setSolverSpecificParameters(String.format(Locale.ROOT, "verbosity_level: 3 num_threads: %d termination_criteria { "
                    + "iteration_limit: %d simple_optimality_criteria { eps_optimal_relative: %g eps_optimal_absolute: %g } }",
                    threads, iterations, tol, tol));
        }
        long t0 = System.nanoTime();
        SolveStatus status = solver.solve(mb);
        double t = (System.nanoTime() - t0) * 1e-9;
        double objective = solver.hasSolution() ? solver.getObjectiveValue() : Double.NaN;
        return new LpRun(name(model), "ortools-" + solverName, status.name(), objective, t, -1, -1, Double.NaN, -1,
                residentMb("VmHWM"), base, lp.dimension(), lp.matrix().nonZeros(), null);
    }

    private static void build(ModelBuilder mb, LinearProgram lp) {
        Variable[] x = new Variable[lp.dimension()];
        for (int j = 0; j < x.length; j++) {
            x[j] = mb.newNumVar(lp.variableLower()[j], lp.variableUpper()[j], "x" + j);
        }
        SparseMatrix a = lp.matrix();
        for (int i = 0; i < lp.constraints(); i++) {
            LinearExprBuilder e = LinearExpr.newBuilder();
            for (int k = a.rowStart()[i]; k < a.rowStart()[i + 1]; k++) {
                e.addTerm(x[a.rowColumn()[k]], a.rowValue()[k]);
            }
            mb.addLinearConstraint(e, lp.constraintLower()[i], lp.constraintUpper()[i]);
        }
        LinearExprBuilder obj = LinearExpr.newBuilder();
        for (int j = 0; j < x.length; j++) {
            if (lp.objective()[j] != 0) {
                obj.addTerm(x[j], lp.objective()[j]);
            }
        }
        obj.add(lp.objectiveOffset());
        mb.minimize(obj);
    }

    static LinearProgram load(String model) {
        if (model.startsWith("netlib:")) {
            return Netlib.load(model.substring(7)).program();
        }
        if (model.startsWith("gen:")) {
            return LpGenerators.of(model.substring(4));
        }
        throw new IllegalArgumentException("unknown model '" + model + "': expected netlib:NAME or gen:SPEC");
    }

    static String name(String model) {
        return model.substring(model.indexOf(':') + 1);
    }

    static String netlibText(String name) throws IOException {
        try (InputStream in = new GZIPInputStream(Netlib.class.getResourceAsStream("/io/fixpoint/bench/lp/netlib/" + name + ".mps.gz"))) {
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    /** A line of /proc/self/status in MiB (NaN where there is no such file). */
    static double residentMb(String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(key + ":")) {
                    return Double.parseDouble(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
