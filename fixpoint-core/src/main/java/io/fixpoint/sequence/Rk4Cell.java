package io.fixpoint.sequence;

import io.fixpoint.problem.Cell;

/**
 * One classical Runge–Kutta (RK4) step of x' = F(x, u) with step dt. The Jacobian of the step is
 * propagated exactly through the four stages: with K1 = F'(x), K2 = F'(x + dt/2·k1)(I + dt/2·K1),
 * K3 = F'(x + dt/2·k2)(I + dt/2·K2), K4 = F'(x + dt·k3)(I + dt·K3), it is I + dt/6·(K1 + 2K2 + 2K3 + K4).
 */
abstract class Rk4Cell implements Cell {
    private static final double[] SCALE = {0, 0.5, 0.5, 1};
    private static final double[] WEIGHT = {1, 2, 2, 1};
    private final int n;
    private final double dt;

    Rk4Cell(int n, double dt) {
        this.n = n;
        this.dt = dt;
    }

    /** out = F(x, u). */
    abstract void field(double[] x, int xo, double[] u, int uo, double[] out, int oo);

    /** jac = F'(x, u), n×n row-major. */
    abstract void fieldJacobian(double[] x, int xo, double[] u, int uo, double[] jac, int jo);

    /** Flops of one field evaluation. */
    abstract long fieldFlops();

    @Override
    public int stateDimension() {
        return n;
    }

    /** k1..k4, a stage point, and four n×n matrices. */
    @Override
    public int workspaceSize() {
        return 5 * n + 4 * n * n;
    }

    @Override
    public void step(double[] x, int xo, double[] u, int uo, double[] out, int oo, double[] w) {
        stages(x, xo, u, uo, w, false);
        for (int i = 0; i < n; i++) {
            double s = x[xo + i] + dt / 6 * (w[i] + 2 * w[n + i] + 2 * w[2 * n + i] + w[3 * n + i]);
            w[4 * n + i] = s;
        }
        System.arraycopy(w, 4 * n, out, oo, n);
    }

    @Override
    public void jacobian(double[] x, int xo, double[] u, int uo, double[] jac, int jo, double[] w) {
        stages(x, xo, u, uo, w, true);
        int sum = 5 * n + 2 * n * n;
        for (int r = 0; r < n; r++) {
            for (int c = 0; c < n; c++) {
                jac[jo + r * n + c] = (r == c ? 1 : 0) + dt / 6 * w[sum + r * n + c];
            }
        }
    }

    /** Stage slopes k1..k4 into w[0..4n); with Jacobians, K1 + 2K2 + 2K3 + K4 into the third matrix. */
    private void stages(double[] x, int xo, double[] u, int uo, double[] w, boolean withJacobian) {
        int pt = 4 * n;
        int fj = 5 * n;
        int kPrev = fj + n * n;
        int sum = kPrev + n * n;
        int tmp = sum + n * n;
        for (int s = 0; s < 4; s++) {
            for (int i = 0; i < n; i++) {
                w[pt + i] = s == 0 ? x[xo + i] : x[xo + i] + SCALE[s] * dt * w[(s - 1) * n + i];
            }
            field(w, pt, u, uo, w, s * n);
            if (!withJacobian) {
                continue;
            }
            fieldJacobian(w, pt, u, uo, w, fj);
            // K_s = F'(point_s)·(I + scale_s·dt·K_{s−1})
            for (int r = 0; r < n; r++) {
                for (int c = 0; c < n; c++) {
                    double v = w[fj + r * n + c];
                    if (s > 0) {
                        for (int k = 0; k < n; k++) {
                            v += w[fj + r * n + k] * SCALE[s] * dt * w[kPrev + k * n + c];
                        }
                    }
                    w[tmp + r * n + c] = v;
                }
            }
            for (int e = 0; e < n * n; e++) {
                w[kPrev + e] = w[tmp + e];
                w[sum + e] = (s == 0 ? 0 : w[sum + e]) + WEIGHT[s] * w[tmp + e];
            }
        }
    }

    @Override
    public long stepFlops() {
        return 4 * fieldFlops() + 12L * n;
    }

    @Override
    public long jacobianFlops() {
        return stepFlops() + 4L * n * n + 3L * (2L * n * n * n + 4L * n * n) + 3L * n * n;
    }

    /** Damped pendulum θ'' = −(g/L)·sin θ − γ·θ' + u, state (θ, ω), input a torque. */
    static final class Pendulum extends Rk4Cell {
        private final double omega2;
        private final double damping;

        Pendulum(double omega2, double damping, double dt) {
            super(2, dt);
            this.omega2 = omega2;
            this.damping = damping;
        }

        @Override
        public String name() {
            return "pendulum";
        }

        @Override
        public int inputDimension() {
            return 1;
        }

        @Override
        void field(double[] x, int xo, double[] u, int uo, double[] out, int oo) {
            double th = x[xo];
            double om = x[xo + 1];
            out[oo] = om;
            out[oo + 1] = -omega2 * Math.sin(th) - damping * om + u[uo];
        }

        @Override
        void fieldJacobian(double[] x, int xo, double[] u, int uo, double[] j, int jo) {
            j[jo] = 0;
            j[jo + 1] = 1;
            j[jo + 2] = -omega2 * Math.cos(x[xo]);
            j[jo + 3] = -damping;
        }

        @Override
        long fieldFlops() {
            return 8;
        }
    }

    /** The Lorenz system with σ = 10, ρ = 28, β = 8/3: chaotic, so errors grow along the trajectory. */
    static final class Lorenz extends Rk4Cell {
        private static final double SIGMA = 10;
        private static final double RHO = 28;
        private static final double BETA = 8.0 / 3.0;

        Lorenz(double dt) {
            super(3, dt);
        }

        @Override
        public String name() {
            return "lorenz";
        }

        @Override
        public int inputDimension() {
            return 0;
        }

        @Override
        void field(double[] x, int xo, double[] u, int uo, double[] out, int oo) {
            double a = x[xo];
            double b = x[xo + 1];
            double c = x[xo + 2];
            out[oo] = SIGMA * (b - a);
            out[oo + 1] = a * (RHO - c) - b;
            out[oo + 2] = a * b - BETA * c;
        }

        @Override
        void fieldJacobian(double[] x, int xo, double[] u, int uo, double[] j, int jo) {
            double a = x[xo];
            double b = x[xo + 1];
            double c = x[xo + 2];
            j[jo] = -SIGMA;
            j[jo + 1] = SIGMA;
            j[jo + 2] = 0;
            j[jo + 3] = RHO - c;
            j[jo + 4] = -1;
            j[jo + 5] = -a;
            j[jo + 6] = b;
            j[jo + 7] = a;
            j[jo + 8] = -BETA;
        }

        @Override
        long fieldFlops() {
            return 10;
        }
    }
}
