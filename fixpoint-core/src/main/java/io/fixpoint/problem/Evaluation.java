package io.fixpoint.problem;

/** The kinds of evaluation a solver can ask of a problem; each is counted separately. */
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
    CONSTRAINT_JACOBIAN("constraintJacobian");

    private final String key;

    Evaluation(String key) {
        this.key = key;
    }

    /** The camel-case name used in reports and JSON. */
    public String key() {
        return key;
    }
}
