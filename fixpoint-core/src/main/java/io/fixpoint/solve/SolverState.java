package io.fixpoint.solve;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What every solver's state keeps for the driver: the iterate, the value being driven down, the
 * optimality measure being certified, the length of the last step and the solver's own verdict.
 * Each family extends it with its shared quantities (the gradient, the residuals, the trajectory's
 * f-values) and each solver's nested {@code State} with its own workspaces.
 *
 * <p>The fields are public because the solvers that write them live in the family packages; the
 * driver and listeners read them through {@link IterationState}. A state reports its own figures by
 * overriding {@link #describe}.
 */
public abstract class SolverState implements IterationState {
    /** The current iterate. */
    public double[] x;
    /** The value the solver is driving down. */
    public double value;
    /** The optimality measure the solver certifies. */
    public double optimality;
    /** The length of the last step; NaN before the first. */
    public double stepNorm = Double.NaN;
    /** The solver's decision that the solve must end, or null. */
    public Verdict verdict;

    protected SolverState(double[] x0) {
        this.x = x0;
    }

    @Override
    public final double[] x() {
        return x;
    }

    @Override
    public final double value() {
        return value;
    }

    @Override
    public final double optimality() {
        return optimality;
    }

    @Override
    public final double stepNorm() {
        return stepNorm;
    }

    @Override
    public final Verdict verdict() {
        return verdict;
    }

    /** The figures {@link #describe} reports, in the order it reports them. */
    @Override
    public final Map<String, Object> details() {
        Details details = new Details();
        describe(details);
        return details.asMap();
    }

    /** Reports solver-specific figures; an override extending another state's calls {@code super.describe(details)} first. */
    protected void describe(Details details) {
    }

    /** The named figures a state reports with its solution, kept in the order they are added. */
    public static final class Details {
        private final Map<String, Object> entries = new LinkedHashMap<>();

        Details() {
        }

        /** Adds (or replaces) the figure {@code key}. */
        public Details put(String key, Object value) {
            entries.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, key));
            return this;
        }

        Map<String, Object> asMap() {
            return Collections.unmodifiableMap(entries);
        }
    }
}
