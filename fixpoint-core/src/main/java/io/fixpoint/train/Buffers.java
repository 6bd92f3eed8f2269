package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/** The state of an element-wise transformation: k buffers over the owned elements and an update count. */
final class Buffers implements GradientTransformation.State {
    final ParameterLayout layout;
    final double[][] buffer;
    long count;

    Buffers(ParameterLayout layout, int k) {
        this.layout = layout;
        this.buffer = new double[k][layout.size()];
    }

    @Override
    public double doublesPerParameter() {
        return buffer.length;
    }
}
