package io.fixpoint.bench;

import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.function.Function;

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

    /** Names: {@code gd} (step 0.25), {@code slow-gd} (step 0.01), {@code newton}-like names that need a Hessian, {@code broken}. */
    static Function<String, Solver<Objective, ? extends IterationState>> methods() {
        return name -> switch (name) {
            case "gd" -> new Descent(name, 0.25, false);
            case "slow-gd" -> new Descent(name, 0.01, false);
            case "newton" -> new Descent(name, 0.25, true);
            case "damped-newton" -> new Descent(name, 0.2, true);
            case "lazy-newton" -> new Descent(name, 0.15, true);
            case "broken" -> new Broken();
            default -> throw new IllegalArgumentException("unknown method '" + name + "'; known methods: gd, slow-gd, newton, broken");
        };
    }
}
