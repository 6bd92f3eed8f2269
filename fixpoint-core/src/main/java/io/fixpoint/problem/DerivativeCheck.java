package io.fixpoint.problem;

import java.util.Locale;

/**
 * A user's derivatives compared with central finite differences at one point: the worst entry and
 * where it is. The error of an entry is |analytic − fd| / (1 + |fd|), relative for large entries and
 * absolute near zero. Central differences with hⱼ = ε^{1/3}·max(1, |xⱼ|) (Nocedal and Wright,
 * Numerical Optimization, 2nd ed., §8.1) err by about ε^{2/3} ≈ 4·10⁻¹¹ times the third derivative, so
 * a correct derivative of a smooth function shows errors of 10⁻⁸ or less and a wrong one errors of
 * order one; {@link #TOLERANCE} sits between. The differences also carry the rounding error of F,
 * about ε·|F|/h: a variable whose effect on F is below the rounding of F (exp(x₂) beside x₁² = 10¹²)
 * cannot be checked there, so check at a point where every term matters.
 *
 * <pre>{@code
 * DerivativeCheck check = DerivativeCheck.gradient(objective, x);
 * if (!check.passes()) throw new IllegalStateException(check.describe());
 * }</pre>
 *
 * @param worstError       the largest error over the entries (+∞ when an entry is not finite)
 * @param row              the worst entry's row: the residual or component i of ∂Fᵢ/∂xⱼ (0 for a gradient)
 * @param column           the worst entry's column: the variable j
 * @param analytic         the user's value of that entry
 * @param finiteDifference the central difference for it
 * @param what             "gradient", "Jacobian" or "Hessian", for the description
 */
public record DerivativeCheck(double worstError, int row, int column, double analytic, double finiteDifference, String what) {

    /** Errors above this mean the derivative is wrong (or f is not smooth at the point). */
    public static final double TOLERANCE = 1e-6;

    private static final double STEP = Math.cbrt(Math.ulp(1.0));

    /** The objective's gradient against central differences of its value, at {@code x}. */
    public static DerivativeCheck gradient(Objective f, double[] x) {
        check(x, f.dimension());
        int n = x.length;
        double[] g = new double[n];
        f.gradient(x.clone(), g);
        double[] probe = x.clone();
        Worst worst = new Worst();
        for (int j = 0; j < n; j++) {
            double h = step(probe, j);
            probe[j] = x[j] + h;
            double plus = f.value(probe);
            probe[j] = x[j] - h;
            double minus = f.value(probe);
            probe[j] = x[j];
            worst.offer(0, j, g[j], (plus - minus) / (2 * h));
        }
        return worst.result("gradient");
    }

    /** The function's Jacobian against central differences of F, at {@code x}. */
    public static DerivativeCheck jacobian(VectorFunction f, double[] x) {
        check(x, f.dimension());
        if (!f.hasJacobian()) {
            throw new IllegalArgumentException("the function has no Jacobian to check");
        }
        int n = x.length;
        int m = f.outputDimension();
        double[] jac = new double[m * n];
        f.jacobian(x.clone(), jac);
        return columns(n, m, x, f::evaluate, jac, "Jacobian");
    }

    /** The objective's Hessian against central differences of its gradient, at {@code x}. */
    public static DerivativeCheck hessian(Objective f, double[] x) {
        check(x, f.dimension());
        if (!f.hasHessian()) {
            throw new IllegalArgumentException("the objective has no Hessian to check");
        }
        int n = x.length;
        double[] h = new double[n * n];
        f.hessian(x.clone(), h);
        return columns(n, n, x, f::gradient, h, "Hessian");
    }

    /** Whether every entry is within {@link #TOLERANCE}. */
    public boolean passes() {
        return passes(TOLERANCE);
    }

    public boolean passes(double tolerance) {
        return worstError <= tolerance;
    }

    /** One line: the worst error and the entry where it is. */
    public String describe() {
        String entry = what.equals("gradient") ? "component " + column : "entry (" + row + ", " + column + ")";
        return String.format(Locale.ROOT, "%s: worst relative error %.3g at %s: analytic %.8g, finite difference %.8g", what, worstError,
                entry, analytic, finiteDifference);
    }

    /** F as the check evaluates it: the function, or the gradient for a Hessian. */
    private interface Evaluated {
        void evaluate(double[] x, double[] out);
    }

    private static DerivativeCheck columns(int n, int m, double[] x, Evaluated f, double[] analytic, String what) {
        double[] probe = x.clone();
        double[] plus = new double[m];
        double[] minus = new double[m];
        Worst worst = new Worst();
        for (int j = 0; j < n; j++) {
            double h = step(probe, j);
            probe[j] = x[j] + h;
            f.evaluate(probe, plus);
            probe[j] = x[j] - h;
            f.evaluate(probe, minus);
            probe[j] = x[j];
            for (int i = 0; i < m; i++) {
                worst.offer(i, j, analytic[i * n + j], (plus[i] - minus[i]) / (2 * h));
            }
        }
        return worst.result(what);
    }

    /** hⱼ rounded to a step x ± h can represent exactly, so the quotient divides by the step taken. */
    private static double step(double[] x, int j) {
        double h = STEP * Math.max(1, Math.abs(x[j]));
        return (x[j] + h) - x[j];
    }

    private static void check(double[] x, int dimension) {
        InvalidProblemException.checkDimension("point", x.length, dimension);
        InvalidProblemException.checkFinite("point", x);
    }

    private static final class Worst {
        double error = -1;
        int row;
        int column;
        double analytic = Double.NaN;
        double difference = Double.NaN;

        void offer(int i, int j, double an, double fd) {
            double e = Math.abs(an - fd) / (1 + Math.abs(fd));
            if (!Double.isFinite(e)) {
                e = Double.POSITIVE_INFINITY;
            }
            if (e > error) {
                error = e;
                row = i;
                column = j;
                analytic = an;
                difference = fd;
            }
        }

        DerivativeCheck result(String what) {
            return new DerivativeCheck(error, row, column, analytic, difference, what);
        }
    }
}
