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
    MATRIX_VECTOR("matrixVector");

    private final String key;

    Evaluation(String key) {
        this.key = key;
    }

    /** The camel-case name used in reports and JSON. */
    public String key() {
        return key;
    }
}
