package io.fixpoint.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.FiniteSum;

/** Central finite differences of a finite sum's value and gradient, and checks against the analytic derivatives. */
final class Derivatives {
    private Derivatives() {
    }

    /** Asserts ∇f_B matches central differences of f_B to {@code tol} relative to the gradient's largest entry. */
    static void checkGradient(FiniteSum f, double[] w, Batch batch, double tol) {
        int n = f.dimension();
        double[] g = new double[n];
        double v = f.valueAndGradient(w, batch, g);
        assertThat(f.value(w, batch)).isCloseTo(v, org.assertj.core.data.Offset.offset(1e-12 * Math.max(1, Math.abs(v))));
        double[] x = w.clone();
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double h = 1e-6 * Math.max(1, Math.abs(w[i]));
            x[i] = w[i] + h;
            double up = f.value(x, batch);
            x[i] = w[i] - h;
            double down = f.value(x, batch);
            x[i] = w[i];
            double fd = (up - down) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - g[i]));
            scale = Math.max(scale, Math.abs(g[i]));
        }
        assertThat(worst).as("max |∇f − central difference|, largest |∇f| = %s", scale).isLessThanOrEqualTo(tol * Math.max(scale, 1e-3));
    }

    /** Asserts ∇²f_B·v matches central differences of ∇f_B along v. */
    static void checkHessianVector(FiniteSum f, double[] w, double[] v, Batch batch, double tol) {
        int n = f.dimension();
        double[] hv = new double[n];
        f.hessianVector(w, batch, v, hv);
        double h = 1e-6;
        double[] up = new double[n];
        double[] down = new double[n];
        double[] x = w.clone();
        for (int i = 0; i < n; i++) {
            x[i] = w[i] + h * v[i];
        }
        f.valueAndGradient(x, batch, up);
        for (int i = 0; i < n; i++) {
            x[i] = w[i] - h * v[i];
        }
        f.valueAndGradient(x, batch, down);
        double worst = 0;
        double scale = 0;
        for (int i = 0; i < n; i++) {
            double fd = (up[i] - down[i]) / (2 * h);
            worst = Math.max(worst, Math.abs(fd - hv[i]));
            scale = Math.max(scale, Math.abs(hv[i]));
        }
        assertThat(scale).as("the product is not trivially zero").isGreaterThan(0);
        assertThat(worst).as("max |Hv − difference of gradients|, largest |Hv| = %s", scale).isLessThanOrEqualTo(tol * scale);
    }
}
