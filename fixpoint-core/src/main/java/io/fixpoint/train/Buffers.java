package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/** The state of an element-wise transformation: k buffers over the owned elements, an update count and a view of the owned elements. */
final class Buffers implements GradientTransformation.State {
    final ParameterLayout layout;
    final double[][] buffer;
    final OwnedView view;
    long count;

    Buffers(ParameterLayout layout, int k) {
        this.layout = layout;
        this.buffer = new double[k][layout.size()];
        this.view = new OwnedView(layout, 1);
    }

    @Override
    public double doublesPerParameter() {
        return buffer.length;
    }
}
