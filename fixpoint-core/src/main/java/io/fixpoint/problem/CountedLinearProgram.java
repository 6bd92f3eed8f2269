package io.fixpoint.problem;

import io.fixpoint.linalg.SparseMatrix;
import io.fixpoint.parallel.ParallelExecutor;

/** A linear program that records each product A·x or Aᵀ·y as one MATRIX_VECTOR evaluation. */
final class CountedLinearProgram implements LinearProgram {
    private final LinearProgram inner;
    private final Counts counts;

    CountedLinearProgram(LinearProgram inner, Counts counts) {
        this.inner = inner;
        this.counts = counts;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public int constraints() {
        return inner.constraints();
    }

    @Override
    public SparseMatrix matrix() {
        return inner.matrix();
    }

    @Override
    public double[] objective() {
        return inner.objective();
    }

    @Override
    public double objectiveOffset() {
        return inner.objectiveOffset();
    }

    @Override
    public double[] variableLower() {
        return inner.variableLower();
    }

    @Override
    public double[] variableUpper() {
        return inner.variableUpper();
    }

    @Override
    public double[] constraintLower() {
        return inner.constraintLower();
    }

    @Override
    public double[] constraintUpper() {
        return inner.constraintUpper();
    }

    @Override
    public double objectiveNorm() {
        return inner.objectiveNorm();
    }

    @Override
    public double boundNorm() {
        return inner.boundNorm();
    }

    @Override
    public void multiply(double[] x, double[] out, ParallelExecutor executor) {
        counts.add(Evaluation.MATRIX_VECTOR);
        inner.multiply(x, out, executor);
    }

    @Override
    public void multiplyTransposed(double[] y, double[] out, ParallelExecutor executor) {
        counts.add(Evaluation.MATRIX_VECTOR);
        inner.multiplyTransposed(y, out, executor);
    }
}
