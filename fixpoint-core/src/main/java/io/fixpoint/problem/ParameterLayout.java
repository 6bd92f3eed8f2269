package io.fixpoint.problem;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The named tensors a parameter vector is made of, or a selection of them. A selection keeps the
 * offsets of the full vector, so an update that owns only some tensors (a partition, a mask) reads and
 * writes them in place. Besides the tensors, a layout lists its <em>segments</em>: maximal runs of
 * adjacent tensors, so that an element-wise update over a whole vector is one loop. {@link #localOffset}
 * and {@link #segmentLocal} number the owned elements 0..{@link #size()}−1, in order, for state buffers
 * that hold only what a selection owns.
 */
public final class ParameterLayout {
    private final Tensor[] tensors;
    private final int[] local;
    private final int dimension;
    private final int size;
    private final int[] segmentStart;
    private final int[] segmentLength;
    private final int[] segmentLocal;

    private ParameterLayout(List<Tensor> list, int dimension) {
        this.tensors = list.toArray(new Tensor[0]);
        this.dimension = dimension;
        this.local = new int[tensors.length];
        int owned = 0;
        List<int[]> segments = new ArrayList<>();
        for (int k = 0; k < tensors.length; k++) {
            Tensor t = tensors[k];
            local[k] = owned;
            int[] last = segments.isEmpty() ? null : segments.get(segments.size() - 1);
            if (last != null && last[0] + last[1] == t.offset()) {
                last[1] += t.size();
            } else {
                segments.add(new int[] {t.offset(), t.size(), owned});
            }
            owned += t.size();
        }
        this.size = owned;
        segmentStart = segments.stream().mapToInt(s -> s[0]).toArray();
        segmentLength = segments.stream().mapToInt(s -> s[1]).toArray();
        segmentLocal = segments.stream().mapToInt(s -> s[2]).toArray();
    }

    /** One vector tensor {@code "w"} of length n: the layout of a problem that declares none. */
    public static ParameterLayout vector(int n) {
        return builder().vector("w", n, Tensor.Role.GENERIC).build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Length of the whole parameter vector (also for a selection). */
    public int dimension() {
        return dimension;
    }

    /** Number of elements this layout owns: the sum of its tensors' sizes. */
    public int size() {
        return size;
    }

    public int count() {
        return tensors.length;
    }

    public Tensor tensor(int k) {
        return tensors[k];
    }

    /** Position of tensor k's first element among the owned elements. */
    public int localOffset(int k) {
        return local[k];
    }

    public List<Tensor> tensors() {
        return List.of(tensors);
    }

    public int segmentCount() {
        return segmentStart.length;
    }

    /** Offset in the parameter vector of segment s. */
    public int segmentStart(int s) {
        return segmentStart[s];
    }

    public int segmentLength(int s) {
        return segmentLength[s];
    }

    /** Position of segment s's first element among the owned elements. */
    public int segmentLocal(int s) {
        return segmentLocal[s];
    }

    /** True when this layout owns the whole parameter vector: owned position i is entry i. */
    public boolean isWhole() {
        return size == dimension && segmentStart.length == 1;
    }

    /** The tensors that satisfy {@code keep}, at their offsets in the full vector. */
    public ParameterLayout select(Predicate<Tensor> keep) {
        List<Tensor> kept = new ArrayList<>();
        for (Tensor t : tensors) {
            if (keep.test(t)) {
                kept.add(t);
            }
        }
        return new ParameterLayout(kept, dimension);
    }

    /** The tensor called {@code name}, or an exception listing the names there are. */
    public Tensor find(String name) {
        for (Tensor t : tensors) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("no tensor '" + name + "'; the layout has " + names());
    }

    private List<String> names() {
        return Arrays.stream(tensors).map(Tensor::name).toList();
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        for (Tensor t : tensors) {
            b.append(b.length() == 0 ? "" : ", ").append(t.name()).append(' ').append(t.shape());
        }
        return "[" + b + "]";
    }

    /** Lays tensors out one after another, in the order they are added. */
    public static final class Builder {
        private final List<Tensor> tensors = new ArrayList<>();
        private final Set<String> names = new HashSet<>();
        private int next;

        private Builder() {
        }

        public Builder matrix(String name, int rows, int cols, Tensor.Role role) {
            return add(new Tensor(name, role, next, rows, cols, true));
        }

        public Builder vector(String name, int length, Tensor.Role role) {
            return add(new Tensor(name, role, next, length, 1, false));
        }

        private Builder add(Tensor t) {
            if (!names.add(t.name())) {
                throw new IllegalArgumentException("tensor name '" + t.name() + "' appears twice");
            }
            tensors.add(t);
            next = t.end();
            return this;
        }

        public ParameterLayout build() {
            if (tensors.isEmpty()) {
                throw new IllegalArgumentException("a layout needs at least one tensor");
            }
            return new ParameterLayout(tensors, next);
        }
    }
}
