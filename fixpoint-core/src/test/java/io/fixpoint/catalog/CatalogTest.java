package io.fixpoint.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.minimize.GradientDescent;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Need;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.SolverContext;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final Catalog catalog = Catalog.builtIn();

    @Test
    void everyKindHasItsMethodsAndEverySolverIsCalledByItsCatalogueName() {
        assertThat(catalog.all()).hasSize(83);
        assertThat(catalog.names(ProblemKind.MINIMIZATION)).hasSize(16).contains("lbfgs", "trust-newton-cg", "lbfgsb", "nelder-mead");
        assertThat(catalog.names(ProblemKind.BOUNDED)).containsExactly("lbfgsb", "tron", "spg", "projected-gradient");
        assertThat(catalog.names(ProblemKind.L1)).containsExactly("owlqn");
        assertThat(catalog.names(ProblemKind.CONSTRAINED)).containsExactly("sqp", "augmented-lagrangian");
        assertThat(catalog.names(ProblemKind.LEAST_SQUARES)).containsExactly("lm", "lm-geodesic", "dogleg", "gauss-newton", "trf");
        assertThat(catalog.names(ProblemKind.ROOT)).containsExactly("hybrid", "newton", "broyden-good", "broyden-bad");
        assertThat(catalog.names(ProblemKind.FIXED_POINT)).hasSize(6);
        assertThat(catalog.names(ProblemKind.SEQUENCE)).hasSize(6);
        assertThat(catalog.names(ProblemKind.LINEAR_PROGRAM)).containsExactly("r2hpdhg", "halpern-pdhg", "pdhg");
        assertThat(catalog.names(ProblemKind.TRANSPORT)).containsExactly("sinkhorn", "sinkhorn-log", "sinkhorn-eps-scaling", "greenkhorn",
                "sinkhorn-anderson", "sns");
        assertThat(catalog.names(ProblemKind.MDP)).containsExactly("value-iteration", "gauss-seidel", "anchored-vi", "anderson-vi",
                "policy-iteration", "modified-policy-iteration");
        assertThat(catalog.names(ProblemKind.RANKING)).containsExactly("zermelo", "newman", "zermelo-anderson", "newman-anderson",
                "zermelo-halpern", "newman-halpern", "ilsr", "newton", "lbfgs");
        assertThat(catalog.names(ProblemKind.TRAINING)).containsExactly("sgd", "adam", "adamw", "nadam", "radam", "adan", "lion", "sophia",
                "sophia-g", "adahessian", "schedule-free-sgd", "schedule-free-adamw", "muon", "shampoo", "soap");
        try (ParallelExecutor ex = ParallelExecutor.of(2)) {
            for (SolverSpec<?> s : catalog.all()) {
                assertThat(s.create(SolverContext.of(ex)).name()).as(s.kind() + " " + s.name()).isEqualTo(s.name());
                assertThat(s.description()).isNotBlank();
            }
        }
        for (ProblemKind k : ProblemKind.values()) {
            assertThat(catalog.names(k)).contains(catalog.defaultMethod(k));
        }
    }

    @Test
    void whatASolverNeedsAndItsDefaultsAreStatedOnce() {
        assertThat(catalog.minimizer("newton").secondOrder()).isTrue();
        assertThat(catalog.minimizer("trust-newton-cg").needs()).contains(Need.HESSIAN_VECTOR).doesNotContain(Need.HESSIAN);
        assertThat(catalog.minimizer("lbfgs").secondOrder()).isFalse();
        assertThat(catalog.minimizer("lbfgs").defaults().maxIterations()).isEqualTo(20_000);
        assertThat(catalog.minimizer("newton").defaults().maxIterations()).isEqualTo(2_000);
        assertThat(catalog.minimizer("lbfgs").defaults().tolerances().relative()).isEqualTo(1e-10);
        assertThat(catalog.leastSquares("lm").defaults().tolerances().absolute()).isZero();
        assertThat(catalog.sequence("deer").defaults().stallIterations()).isEqualTo(Integer.MAX_VALUE);
        assertThat(catalog.linearProgram("pdhg").defaults().tolerances().absolute()).isEqualTo(1e-8);
        assertThat(catalog.linearProgram("pdhg").defaults().stallIterations()).isEqualTo(Integer.MAX_VALUE);
        assertThat(catalog.defaultMethod(ProblemKind.LINEAR_PROGRAM)).isEqualTo("r2hpdhg");
        assertThat(catalog.bounded("tron").defaults().maxIterations()).isEqualTo(2_000);
        assertThat(catalog.bounded("lbfgsb").defaults()).isEqualTo(catalog.minimizer("lbfgs").defaults());
        assertThat(catalog.constrained("sqp").defaults().tolerances().absolute()).isEqualTo(1e-8);
        assertThat(catalog.minimizer("nelder-mead").needs()).isEmpty();
        assertThat(catalog.minimizer("nelder-mead").family()).isEqualTo(Catalog.DERIVATIVE_FREE);
        assertThat(catalog.defaultMethod(ProblemKind.BOUNDED)).isEqualTo("lbfgsb");
        assertThat(catalog.defaultMethod(ProblemKind.CONSTRAINED)).isEqualTo("sqp");
        assertThat(catalog.defaultMethod(ProblemKind.L1)).isEqualTo("owlqn");
        assertThat(catalog.l1("owlqn").defaults()).isEqualTo(catalog.minimizer("lbfgs").defaults());
        assertThat(catalog.transport("sns").defaults().tolerances().absolute()).isEqualTo(1e-9);
        assertThat(catalog.transport("sns").defaults().maxIterations()).isEqualTo(100_000);
        assertThat(catalog.mdp("anchored-vi").defaults().tolerances().absolute()).isEqualTo(1e-8);
        assertThat(catalog.mdp("anchored-vi").defaults().maxIterations()).isEqualTo(100_000);
        assertThat(catalog.defaultMethod(ProblemKind.TRANSPORT)).isEqualTo("sinkhorn-log");
        assertThat(catalog.defaultMethod(ProblemKind.MDP)).isEqualTo("policy-iteration");
    }

    @Test
    void unknownNamesListTheKnownOnesOfThatKind() {
        assertThatThrownBy(() -> catalog.root("anderson")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown root method 'anderson'").hasMessageContaining("hybrid, newton, broyden-good, broyden-bad");
        assertThat(catalog.spec(ProblemKind.FIXED_POINT, "anderson").kind()).isEqualTo(ProblemKind.FIXED_POINT);
        assertThat(ProblemKind.of("minimisation")).isEqualTo(ProblemKind.MINIMIZATION);
    }

    /** A whole new minimiser: fixed-step steepest descent. */
    record ToyDescent(double step) implements Solver<Objective, ToyDescent.State> {
        static final class State extends GradientLike {
        }

        public String name() {
            return "toy-descent";
        }

        public State init(Objective f, double[] x0) {
            State s = new State();
            s.start(f, x0);
            return s;
        }

        public State step(Objective f, State s) {
            Vectors.axpy(-step, s.g, s.x);
            s.f = f.valueAndGradient(s.x, s.g);
            return s;
        }
    }

    /** The state a gradient method keeps. */
    static class GradientLike implements IterationState {
        double[] x;
        double[] g;
        double f;

        void start(Objective p, double[] x0) {
            x = x0;
            g = new double[x0.length];
            f = p.valueAndGradient(x, g);
        }

        public double[] x() {
            return x;
        }

        public double value() {
            return f;
        }

        public double optimality() {
            return Vectors.norm(g);
        }
    }

    /** Adding a minimiser is its own class plus one catalogue line. */
    @Test
    void aNewSolverJoinsThroughOneLine() {
        Catalog more = catalog.with(Catalog.minimizer("toy-descent", Catalog.GRADIENT_METHODS, "a toy", c -> new ToyDescent(0.25)));
        assertThat(more.names(ProblemKind.MINIMIZATION)).endsWith("toy-descent");
        Solution s = more.minimizer("toy-descent").solve(bowl(), new double[] {3, -2});
        assertThat(s.status()).isEqualTo(Status.CONVERGED);
        assertThat(s.x()).containsExactly(new double[] {1, 1}, within(1e-8));
        assertThat(catalog.names(ProblemKind.MINIMIZATION)).doesNotContain("toy-descent");
        assertThatThrownBy(() -> catalog.with(Catalog.minimizer("lbfgs", "x", "again", c -> new GradientDescent())))
                .hasMessageContaining("two minimization solvers are called 'lbfgs'");
        assertThat(Catalog.of(List.of()).all()).isEmpty();
    }

    /** f = ½((x−1)² + 4(y−1)²). */
    static Objective bowl() {
        return new Objective() {
            public int dimension() {
                return 2;
            }

            public double value(double[] x) {
                return 0.5 * ((x[0] - 1) * (x[0] - 1) + 4 * (x[1] - 1) * (x[1] - 1));
            }

            public void gradient(double[] x, double[] g) {
                g[0] = x[0] - 1;
                g[1] = 4 * (x[1] - 1);
            }
        };
    }

    @Test
    void anOptimiserIsItsRecipeWithDefaultHyperparametersAndTrainsOnItsBudget() {
        assertThat(catalog.defaultMethod(ProblemKind.TRAINING)).isEqualTo("adamw");
        assertThat(catalog.optimizer("adamw").learningRate()).isEqualTo(1e-3);
        assertThat(catalog.optimizer("adamw").weightDecay()).isEqualTo(0.01);
        var settings = catalog.training("adam").defaults();
        assertThat(settings.tolerances().absolute()).isZero();
        assertThat(settings.tolerances().relative()).isZero();
        assertThat(settings.stallIterations()).isEqualTo(Integer.MAX_VALUE);
        var solver = catalog.training("sgd").create(new SolverContext(ParallelExecutor.sequential(),
                java.util.Map.of(io.fixpoint.train.Optimizer.BATCH, 7.0, io.fixpoint.train.Optimizer.SEED, 3.0)));
        assertThat(solver).isInstanceOfSatisfying(io.fixpoint.train.MinibatchSolver.class, m -> {
            assertThat(m.batchSize()).isEqualTo(7);
            assertThat(m.seed()).isEqualTo(3);
        });
        assertThatThrownBy(() -> catalog.optimizer("adamax")).hasMessageContaining("unknown training method 'adamax'").hasMessageContaining("adamw");
    }
}
