package io.fixpoint.problem;

/**
 * One named block of a parameter vector: a vector, or a matrix stored row-major, with the part it plays
 * in a model, so that an update can treat matrices differently (Muon, Shampoo, SOAP) and a mask can
 * leave biases out of weight decay. Weight matrices follow the convention y = W·x: rows are outputs,
 * columns inputs.
 *
 * @param name   unique within its layout, e.g. {@code "layer1.weight"}
 * @param role   the part it plays
 * @param offset index of its first element in the parameter vector
 * @param rows   rows of a matrix; the length of a vector
 * @param cols   columns of a matrix; 1 for a vector
 * @param matrix whether it is a matrix (a one-column matrix is still a matrix)
 */
public record Tensor(String name, Role role, int offset, int rows, int cols, boolean matrix) {

    /** The part a tensor plays in a model. */
    public enum Role {
        /** A weight matrix between layers (dense layers, recurrent weights): what Muon orthogonalises. */
        HIDDEN,
        /** A lookup table indexed by tokens or ids (embeddings, factor matrices). */
        EMBEDDING,
        /** The output layer, which maps features to logits or predictions. */
        OUTPUT,
        /** Biases and gains: left out of weight decay by default. */
        BIAS,
        /** A parameter block with no particular structure. */
        GENERIC
    }

    public Tensor {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a tensor needs a name");
        }
        if (role == null) {
            throw new IllegalArgumentException("tensor " + name + " needs a role");
        }
        if (offset < 0 || rows < 1 || cols < 1 || (!matrix && cols != 1)) {
            throw new IllegalArgumentException("tensor " + name + " has an invalid shape: offset " + offset + ", " + rows + "×" + cols
                    + (matrix ? " matrix" : " vector"));
        }
        if ((long) rows * cols > Integer.MAX_VALUE - offset) {
            throw new IllegalArgumentException("tensor " + name + " is too large: " + rows + "×" + cols);
        }
    }

    /** Number of elements. */
    public int size() {
        return rows * cols;
    }

    /** Index one past its last element. */
    public int end() {
        return offset + rows * cols;
    }

    /** The shape as text: {@code 64×128} or {@code 10}. */
    public String shape() {
        return matrix ? rows + "×" + cols : Integer.toString(rows);
    }
}
