package io.fixpoint.cli;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.constrained.KktResiduals;
import io.fixpoint.expr.Expression;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Bounds;
import io.fixpoint.problem.ConstrainedProblem;
import io.fixpoint.problem.ExpressionProblem;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fixpoint minimize}: minimise an objective written in the expression language, with bounds and constraints. */
@Command(name = "minimize", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Minimise an objective given as an expression, optionally subject to bounds and constraints.",
                "Gradients, Hessians and constraint Jacobians are exact (automatic differentiation of the expressions).",
                "The certificate, verified at the returned point: the gradient norm ‖∇f‖₂ without bounds or constraints; the "
                        + "projected-gradient norm ‖P(x − ∇f) − x‖₂ with bounds only; with constraints the KKT residuals "
                        + "(stationarity, feasibility, complementarity; max-norms) and the largest of them.",
                "Tolerances and budgets are the method's ('fixpoint list --json'), unless --tol, --rtol, --max-iter or --time-limit say otherwise.",
                "Statuses: CONVERGED when the certificate meets the tolerance; LOCALLY_INFEASIBLE when the iterates stop at an "
                        + "infeasible stationary point of the constraint violation (the constraints look infeasible); otherwise why it "
                        + "stopped. Exit code 0 converged, 1 not converged, 2 bad input."})
final class MinimizeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--objective", required = true, paramLabel = "EXPR", description = "f, e.g. \"(1-x)^2 + 100*(y-x^2)^2\".")
    String objective;

    @Option(names = "--vars", required = true, paramLabel = "x,y", description = "Variable names, in the order of --start and the output.")
    String vars;

    @Option(names = "--start", paramLabel = "a,b", description = "Start point. Default: 0 in every variable. A start outside the bounds "
            + "is projected onto them, and the output says so.")
    String start;

    @Option(names = "--bounds", paramLabel = "x=LO:HI,...", description = "Simple bounds, e.g. x=0:1,y=-inf:2 (as in fit --bounds).")
    String bounds;

    @Option(names = "--constraint", paramLabel = "LHS <= RHS", description = "A constraint lhs <= rhs, lhs >= rhs or lhs = rhs, "
            + "with expressions on both sides; repeatable.")
    List<String> constraints = new ArrayList<>();

    @Option(names = "--method", paramLabel = "NAME", completionCandidates = MethodNames.Minimize.class,
            description = "${COMPLETION-CANDIDATES}. Default: the catalogue's for the problem: constrained with --constraint, "
                    + "bounded with --bounds, minimization otherwise ('fixpoint list'). The derivative-free nelder-mead and "
                    + "model-trust-region certify the sample set's interpolated gradient and size.")
    String method;

    @Mixin
    DriverOptions driver;

    @Option(names = "--json", description = "Print one JSON object.")
    boolean json;

    @Override
    public Integer call() {
        List<String> names = ExpressionSystem.parseNames(vars);
        Expression f = Expression.parse(objective);
        List<ExpressionProblem.Constraint> parsed = constraints.stream().map(ExpressionProblem.Constraint::parse).toList();
        Bounds box = bounds == null ? Bounds.unbounded(names.size()) : BoundsOption.parse(bounds, names, "variable");
        double[] x0 = start == null ? new double[names.size()] : ExpressionSystem.point(start, names);
        Catalog catalog = Catalog.builtIn();
        ProblemKind kind = kind(catalog, method, !parsed.isEmpty(), box.isBounded());
        String name = method != null ? method : catalog.defaultMethod(kind);
        check(catalog, kind, name);

        Map<String, Object> certificate = new LinkedHashMap<>();
        Objective objectiveFunction = ExpressionProblem.objective(f, names);
        Solution s;
        switch (kind) {
            case CONSTRAINED -> {
                ConstrainedProblem problem = ExpressionProblem.constrained(f, parsed, names, box);
                s = driver.solve(spec, catalog.constrained(name), problem, x0);
                certificate.putAll(kkt(problem, s, parsed));
            }
            case BOUNDED -> {
                s = driver.solve(spec, catalog.bounded(name), objectiveFunction.withBounds(box), x0);
                double[] g = new double[names.size()];
                objectiveFunction.gradient(s.x().clone(), g);
                certificate.put("certificate", "projected-gradient norm ‖P(x − ∇f) − x‖₂");
                certificate.put("projectedGradientNorm", box.projectedGradientNorm(s.x(), g));
            }
            default -> {
                SolverSpec<Objective> m = catalog.minimizer(name);
                s = driver.solve(spec, m, objectiveFunction, x0);
                double[] g = new double[names.size()];
                objectiveFunction.gradient(s.x().clone(), g);
                certificate.put("certificate", m.needs().isEmpty()
                        ? "max(‖interpolated gradient‖₂, size of the sample set); the exact ‖∇f‖₂ there is " + String.format(Locale.ROOT, "%.3e",
                                Vectors.norm(g)) : "gradient norm ‖∇f‖₂");
                certificate.put("gradientNorm", Vectors.norm(g));
            }
        }
        print(s, names, certificate);
        return s.converged() ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    /**
     * The kind of problem to solve: constrained with constraints or a method only for them, bounded with
     * bounds, otherwise plain minimisation.
     */
    static ProblemKind kind(Catalog catalog, String method, boolean constrained, boolean bounded) {
        boolean onlyConstrained = method != null && catalog.names(ProblemKind.CONSTRAINED).contains(method)
                && !catalog.names(ProblemKind.MINIMIZATION).contains(method) && !catalog.names(ProblemKind.BOUNDED).contains(method);
        return constrained || onlyConstrained ? ProblemKind.CONSTRAINED : bounded ? ProblemKind.BOUNDED : ProblemKind.MINIMIZATION;
    }

    /** A {@link UserError} unless {@code name} is a method of {@code kind}, saying which methods are. */
    private static void check(Catalog catalog, ProblemKind kind, String name) {
        if (catalog.names(kind).contains(name)) {
            return;
        }
        boolean known = java.util.stream.Stream.of(ProblemKind.MINIMIZATION, ProblemKind.BOUNDED, ProblemKind.CONSTRAINED)
                .anyMatch(k -> catalog.names(k).contains(name));
        if (!known) {
            throw new UserError("unknown method '" + name + "'; known methods: minimization " + String.join(", ", catalog.names(ProblemKind.MINIMIZATION))
                    + "; bounded " + String.join(", ", catalog.names(ProblemKind.BOUNDED)) + "; constrained "
                    + String.join(", ", catalog.names(ProblemKind.CONSTRAINED)));
        }
        String what = kind == ProblemKind.CONSTRAINED ? "--constraint" : "--bounds";
        List<String> able = new ArrayList<>(catalog.names(kind));
        if (kind == ProblemKind.BOUNDED) {
            able.addAll(catalog.names(ProblemKind.CONSTRAINED));
        }
        throw new UserError("method '" + name + "' does not handle " + what + "; use " + String.join(", ", able));
    }

    /** The KKT residuals recomputed at the returned point with the returned multipliers, and the multipliers in the order given. */
    private static Map<String, Object> kkt(ConstrainedProblem problem, Solution s, List<ExpressionProblem.Constraint> given) {
        int n = problem.dimension();
        int m = problem.constraintCount();
        double[] x = s.x().clone();
        double[] g = new double[n];
        double[] c = new double[m];
        double[] jac = new double[m * n];
        problem.objective().gradient(x, g);
        problem.constraints(x, c);
        problem.constraintJacobian(x, jac);
        double[] y = s.details().get("multipliers") instanceof double[] d ? d : new double[m];
        KktResiduals r = KktResiduals.of(problem.bounds(), problem.equalityCount(), x, g, c, jac, y, new double[n]);
        // c holds the equalities first; report the multipliers in the order the constraints were given
        List<Integer> order = new ArrayList<>();
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < given.size(); i++) {
                if (given.get(i).isEquality() == (pass == 0)) {
                    order.add(i);
                }
            }
        }
        double[] byGiven = new double[m];
        for (int k = 0; k < m; k++) {
            byGiven[order.get(k)] = y[k];
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("certificate", "KKT residuals, the largest of stationarity, feasibility and complementarity");
        out.put("kkt", r.fields());
        out.put("multipliers", byGiven);
        return out;
    }

    private void print(Solution s, List<String> names, Map<String, Object> certificate) {
        PrintWriter out = spec.commandLine().getOut();
        Object warnings = s.details().get("warnings");
        if (json) {
            Map<String, Object> m = Json.of(s);
            m.put("variables", names);
            m.putAll(certificate);
            if (warnings != null) {
                m.put("warnings", warnings);
            }
            out.println(Json.write(m));
        } else {
            out.println(s.status() + ": " + s.message());
            for (int i = 0; i < names.size(); i++) {
                out.printf(Locale.ROOT, "  %s = %.17g%n", names.get(i), s.x()[i]);
            }
            out.printf(Locale.ROOT, "f = %.17g%n", s.value());
            out.printf(Locale.ROOT, "%s = %.3e (%s)%n", "certificate", s.optimality(), certificate.get("certificate"));
            if (certificate.get("kkt") instanceof Map<?, ?> k) {
                out.printf(Locale.ROOT, "  stationarity %.3e, feasibility %.3e, complementarity %.3e%n", k.get("stationarity"),
                        k.get("feasibility"), k.get("complementarity"));
            }
            out.printf(Locale.ROOT, "%d iterations, evaluations %s (%s)%n", s.iterations(), s.evaluations(), s.solver());
        }
        out.flush();
    }
}
