package io.fixpoint.fixedpoint;

import io.fixpoint.linalg.Vectors;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.GradientMap;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Verdict;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Any fixed-point solver (Picard, Anderson, Halpern, …) run on a {@link GradientMap}, certified by
 * the gradient norm ‖∇f(x)‖ at its iterate instead of the residual ‖x − T(x)‖. The solver sees the
 * map as a plain {@link FixedPointMap}; each evaluation also leaves ∇f at that point behind, so when
 * the solver's last evaluation was at its iterate (Picard, Halpern and Anderson all end a step so)
 * the certificate costs nothing; otherwise one more evaluation is made at the iterate.
 *
 * @param name      the name reported for the solve
 * @param iteration the fixed-point solver that moves the iterate
 * @param <S>       its state
 */
public record GradientCertified<S extends IterationState>(String name, Solver<FixedPointMap, S> iteration)
        implements Solver<GradientMap, GradientCertified.State<S>> {

    public GradientCertified {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a gradient-certified iteration needs a name");
        }
        if (iteration == null) {
            throw new IllegalArgumentException("a gradient-certified iteration needs a fixed-point solver");
        }
    }

    @Override
    public State<S> init(GradientMap problem, double[] x0) {
        Recorder recorder = new Recorder(problem);
        State<S> s = new State<>(recorder, iteration.init(recorder, x0));
        s.certify();
        return s;
    }

    @Override
    public State<S> step(GradientMap problem, State<S> s) {
        s.inner = iteration.step(s.recorder, s.inner);
        s.certify();
        return s;
    }

    /** The map as the fixed-point solver sees it; keeps the point and gradient of the last evaluation. */
    static final class Recorder implements FixedPointMap {
        private final GradientMap problem;
        final double[] point;
        final double[] gradient;
        final double[] scratch;
        boolean evaluated;

        Recorder(GradientMap problem) {
            this.problem = problem;
            int n = problem.dimension();
            point = new double[n];
            gradient = new double[n];
            scratch = new double[n];
        }

        @Override
        public int dimension() {
            return problem.dimension();
        }

        @Override
        public void apply(double[] x, double[] out) {
            problem.apply(x, out, gradient);
            Vectors.copy(x, point);
            evaluated = true;
        }

        /** ∇f at x: from the last evaluation when it was at x, else from a new one. */
        double[] gradientAt(double[] x) {
            if (!evaluated || !Arrays.equals(point, x)) {
                apply(x, scratch);
            }
            return gradient;
        }
    }

    /** The fixed-point solver's state and the gradient norm at its iterate. */
    public static final class State<S extends IterationState> implements IterationState {
        final Recorder recorder;
        S inner;
        double gradientNorm;

        State(Recorder recorder, S inner) {
            this.recorder = recorder;
            this.inner = inner;
        }

        void certify() {
            gradientNorm = Vectors.norm(recorder.gradientAt(inner.x()));
        }

        @Override
        public double[] x() {
            return inner.x();
        }

        /** The fixed-point solver's own value (its residual ‖x − T(x)‖ for the built-in ones). */
        @Override
        public double value() {
            return inner.value();
        }

        /** ‖∇f(x)‖ at the iterate. */
        @Override
        public double optimality() {
            return gradientNorm;
        }

        @Override
        public double stepNorm() {
            return inner.stepNorm();
        }

        @Override
        public Verdict verdict() {
            return inner.verdict();
        }

        /** The gradient ∇f at the iterate. */
        public double[] gradient() {
            return recorder.gradient;
        }

        @Override
        public Map<String, Object> details() {
            Map<String, Object> m = new LinkedHashMap<>(inner.details());
            m.put("gradientNorm", gradientNorm);
            return m;
        }
    }
}
