package io.fixpoint.solve;

import io.fixpoint.problem.Problem;
import java.util.Set;
import java.util.function.Function;

/**
 * One solver as the catalogue describes it: the facts every registry, command, report and peer
 * mapping reads, stated once.
 *
 * @param name        the lower-case, hyphenated name used on the command line and in reports
 * @param kind        the problem kind it solves
 * @param family      the family it is compared within, e.g. {@code quasi-Newton}
 * @param needs       what it asks of the problem (gradient, Hessian, ...)
 * @param description one line for {@code fixpoint list} and the help texts
 * @param defaults    the settings it runs with unless told otherwise
 * @param factory     builds the solver with its default configuration
 * @param <P>         the problem kind's interface
 */
public record SolverSpec<P extends Problem<P>>(String name, ProblemKind kind, String family, Set<Need> needs, String description,
        Settings defaults, Function<SolverContext, ? extends Solver<P, ?>> factory) {

    public SolverSpec {
        if (name == null || !name.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("a solver name is lower-case and hyphenated, got '" + name + "'");
        }
        needs = Set.copyOf(needs);
    }

    /** The solver with its default configuration, on a single-threaded executor. */
    public Solver<P, ?> create() {
        return create(SolverContext.SEQUENTIAL);
    }

    public Solver<P, ?> create(SolverContext context) {
        return factory.apply(context);
    }

    /** Solves {@code problem} from {@code x0} with the default settings. */
    public Solution solve(P problem, double[] x0) {
        return solve(problem, x0, defaults, SolverContext.SEQUENTIAL);
    }

    /** Solves {@code problem} from {@code x0} under {@code settings}, the solver built in {@code context}. */
    public Solution solve(P problem, double[] x0, Settings settings, SolverContext context) {
        return settings.driver().solve(create(context), problem, x0);
    }

    /** Whether it uses second derivatives. */
    public boolean secondOrder() {
        return Need.secondOrder(needs);
    }

    /** The same solver with other default settings. */
    public SolverSpec<P> withDefaults(Settings s) {
        return new SolverSpec<>(name, kind, family, needs, description, s, factory);
    }
}
