package io.fixpoint.bench.suite.mgh;

/**
 * MGH (7): r1 = 10(x3 − 10θ(x1, x2)), r2 = 10(√(x1² + x2²) − 1), r3 = x3, where 2πθ = arctan(x2/x1) for
 * x1 > 0 and arctan(x2/x1) + π for x1 < 0 (and ±π/2 on x1 = 0); x0 = (−1, 0, 0); f* = 0 at (1, 0, 0).
 */
public final class HelicalValley extends SumOfSquares {
    private static final double TWO_PI = 2 * Math.PI;

    public HelicalValley() {
        super("helical-valley", 3, 3);
    }

    @Override
    public double[] start() {
        return new double[] {-1, 0, 0};
    }

    static double theta(double x1, double x2) {
        if (x1 > 0) {
            return Math.atan(x2 / x1) / TWO_PI;
        }
        if (x1 < 0) {
            return Math.atan(x2 / x1) / TWO_PI + 0.5;
        }
        return 0.25 * Math.signum(x2);
    }

    @Override
    public void residuals(double[] x, double[] r) {
        r[0] = 10 * (x[2] - 10 * theta(x[0], x[1]));
        r[1] = 10 * (Math.hypot(x[0], x[1]) - 1);
        r[2] = x[2];
    }

    @Override
    protected void jacobianEntries(double[] x, double[] jac) {
        double rho2 = x[0] * x[0] + x[1] * x[1];
        double rho = Math.sqrt(rho2);
        jac[0] = 100 * x[1] / (TWO_PI * rho2);
        jac[1] = -100 * x[0] / (TWO_PI * rho2);
        jac[2] = 10;
        jac[3] = 10 * x[0] / rho;
        jac[4] = 10 * x[1] / rho;
        jac[8] = 1;
    }

    @Override
    protected void addResidualHessians(double[] x, double[] w, double[] s) {
        double a = x[0];
        double b = x[1];
        double rho2 = a * a + b * b;
        double rho = Math.sqrt(rho2);
        // θ_aa = 2ab/(2πρ⁴), θ_ab = (b² − a²)/(2πρ⁴), θ_bb = −θ_aa; r1 carries −100θ.
        double t = -100 * w[0] / (TWO_PI * rho2 * rho2);
        addSymmetric(s, 0, 0, t * 2 * a * b);
        addSymmetric(s, 0, 1, t * (b * b - a * a));
        addSymmetric(s, 1, 1, -t * 2 * a * b);
        // ρ_aa = b²/ρ³, ρ_ab = −ab/ρ³, ρ_bb = a²/ρ³; r2 carries 10ρ.
        double u = 10 * w[1] / (rho2 * rho);
        addSymmetric(s, 0, 0, u * b * b);
        addSymmetric(s, 0, 1, -u * a * b);
        addSymmetric(s, 1, 1, u * a * a);
    }
}
