package io.fixpoint.ranking;

import io.fixpoint.fixedpoint.Anderson;
import io.fixpoint.fixedpoint.DetectionSettings;
import io.fixpoint.fixedpoint.GradientCertified;
import io.fixpoint.fixedpoint.Halpern;
import io.fixpoint.fixedpoint.Picard;
import io.fixpoint.problem.FixedPointMap;
import io.fixpoint.problem.GradientMap;
import io.fixpoint.problem.Objective;
import io.fixpoint.problem.Problem;
import io.fixpoint.problem.RankingProblem;
import io.fixpoint.solve.IterationState;
import io.fixpoint.solve.Solver;
import io.fixpoint.solve.Verdict;
import java.util.Map;
import java.util.function.Function;

/**
 * A way to compute a Bradley–Terry estimate: a solver of one view of the {@link RankingProblem},
 * certified by ‖∇f(θ)‖. The score iterations ({@link RankingProblem#zermelo()},
 * {@link RankingProblem#newman()}, {@link RankingProblem#ilsr()}) run plainly or accelerated by
 * Anderson mixing (m = 5) or restarted Halpern anchoring, under {@link GradientCertified}; the
 * minimisers run on f itself. The view is built once, in {@code init}, so a step allocates nothing.
 *
 * @param name   the name reported for the solve
 * @param view   the view of the problem the solver runs on
 * @param solver the solver of that view
 * @param <Q>    the view's kind
 * @param <S>    the solver's state
 */
public record RankingSolver<Q extends Problem<Q>, S extends IterationState>(String name, Function<RankingProblem, Q> view, Solver<Q, S> solver)
        implements Solver<RankingProblem, RankingSolver.State<Q, S>> {

    public RankingSolver {
        if (name == null || view == null || solver == null) {
            throw new IllegalArgumentException("a ranking solver needs a name, a view of the problem and a solver of it");
        }
    }

    /** The plain iteration; no watch for a missing fixed point, since existence is decided beforehand. */
    public static RankingSolver<GradientMap, ?> plain(String name, Function<RankingProblem, GradientMap> map) {
        return iteration(name, map, new Picard(DetectionSettings.OFF));
    }

    /** The iteration with Anderson mixing (m = 5). */
    public static RankingSolver<GradientMap, ?> anderson(String name, Function<RankingProblem, GradientMap> map) {
        return iteration(name, map, new Anderson().withoutDetection());
    }

    /** The iteration with restarted Halpern anchoring. */
    public static RankingSolver<GradientMap, ?> halpern(String name, Function<RankingProblem, GradientMap> map) {
        return iteration(name, map, new Halpern(0.5, DetectionSettings.OFF));
    }

    /** A minimiser of f. */
    public static <S extends IterationState> RankingSolver<Objective, S> minimizer(String name, Solver<Objective, S> minimizer) {
        return new RankingSolver<>(name, RankingProblem::objective, minimizer);
    }

    private static <S extends IterationState> RankingSolver<GradientMap, GradientCertified.State<S>> iteration(String name,
            Function<RankingProblem, GradientMap> map, Solver<FixedPointMap, S> accelerator) {
        return new RankingSolver<>(name, map, new GradientCertified<>(name, accelerator));
    }

    /** @throws IllegalArgumentException when the view does not exist for this model (I-LSR with home advantage or Davidson ties) */
    @Override
    public State<Q, S> init(RankingProblem problem, double[] x0) {
        Q q = view.apply(problem);
        return new State<>(q, solver.init(q, x0));
    }

    @Override
    public State<Q, S> step(RankingProblem problem, State<Q, S> s) {
        s.inner = solver.step(s.view, s.inner);
        return s;
    }

    @Override
    public Verdict confirm(RankingProblem problem, State<Q, S> s) {
        return solver.confirm(s.view, s.inner);
    }

    /** The view and the state of the solver running on it; the driver reads the latter's figures. */
    public static final class State<Q, S extends IterationState> implements IterationState {
        final Q view;
        S inner;

        State(Q view, S inner) {
            this.view = view;
            this.inner = inner;
        }

        @Override
        public double[] x() {
            return inner.x();
        }

        @Override
        public double value() {
            return inner.value();
        }

        @Override
        public double optimality() {
            return inner.optimality();
        }

        @Override
        public double stepNorm() {
            return inner.stepNorm();
        }

        @Override
        public Verdict verdict() {
            return inner.verdict();
        }

        @Override
        public Map<String, Object> details() {
            return inner.details();
        }
    }
}
