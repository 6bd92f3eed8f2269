package io.fixpoint.problem;

import java.util.List;
import java.util.Objects;

/**
 * An objective whose gradient is approximated by forward or central differences of its values. The
 * step hⱼ is rounded so that xⱼ + hⱼ − xⱼ = hⱼ exactly, which removes the representation error of the step.
 */
final class DifferencedObjective implements Objective {
    private static final double FORWARD_STEP = Math.sqrt(Math.ulp(1.0));
    private static final double CENTRAL_STEP = Math.cbrt(Math.ulp(1.0));

    private final int n;
    private final Objective.Value f;
    private final Objective.Differences differences;
    private final double[] shifted;

    DifferencedObjective(int n, Objective.Value f, Objective.Differences differences) {
        this.n = FunctionObjective.requirePositive(n);
        this.f = Objects.requireNonNull(f, "value");
        this.differences = Objects.requireNonNull(differences, "differences");
        this.shifted = new double[n];
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double value(double[] x) {
        return f.value(x);
    }

    @Override
    public void gradient(double[] x, double[] g) {
        valueAndGradient(x, g);
    }

    @Override
    public double valueAndGradient(double[] x, double[] g) {
        System.arraycopy(x, 0, shifted, 0, n);
        double f0 = f.value(shifted);
        boolean central = differences == Objective.Differences.CENTRAL;
        double relative = central ? CENTRAL_STEP : FORWARD_STEP;
        for (int j = 0; j < n; j++) {
            double xj = x[j];
            double up = xj + relative * Math.max(1, Math.abs(xj));
            shifted[j] = up;
            double fUp = f.value(shifted);
            if (central) {
                double down = xj - (up - xj);
                shifted[j] = down;
                g[j] = (fUp - f.value(shifted)) / (up - down);
            } else {
                g[j] = (fUp - f0) / (up - xj);
            }
            shifted[j] = xj;
        }
        return f0;
    }

    @Override
    public List<String> warnings() {
        String how = differences == Objective.Differences.CENTRAL
                ? "central differences (2n + 1 values of f per gradient, about 10 correct digits)"
                : "forward differences (n + 1 values of f per gradient, about 8 correct digits)";
        return List.of("the gradient is approximated by " + how + ", so the optimality measure is only as accurate as it");
    }
}
