package io.fixpoint.solve;

import java.util.Arrays;

/** The per-iteration history of a solve: value, optimality, step norm, cumulative evaluations, time. */
public final class Trace {
    private int size;
    private double[] value = new double[16];
    private double[] optimality = new double[16];
    private double[] step = new double[16];
    private long[] evaluations = new long[16];
    private double[] seconds = new double[16];

    void add(double v, double opt, double stepNorm, long evals, double secs) {
        if (size == value.length) {
            int n = size * 2;
            value = Arrays.copyOf(value, n);
            optimality = Arrays.copyOf(optimality, n);
            step = Arrays.copyOf(step, n);
            evaluations = Arrays.copyOf(evaluations, n);
            seconds = Arrays.copyOf(seconds, n);
        }
        value[size] = v;
        optimality[size] = opt;
        step[size] = stepNorm;
        evaluations[size] = evals;
        seconds[size] = secs;
        size++;
    }

    /** Number of recorded iterates, the start point included (entry 0). */
    public int size() {
        return size;
    }

    public double[] values() {
        return Arrays.copyOf(value, size);
    }

    public double[] optimality() {
        return Arrays.copyOf(optimality, size);
    }

    public double[] stepNorms() {
        return Arrays.copyOf(step, size);
    }

    public long[] evaluations() {
        return Arrays.copyOf(evaluations, size);
    }

    public double[] seconds() {
        return Arrays.copyOf(seconds, size);
    }
}
