package io.fixpoint.problem;

import io.fixpoint.linalg.SparseMatrix;

/** A linear program held as arrays, checked once when built. */
record LinearProgramData(SparseMatrix matrix, double[] objective, double objectiveOffset, double[] variableLower,
        double[] variableUpper, double[] constraintLower, double[] constraintUpper, double objectiveNorm, double boundNorm)
        implements LinearProgram {

    LinearProgramData {
        int n = matrix.columns();
        int m = matrix.rows();
        InvalidProblemException.checkDimension("objective", objective.length, n);
        InvalidProblemException.checkDimension("variable lower bounds", variableLower.length, n);
        InvalidProblemException.checkDimension("variable upper bounds", variableUpper.length, n);
        if (constraintLower.length != m || constraintUpper.length != m) {
            throw new InvalidProblemException("constraint bounds have lengths " + constraintLower.length + " and "
                    + constraintUpper.length + " but the matrix has " + m + " rows");
        }
        InvalidProblemException.checkFinite("objective", objective);
        if (!Double.isFinite(objectiveOffset)) {
            throw new InvalidProblemException("objective offset is not finite: " + objectiveOffset);
        }
        checkInterval("variable", variableLower, variableUpper);
        checkInterval("constraint", constraintLower, constraintUpper);
        if (Double.isNaN(objectiveNorm)) {
            objectiveNorm = Norms.objective(objective);
        }
        if (Double.isNaN(boundNorm)) {
            boundNorm = Norms.bounds(constraintLower, constraintUpper);
        }
    }

    private static void checkInterval(String what, double[] lo, double[] hi) {
        for (int i = 0; i < lo.length; i++) {
            if (Double.isNaN(lo[i]) || Double.isNaN(hi[i]) || lo[i] == Double.POSITIVE_INFINITY || hi[i] == Double.NEGATIVE_INFINITY) {
                throw new InvalidProblemException(what + " " + i + " has bounds [" + lo[i] + ", " + hi[i] + "]");
            }
        }
    }

    @Override
    public int dimension() {
        return matrix.columns();
    }

    @Override
    public int constraints() {
        return matrix.rows();
    }
}
