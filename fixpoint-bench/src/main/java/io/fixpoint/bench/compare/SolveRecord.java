package io.fixpoint.bench.compare;

import io.fixpoint.bench.suite.TestProblem;
import io.fixpoint.linalg.Vectors;

/**
 * One solve of one test problem by one tool's method, in the same shape for Fixpoint and its peers.
 * Counts and the final point come from the first run; {@code seconds} is the median over the timed
 * repeats. {@code solved} is judged by the bench (the known minimum reached), never by the tool.
 *
 * @param tool               {@code fixpoint}, {@code scipy} or {@code hipparchus}
 * @param method             the tool's own name for the method, e.g. {@code lbfgs} or {@code L-BFGS-B}
 * @param family             the family it is compared within
 * @param problem            the test problem's name
 * @param dimension          n
 * @param solved             whether the final value reached the known minimum to the stated tolerance
 * @param status             the tool's own status
 * @param claimed            whether the tool itself claimed success
 * @param value              f at the final point, evaluated by Fixpoint's definition
 * @param gradientNorm       ‖∇f‖ at the final point, by Fixpoint's definition (NaN when not known)
 * @param valueEvaluations   f evaluations
 * @param gradientEvaluations ∇f evaluations
 * @param hessianEvaluations ∇²f or ∇²f·v evaluations
 * @param iterations         iterations as the tool counts them
 * @param seconds            median wall time of one solve
 * @param repeats            how many timed solves the median is over
 * @param history            optimality measure ‖∇f‖ per iteration, start point first (empty when not observable)
 * @param message            the tool's own message
 */
public record SolveRecord(
        String tool,
        String method,
        Family family,
        String problem,
        int dimension,
        boolean solved,
        String status,
        boolean claimed,
        double value,
        double gradientNorm,
        long valueEvaluations,
        long gradientEvaluations,
        long hessianEvaluations,
        int iterations,
        double seconds,
        int repeats,
        double[] history,
        String message) {

    public static final String FIXPOINT = "fixpoint";

    /**
     * A record judged by the bench: value and gradient norm at the tool's final point {@code x} are
     * evaluated with Fixpoint's own definition of the problem, and solved means the known minimum reached.
     */
    public static SolveRecord judged(String tool, String method, TestProblem p, double[] x, CompareSettings settings, String status,
            boolean claimed, long values, long gradients, long hessians, int iterations, double seconds, int repeats,
            double[] history, String message) {
        double value = Double.NaN;
        double gradientNorm = Double.NaN;
        if (x != null && x.length == p.dimension() && Vectors.allFinite(x)) {
            double[] g = new double[x.length];
            value = p.objective().valueAndGradient(x, g);
            gradientNorm = Vectors.norm(g);
        }
        boolean solved = Double.isFinite(value) && p.reached(value, settings.successTolerance());
        return new SolveRecord(tool, method, Family.of(method), p.name(), p.dimension(), solved, status, claimed, value, gradientNorm,
                values, gradients, hessians, iterations, seconds, repeats, history, message);
    }

    /** How reports name the solver: tool and method, e.g. {@code scipy L-BFGS-B}. */
    public String solver() {
        return tool + " " + method;
    }

    /** All evaluations: f, ∇f and ∇²f (or ∇²f·v) counted alike. */
    public long evaluations() {
        return valueEvaluations + gradientEvaluations + hessianEvaluations;
    }

    public boolean isFixpoint() {
        return FIXPOINT.equals(tool);
    }
}
