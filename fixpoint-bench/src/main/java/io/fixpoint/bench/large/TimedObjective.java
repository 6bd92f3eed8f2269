package io.fixpoint.bench.large;

import io.fixpoint.problem.Objective;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * An objective that adds up the wall and CPU time spent inside its evaluations, so that a solver's own
 * time is the rest. The clocks are read twice per call; the thread's CPU clock costs some 15 µs a read
 * on a virtual machine, so the bench times fast solves without this wrapper (see {@code LargeScaleBench}).
 */
final class TimedObjective implements Objective {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private final Objective inner;
    long wallNanos;
    long cpuNanos;

    TimedObjective(Objective inner) {
        this.inner = inner;
    }

    void reset() {
        wallNanos = 0;
        cpuNanos = 0;
    }

    static long cpuNow() {
        return THREADS.getCurrentThreadCpuTime();
    }

    private long w0;
    private long c0;

    private void start() {
        w0 = System.nanoTime();
        c0 = cpuNow();
    }

    private void stop() {
        cpuNanos += cpuNow() - c0;
        wallNanos += System.nanoTime() - w0;
    }

    @Override
    public int dimension() {
        return inner.dimension();
    }

    @Override
    public double value(double[] x) {
        start();
        double v = inner.value(x);
        stop();
        return v;
    }

    @Override
    public void gradient(double[] x, double[] g) {
        start();
        inner.gradient(x, g);
        stop();
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        start();
        double v = inner.valueAndGradient(x, g);
        stop();
        return v;
    }

    @Override
    public boolean hasHessian() {
        return inner.hasHessian();
    }

    @Override
    public void hessian(double[] x, double[] h) {
        start();
        inner.hessian(x, h);
        stop();
    }

    @Override
    public boolean hasHessianVector() {
        return inner.hasHessianVector();
    }

    @Override
    public void hessianVector(double[] x, double[] v, double[] hv) {
        start();
        inner.hessianVector(x, v, hv);
        stop();
    }
}
