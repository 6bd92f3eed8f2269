package io.fixpoint.solve;

import java.util.Locale;

/** The kinds of problem Fixpoint solves; every solver in the catalogue belongs to one. */
public enum ProblemKind {
    MINIMIZATION("minimization", "minimise a smooth f(x)"),
    BOUNDED("bounded", "minimise a smooth f(x) subject to bounds l ≤ x ≤ u"),
    L1("l1", "minimise a smooth f(x) plus a weighted L1 norm Σ λⱼ|xⱼ| (lasso, elastic net)"),
    CONSTRAINED("constrained", "minimise f(x) subject to g(x) = 0, h(x) ≤ 0 and bounds, or say that the constraints look infeasible"),
    LEAST_SQUARES("least-squares", "minimise ½‖r(x)‖² (curve fitting)"),
    ROOT("root", "solve F(x) = 0"),
    FIXED_POINT("fixed-point", "find x = T(x), or certify that none exists"),
    SEQUENCE("sequence", "evaluate a recurrence h_t = f(h_{t−1}, u_t) in parallel over time"),
    LINEAR_PROGRAM("lp", "minimise cᵀx subject to l_c ≤ Ax ≤ u_c, l ≤ x ≤ u, or certify that no optimum exists"),
    TRANSPORT("transport", "entropic optimal transport: minimise ⟨P, M⟩ − εH(P) over plans with marginals a and b"),
    MDP("mdp", "optimal values and policy of a Markov decision process"),
    RANKING("ranking", "estimate Bradley–Terry strengths from pairwise comparisons (maximum likelihood or Newman's MAP)"),
    TRAINING("training", "minimise a finite sum (1/N) Σ fᵢ(w) by minibatch updates (stochastic training; ends on its budget)");

    private final String label;
    private final String description;

    ProblemKind(String label, String description) {
        this.label = label;
        this.description = description;
    }

    /** The name on the command line and in reports. */
    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    /** The kind called {@code name} (British and American spellings alike), or an exception naming the kinds. */
    public static ProblemKind of(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("minimisation", "minimization").replace('_', '-');
        for (ProblemKind k : values()) {
            if (k.label.equals(n)) {
                return k;
            }
        }
        throw new IllegalArgumentException("unknown problem kind '" + name + "'; known kinds: " + String.join(", ",
                java.util.Arrays.stream(values()).map(ProblemKind::label).toList()));
    }
}
