package io.fixpoint.derivativefree;

import io.fixpoint.problem.Objective;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import java.util.Arrays;
import java.util.Map;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

/**
 * The Nelder–Mead simplex method (Comput. J. 7, 1965) with the dimension-dependent coefficients of
 * Gao and Han (Comput. Optim. Appl. 51, 2012): reflection 1, expansion 1 + 2/n, contraction
 * 3/4 − 1/(2n), shrink 1 − 1/n, which keep the method making progress in higher dimensions. The
 * initial simplex is x₀ and x₀ + τᵢeᵢ with τᵢ = 0.05·x₀ᵢ, or 0.00025 where x₀ᵢ = 0 (as SciPy's).
 * Only values of f are used.
 *
 * <p>The certificate is max(‖∇ₛf‖₂, diam S): ∇ₛf is the simplex gradient, the gradient of the
 * linear interpolant of f on the n + 1 vertices (Kelley, <i>Iterative Methods for Optimization</i>,
 * 1999, §6.2), which approximates ∇f to O(diam S) on a well-shaped simplex; requiring the diameter to
 * be small too keeps a large flat simplex, or one collapsed on a slope, from passing. When the
 * simplex degenerates (its edge matrix is numerically singular) it is rebuilt around the best vertex
 * with the current diameter (an oriented restart, Kelley §8.1.2).
 */
public record NelderMead() implements Solver<Objective, NelderMead.State> {

    @Override
    public String name() {
        return "nelder-mead";
    }

    @Override
    public State init(Objective problem, double[] x0) {
        State s = new State(problem.dimension());
        s.build(problem, x0, 0);
        return s;
    }

    @Override
    public State step(Objective problem, State s) {
        int n = s.n;
        double alpha = 1;
        double beta = 1 + 2.0 / n;
        double gamma = 0.75 - 0.5 / n;
        double delta = n == 1 ? 0.5 : 1 - 1.0 / n;
        int worst = s.order[n];
        double fBest = s.f[s.order[0]];
        double fSecond = s.f[s.order[n - 1]];
        double fWorst = s.f[worst];
        // centroid of all vertices but the worst
        Arrays.fill(s.centroid, 0);
        for (int k = 0; k < n; k++) {
            double[] v = s.vertices[s.order[k]];
            for (int j = 0; j < n; j++) {
                s.centroid[j] += v[j] / n;
            }
        }
        double fr = s.point(problem, s.reflected, alpha, worst);
        if (fr < fBest) {
            double fe = s.point(problem, s.expanded, alpha * beta, worst);
            if (fe < fr) {
                s.replace(worst, s.expanded, fe);
                s.expansions++;
            } else {
                s.replace(worst, s.reflected, fr);
                s.reflections++;
            }
        } else if (fr < fSecond) {
            s.replace(worst, s.reflected, fr);
            s.reflections++;
        } else if (fr < fWorst) {
            double fc = s.point(problem, s.expanded, alpha * gamma, worst); // outside contraction
            if (fc <= fr) {
                s.replace(worst, s.expanded, fc);
                s.contractions++;
            } else {
                s.shrink(problem, delta);
            }
        } else {
            double fc = s.point(problem, s.expanded, -gamma, worst); // inside contraction
            if (fc < fWorst) {
                s.replace(worst, s.expanded, fc);
                s.contractions++;
            } else {
                s.shrink(problem, delta);
            }
        }
        s.sort();
        if (!s.measure()) {
            System.arraycopy(s.vertices[s.order[0]], 0, s.reflected, 0, n);
            s.build(problem, s.reflected, s.diameter);
            s.restarts++;
        }
        return s;
    }

    /** The simplex (n + 1 vertices and their values, ordered by value), the trial points and the simplex-gradient workspace. */
    public static final class State implements IterationState {
        final int n;
        final double[][] vertices;
        final double[] f;
        final int[] order;
        final double[] centroid;
        final double[] reflected;
        final double[] expanded;
        final DMatrixRMaj edges;
        final DMatrixRMaj differences;
        final DMatrixRMaj gradient;
        final LinearSolverDense<DMatrixRMaj> lu;
        int reflections;
        int expansions;
        int contractions;
        int shrinks;
        int restarts;
        double diameter;
        double simplexGradientNorm;
        double stepNorm = Double.NaN;
        final double[] previousBest;

        State(int n) {
            this.n = n;
            vertices = new double[n + 1][n];
            f = new double[n + 1];
            order = new int[n + 1];
            centroid = new double[n];
            reflected = new double[n];
            expanded = new double[n];
            edges = new DMatrixRMaj(n, n);
            differences = new DMatrixRMaj(n, 1);
            gradient = new DMatrixRMaj(n, 1);
            lu = LinearSolverFactory_DDRM.lu(n);
            previousBest = new double[n];
        }

        /** The simplex x and x + τᵢeᵢ: τᵢ = 0.05·xᵢ (0.00025 at 0) at the start ({@code size} 0), {@code size} on a restart. */
        void build(Objective problem, double[] x, double size) {
            for (int i = 0; i <= n; i++) {
                System.arraycopy(x, 0, vertices[i], 0, n);
                if (i > 0) {
                    int j = i - 1;
                    vertices[i][j] += size > 0 ? Math.max(size, 1e-10 * (1 + Math.abs(x[j])))
                            : x[j] != 0 ? 0.05 * x[j] : 0.00025;
                }
                f[i] = problem.value(vertices[i]);
                order[i] = i;
            }
            sort();
            System.arraycopy(vertices[order[0]], 0, previousBest, 0, n);
            if (!measure()) {
                simplexGradientNorm = Double.MAX_VALUE; // a degenerate start (cannot happen for the simplices built here)
            }
        }

        /** Evaluates c + t·(c − x_worst) into {@code out}. */
        double point(Objective problem, double[] out, double t, int worst) {
            double[] w = vertices[worst];
            for (int j = 0; j < n; j++) {
                out[j] = centroid[j] + t * (centroid[j] - w[j]);
            }
            return problem.value(out);
        }

        void replace(int i, double[] x, double value) {
            System.arraycopy(x, 0, vertices[i], 0, n);
            f[i] = value;
        }

        void shrink(Objective problem, double delta) {
            shrinks++;
            double[] best = vertices[order[0]];
            for (int i = 0; i <= n; i++) {
                if (i != order[0]) {
                    for (int j = 0; j < n; j++) {
                        vertices[i][j] = best[j] + delta * (vertices[i][j] - best[j]);
                    }
                    f[i] = problem.value(vertices[i]);
                }
            }
        }

        /** Insertion sort of the vertices by value, NaN last (a vertex where f is not finite is the first to go). */
        void sort() {
            for (int i = 1; i <= n; i++) {
                int v = order[i];
                int k = i - 1;
                while (k >= 0 && before(v, order[k])) {
                    order[k + 1] = order[k];
                    k--;
                }
                order[k + 1] = v;
            }
            double[] best = vertices[order[0]];
            double s = 0;
            for (int j = 0; j < n; j++) {
                double d = best[j] - previousBest[j];
                s += d * d;
            }
            stepNorm = Math.sqrt(s);
            System.arraycopy(best, 0, previousBest, 0, n);
        }

        private boolean before(int a, int b) {
            return f[a] < f[b] || (!Double.isNaN(f[a]) && Double.isNaN(f[b]));
        }

        /** Diameter and simplex gradient ∇ₛf = D⁻ᵀδf, D's columns the edges from the best vertex; false when D is singular. */
        boolean measure() {
            double[] best = vertices[order[0]];
            diameter = 0;
            for (int k = 0; k < n; k++) {
                double[] v = vertices[order[k + 1]];
                double len = 0;
                for (int j = 0; j < n; j++) {
                    double e = v[j] - best[j];
                    edges.data[k * n + j] = e; // row k of Dᵀ
                    len += e * e;
                }
                diameter = Math.max(diameter, Math.sqrt(len));
                differences.data[k] = f[order[k + 1]] - f[order[0]];
            }
            if (!lu.setA(edges) || !Double.isFinite(differences.data[n - 1]) || diameter == 0) {
                return false;
            }
            lu.solve(differences, gradient);
            double g = 0;
            for (int j = 0; j < n; j++) {
                g += gradient.data[j] * gradient.data[j];
            }
            simplexGradientNorm = Math.sqrt(g);
            return Double.isFinite(simplexGradientNorm) && lu.quality() > 1e-14;
        }

        @Override
        public double[] x() {
            return vertices[order[0]];
        }

        @Override
        public double value() {
            return f[order[0]];
        }

        /** max(‖∇ₛf‖₂, diam S). */
        @Override
        public double optimality() {
            return Math.max(simplexGradientNorm, diameter);
        }

        @Override
        public double stepNorm() {
            return stepNorm;
        }

        @Override
        public Map<String, Object> details() {
            return Map.of("reflections", reflections, "expansions", expansions, "contractions", contractions, "shrinks", shrinks,
                    "restarts", restarts, "simplexGradientNorm", simplexGradientNorm, "diameter", diameter);
        }
    }
}
