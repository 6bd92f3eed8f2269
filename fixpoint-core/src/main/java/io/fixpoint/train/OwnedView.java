package io.fixpoint.train;

import io.fixpoint.problem.ParameterLayout;

/**
 * The owned elements of full-length vectors as arrays indexed like the state buffers (0..size−1), so
 * that an element-wise loop indexes every array with one index — a loop the JIT vectorises, where two
 * different offsets defeat it. When the layout is the whole vector, the vector itself is the view and
 * nothing is copied; otherwise the owned segments are gathered into a workspace and scattered back.
 */
final class OwnedView {
    private final ParameterLayout layout;
    private final double[][] work;

    OwnedView(ParameterLayout layout, int slots) {
        this.layout = layout;
        this.work = layout.isWhole() ? null : new double[slots][layout.size()];
    }

    /** The owned elements of {@code full}, in workspace {@code slot} unless the layout is whole. */
    double[] of(double[] full, int slot) {
        if (work == null) {
            return full;
        }
        Elementwise.gather(layout, full, work[slot]);
        return work[slot];
    }

    /** Writes a view's elements back into {@code full} (nothing to do when the view is {@code full}). */
    void back(double[] view, double[] full) {
        if (view == full) {
            return;
        }
        for (int s = 0; s < layout.segmentCount(); s++) {
            System.arraycopy(view, layout.segmentLocal(s), full, layout.segmentStart(s), layout.segmentLength(s));
        }
    }
}
