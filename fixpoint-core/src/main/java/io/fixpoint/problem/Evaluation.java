package io.fixpoint.problem;

/**
 * The kinds of evaluation a solver can ask of a problem; each is counted separately. {@link #EXAMPLE} is
 * a volume, not an evaluation: the examples of a finite sum that evaluations touched (passes over the
 * data = examples / N). It is left out of the totals that evaluation budgets and traces use.
 */
public enum Evaluation {
    VALUE("value"),
    GRADIENT("gradient"),
    HESSIAN("hessian"),
    HESSIAN_VECTOR("hessianVector"),
    RESIDUAL("residual"),
    JACOBIAN("jacobian"),
    JACOBIAN_VECTOR("jacobianVector"),
    MAP("map"),
    STEP("step"),
    /** One sparse matrix–vector product, A·x or Aᵀ·y (a linear program's unit of work). */
    MATRIX_VECTOR("matrixVector"),
    /** One pass over the n×m cost or kernel matrix of a transport problem. */
    MATRIX_PASS("matrixPass"),
    /** One application of the Bellman optimality operator to every state of a decision process. */
    BELLMAN("bellman"),
    /** One application of a fixed policy's Bellman operator to every state. */
    POLICY_BELLMAN("policyBellman"),
    /** One exact solve of a policy's linear equations. */
    POLICY_SOLVE("policySolve"),
    /** One evaluation of every constraint function g(x), h(x) of a constrained problem. */
    CONSTRAINTS("constraints"),
    /** One evaluation of the constraints' Jacobian. */
    CONSTRAINT_JACOBIAN("constraintJacobian"),
    /** The examples of a finite sum that an evaluation touched (a volume, not an evaluation). */
    EXAMPLE("examples", false);

    private final String key;
    private final boolean evaluation;

    Evaluation(String key) {
        this(key, true);
    }

    Evaluation(String key, boolean evaluation) {
        this.key = key;
        this.evaluation = evaluation;
    }

    /** False for volumes such as {@link #EXAMPLE}, which budgets of evaluations do not count. */
    public boolean isEvaluation() {
        return evaluation;
    }

    /** The camel-case name used in reports and JSON. */
    public String key() {
        return key;
    }
}
