package io.fixpoint.minimize;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.problem.Objective;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The test objectives' analytic derivatives agree with central finite differences. */
class TestObjectivesTest {

    static Stream<Objective> objectives() {
        return Stream.of(TestObjectives.rosenbrock(), TestObjectives.quarticWell(), TestObjectives.pseudoHuber(),
                TestObjectives.logSumExp(4, 0.1), TestObjectives.quadratic(new double[] {4, 1, 0, 1, 3, 1, 0, 1, 2}, new double[] {1, 2, 3}));
    }

    @ParameterizedTest
    @MethodSource("objectives")
    void derivativesMatchFiniteDifferences(Objective f) {
        int n = f.dimension();
        Random r = new Random(7);
        double h = 1e-6;
        for (int trial = 0; trial < 5; trial++) {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 1.5 * r.nextGaussian();
            }
            double[] g = new double[n];
            double[] hess = new double[n * n];
            f.gradient(x, g);
            f.hessian(x, hess);
            double[] gp = new double[n];
            double[] gm = new double[n];
            for (int j = 0; j < n; j++) {
                double[] xp = x.clone();
                double[] xm = x.clone();
                xp[j] += h;
                xm[j] -= h;
                double fd = (f.value(xp) - f.value(xm)) / (2 * h);
                assertThat(g[j]).isCloseTo(fd, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(fd))));
                f.gradient(xp, gp);
                f.gradient(xm, gm);
                for (int i = 0; i < n; i++) {
                    double fdh = (gp[i] - gm[i]) / (2 * h);
                    assertThat(hess[i * n + j]).isCloseTo(fdh, org.assertj.core.data.Offset.offset(1e-5 * Math.max(1, Math.abs(fdh))));
                }
            }
        }
    }
}
