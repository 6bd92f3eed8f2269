package io.fixpoint.bench;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.solve.Need;
import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.List;
import java.util.Set;

/** Small problems and solvers with known behaviour, so the bench can be tested on its own. */
final class Fakes {
    private Fakes() {
    }

    /** f(x) = ½ Σ a_i (x_i − 1)², minimum 0 at (1, …, 1); with a Hessian when {@code hessian}. */
    static Objective quadratic(boolean hessian, double... a) {
        return new Objective() {
            public int dimension() {
                return a.length;
            }

            public double value(double[] x) {
                double s = 0;
                for (int i = 0; i < a.length; i++) {
                    s += 0.5 * a[i] * (x[i] - 1) * (x[i] - 1);
                }
                return s;
            }

            public void gradient(double[] x, double[] g) {
                for (int i = 0; i < a.length; i++) {
                    g[i] = a[i] * (x[i] - 1);
                }
            }

            public boolean hasHessian() {
                return hessian;
            }

            public void hessian(double[] x, double[] h) {
                if (!hessian) {
                    throw new UnsupportedOperationException("no Hessian");
                }
                java.util.Arrays.fill(h, 0);
                for (int i = 0; i < a.length; i++) {
                    h[i * a.length + i] = a[i];
                }
            }
        };
    }

    static TestProblem bowl() {
        return new TestProblem("bowl", "fake", quadratic(true, 1, 4), new double[] {3, -2}, 0, "exact");
    }

    static TestProblem flatBowl() {
        return new TestProblem("flat-bowl", "fake", quadratic(false, 1, 1, 1), new double[] {0, 0, 0}, 0, "exact");
    }

    /** Gradient descent with step 1/L, so each component contracts by 1 − a_i/L per step. */
    static final class Descent implements Solver<Objective, Descent.State> {
        final String name;
        final double step;
        final boolean needsHessian;

        Descent(String name, double step, boolean needsHessian) {
            this.name = name;
            this.step = step;
            this.needsHessian = needsHessian;
        }

        static final class State implements IterationState {
            double[] x;
            double[] g;
            double f;
            double stepNorm = Double.NaN;

            public double[] x() {
                return x;
            }

            public double value() {
                return f;
            }

            public double optimality() {
                return Vectors.norm(g);
            }

            public double stepNorm() {
                return stepNorm;
            }
        }

        public String name() {
            return name;
        }

        public State init(Objective p, double[] x0) {
            if (needsHessian && !p.hasHessian()) {
                throw new IllegalArgumentException(name + " needs a Hessian");
            }
            State s = new State();
            s.x = x0;
            s.g = new double[x0.length];
            s.f = p.valueAndGradient(x0, s.g);
            return s;
        }

        public State step(Objective p, State s) {
            if (needsHessian) {
                p.hessian(s.x, new double[s.x.length * s.x.length]);
            }
            for (int i = 0; i < s.x.length; i++) {
                s.x[i] -= step * s.g[i];
            }
            s.stepNorm = step * Vectors.norm(s.g);
            s.f = p.valueAndGradient(s.x, s.g);
            return s;
        }
    }

    /** Throws on its first step. */
    static final class Broken implements Solver<Objective, Descent.State> {
        public String name() {
            return "broken";
        }

        public Descent.State init(Objective p, double[] x0) {
            return new Descent("broken", 0, false).init(p, x0);
        }

        public Descent.State step(Objective p, Descent.State s) {
            throw new IllegalStateException("broken on purpose");
        }
    }

    /** A catalogue of {@code gd} (step 0.25), {@code slow-gd} (step 0.01), {@code newton}-like names that need a Hessian, {@code broken}. */
    static Catalog catalog() {
        return Catalog.of(List.of(
                Catalog.minimizer("gd", "fake", "steepest descent, step 0.25", c -> new Descent("gd", 0.25, false)),
                Catalog.minimizer("slow-gd", "fake", "steepest descent, step 0.01", c -> new Descent("slow-gd", 0.01, false)),
                Catalog.secondOrder("newton", Set.of(Need.GRADIENT, Need.HESSIAN), "needs a Hessian", c -> new Descent("newton", 0.25, true)),
                Catalog.secondOrder("damped-newton", Set.of(Need.GRADIENT, Need.HESSIAN), "needs a Hessian",
                        c -> new Descent("damped-newton", 0.2, true)),
                Catalog.secondOrder("lazy-newton", Set.of(Need.GRADIENT, Need.HESSIAN), "needs a Hessian",
                        c -> new Descent("lazy-newton", 0.15, true)),
                Catalog.minimizer("broken", "fake", "throws on its first step", c -> new Broken())));
    }

    /** The bench over {@link #catalog()}. */
    static MinimizationBench bench() {
        return MinimizationBench.builder().catalog(catalog()).build();
    }
}
