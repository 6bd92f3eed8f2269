package io.fixpoint.problem;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/** An objective differentiated by the complex step: ∂f/∂xⱼ = Im f(x + ihⱼeⱼ)/hⱼ, no cancellation. */
final class ComplexStepObjective implements Objective {
    /** Relative step; any size far below √ε works, since nothing is subtracted. */
    static final double STEP = 1e-20;

    private final int n;
    private final Objective.ComplexValue f;
    private final double[] im;
    private final double[] out = new double[2];

    ComplexStepObjective(int n, Objective.ComplexValue f) {
        this.n = FunctionObjective.requirePositive(n);
        this.f = Objects.requireNonNull(f, "value");
        this.im = new double[n];
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        Arrays.fill(im, 0);
        f.value(x, im, out);
        return out[0];
    }

    @Override
    public void gradient(double[] x, double[] g) {
        Arrays.fill(im, 0);
        for (int j = 0; j < n; j++) {
            double h = STEP * Math.max(1, Math.abs(x[j]));
            im[j] = h;
            f.value(x, im, out);
            g[j] = out[1] / h;
            im[j] = 0;
        }
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        gradient(x, g);
        return value(x);
    }

    @Override
    public List<String> warnings() {
        return List.of("the gradient is computed by the complex step (n complex values of f per gradient): exact to rounding "
                + "only where f, as written for complex arguments, is analytic");
    }
}
