package io.fixpoint.bench.bounded;

import io.fixpoint.bench.suite.BoundedProblems;
import io.fixpoint.bench.suite.BoundedTestProblem;
import io.fixpoint.bench.suite.mgh.Mgh;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.problem.BoundedObjective;
import io.fixpoint.problem.Bounds;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Tolerances;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * Computes the minima of the MGH half-way boxes ({@link BoundedProblems}) and prints them as
 * {@code bounded/references.tsv}: L-BFGS-B, TRON and SPG, each from the standard start and from four
 * seeded perturbations of it projected onto the box, to a projected-gradient norm of 10⁻¹³ of its start
 * value; the lowest value among the solves whose certificate is at most 10⁻⁶·(1 + ‖P(x₀ − ∇f) − x₀‖) is
 * kept with its point and certificate. Run: {@code java -cp fixpoint.jar io.fixpoint.bench.bounded.BoundedReferences}.
 */
public final class BoundedReferences {
    private static final List<String> SOLVERS = List.of("lbfgsb", "tron", "spg");
    private static final int STARTS = 5;

    private BoundedReferences() {
    }

    public static void main(String[] args) {
        System.out.println("# The minima of the MGH problems in their half-way boxes, computed by BoundedReferences: name, f*, certificate "
                + "‖P(x − ∇f) − x‖₂ at x*, x*");
        Catalog catalog = Catalog.builtIn();
        for (Mgh.Entry e : Mgh.problems()) {
            BoundedTestProblem p = BoundedProblems.box(e, Double.NaN);
            Bounds b = p.problem().bounds();
            double[] g0 = new double[p.dimension()];
            p.problem().objective().gradient(p.start(), g0);
            double accept = 1e-6 * (1 + b.projectedGradientNorm(p.start(), g0));
            Solution best = null;
            Random rnd = new Random(e.number());
            for (int k = 0; k < STARTS; k++) {
                double[] start = p.start();
                if (k > 0) {
                    for (int i = 0; i < start.length; i++) {
                        start[i] += 0.1 * Math.max(1, Math.abs(start[i])) * rnd.nextGaussian();
                    }
                    b.project(start);
                }
                for (String name : SOLVERS) {
                    SolverSpec<BoundedObjective> spec = catalog.bounded(name);
                    Driver driver = spec.defaults().withTolerances(new Tolerances(0, 1e-13, 0, 0, 0)).withMaxIterations(50_000).driver();
                    Solution s;
                    try {
                        s = driver.solve(spec.create(), p.problem(), start);
                    } catch (RuntimeException ex) {
                        continue;
                    }
                    if (Double.isFinite(s.value()) && s.optimality() <= accept && (best == null || s.value() < best.value())) {
                        best = s;
                    }
                }
            }
            if (best == null) {
                System.out.println("# " + p.name() + ": no solve reached a certificate below " + accept);
                continue;
            }
            System.out.println(String.join("\t", p.name(), String.format(Locale.ROOT, "%.17g", best.value()),
                    String.format(Locale.ROOT, "%.3g", best.optimality()),
                    Arrays.stream(best.x()).mapToObj(v -> String.format(Locale.ROOT, "%.17g", v)).collect(Collectors.joining(","))));
        }
    }
}
