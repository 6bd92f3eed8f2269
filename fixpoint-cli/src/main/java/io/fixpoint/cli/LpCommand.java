package io.fixpoint.cli;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.lp.LpResult;
import io.fixpoint.lp.LpSettings;
import io.fixpoint.lp.LpSolver;
import io.fixpoint.lp.MpsModel;
import io.fixpoint.lp.MpsReader;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.Settings;
import io.fixpoint.solve.SolverSpec;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code fixpoint lp}: solve a linear program from an MPS file by restarted (Halpern) PDHG. */
@Command(name = "lp", mixinStandardHelpOptions = true,
        description = {"Solve a linear program given as an MPS file (fixed or free, .mps or .mps.gz) by first-order primal-dual "
                + "hybrid gradient: r2hpdhg (reflected restarted Halpern PDHG, the default), halpern-pdhg or pdhg (PDLP's).",
                "OPTIMAL means the relative KKT criteria hold at the returned pair: primal residual ≤ ε(1+‖b‖), dual residual "
                        + "≤ ε(1+‖c‖), gap ≤ ε(1+|primal|+|dual|), recomputed on the program as given. PRIMAL_INFEASIBLE and "
                        + "DUAL_INFEASIBLE are reported only with a Farkas ray checked in double precision.",
                "--tol is ε (default 1e-8); --rtol makes ε relative to the KKT error at the start. Default budget: 10⁶ iterations, "
                        + "no time limit.",
                "Exit code 0 OPTIMAL, 1 any other outcome, 2 bad input."})
final class LpCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "the MPS file (.mps or .mps.gz)")
    Path file;

    @Option(names = "--method", defaultValue = "r2hpdhg", paramLabel = "NAME", completionCandidates = MethodNames.LinearProgram.class,
            description = "${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
    String method;

    @Mixin
    DriverOptions driver;

    @Option(names = "--threads", defaultValue = "1", description = "threads for the sparse products (default ${DEFAULT-VALUE})")
    int threads;

    @Option(names = "--no-presolve", description = "solve the program as read, without presolve")
    boolean noPresolve;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Option(names = "--solution", paramLabel = "FILE", description = "write the primal and dual values, one 'x NAME VALUE' or 'y NAME VALUE' per line")
    Path solution;

    @Override
    public Integer call() {
        if (!Files.isReadable(file)) {
            throw new UserError("cannot read " + file);
        }
        SolverSpec<LinearProgram> m = Catalog.builtIn().linearProgram(method);
        Settings settings = driver.over(m.defaults());
        if (settings.tolerances().absolute() == 0 && settings.tolerances().relative() == 0) {
            throw new UserError("--tol must be > 0 for a linear program (ε of the relative KKT criteria)");
        }
        if (threads < 1) {
            throw new UserError("--threads must be ≥ 1, got " + threads);
        }
        MpsModel model = MpsReader.read(file);
        PrintWriter err = spec.commandLine().getErr();
        LpResult r;
        try (SolveProgress progress = new SolveProgress(err, method, "relative KKT error", settings.timeLimit())) {
            r = LpSolver.solve(model.program(), m, new LpSettings(settings, threads, !noPresolve, progress));
        }
        if (solution != null) {
            writeSolution(model, r);
        }
        print(model, r);
        return r.optimal() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private void print(MpsModel model, LpResult r) {
        PrintWriter out = spec.commandLine().getOut();
        double objective = model.objectiveInFileSense(r.objective());
        if (json) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("status", r.statusName());
            m.put("message", r.message());
            m.put("model", model.name());
            m.put("method", r.method());
            m.put("objective", Json.finiteOrString(objective));
            m.put("dualObjective", Json.finiteOrString(model.objectiveInFileSense(r.kkt().dualObjective())));
            m.put("primalResidual", Json.finiteOrString(r.kkt().relativePrimalResidual()));
            m.put("dualResidual", Json.finiteOrString(r.kkt().relativeDualResidual()));
            m.put("gap", Json.finiteOrString(r.kkt().relativeGap()));
            m.put("tolerance", Json.finiteOrString(r.tolerance()));
            m.put("iterations", r.iterations());
            m.put("matrixVectorProducts", r.matrixVectorProducts());
            m.put("seconds", r.seconds());
            m.put("rows", model.program().constraints());
            m.put("columns", model.program().dimension());
            m.put("nonZeros", model.program().matrix().nonZeros());
            m.put("presolveRemovedRows", r.removedRows());
            m.put("presolveRemovedColumns", r.removedColumns());
            if (r.ray() != null) {
                m.put("rayRadius", Json.finiteOrString(r.ray().radius()));
            }
            out.println(Json.write(m));
        } else {
            out.println(r.statusName() + ": " + r.message());
            out.printf(Locale.ROOT, "objective        %.12e%s%n", objective, model.maximize() ? " (maximised)" : "");
            out.printf(Locale.ROOT, "primal residual  %.2e relative (%.2e absolute)%n", r.kkt().relativePrimalResidual(), r.kkt().primalResidual());
            out.printf(Locale.ROOT, "dual residual    %.2e relative (%.2e absolute)%n", r.kkt().relativeDualResidual(), r.kkt().dualResidual());
            out.printf(Locale.ROOT, "gap              %.2e relative (%.2e absolute)%n", r.kkt().relativeGap(), r.kkt().gap());
            out.printf(Locale.ROOT, "%d iterations, %d matrix-vector products, %.3f s (%s; %d × %d, %d non-zeros; presolve removed %d rows, %d columns)%n",
                    r.iterations(), r.matrixVectorProducts(), r.seconds(), r.method(), model.program().constraints(),
                    model.program().dimension(), model.program().matrix().nonZeros(), r.removedRows(), r.removedColumns());
        }
        out.flush();
    }

    private void writeSolution(MpsModel model, LpResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(model.name()).append(' ').append(r.statusName()).append(" objective ")
                .append(model.objectiveInFileSense(r.objective())).append('\n');
        for (int j = 0; j < r.x().length; j++) {
            sb.append("x ").append(model.columnNames().get(j)).append(' ').append(r.x()[j]).append('\n');
        }
        double sign = model.maximize() ? -1 : 1;
        for (int i = 0; i < r.y().length; i++) {
            sb.append("y ").append(model.rowNames().get(i)).append(' ').append(sign * r.y()[i]).append('\n');
        }
        try {
            Files.writeString(solution, sb);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + solution + ": " + e.getMessage(), e);
        }
    }
}
