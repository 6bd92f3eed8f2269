package io.fixpoint.problem;

import java.util.Objects;

/** An objective from its value and gradient functions. */
final class FunctionObjective implements Objective {
    private final int n;
    private final Objective.Value f;
    private final Objective.Gradient g;

    FunctionObjective(int n, Objective.Value f, Objective.Gradient g) {
        this.n = requirePositive(n);
        this.f = Objects.requireNonNull(f, "value");
        this.g = Objects.requireNonNull(g, "gradient");
    }

    static int requirePositive(int n) {
        if (n <= 0) {
            throw new InvalidProblemException("an objective needs n > 0 unknowns, got n = " + n);
        }
        return n;
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
    public void gradient(double[] x, double[] out) {
        g.gradient(x, out);
    }
}
