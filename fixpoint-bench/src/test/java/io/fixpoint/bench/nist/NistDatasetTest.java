package io.fixpoint.bench.nist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.fixpoint.leastsquares.CurveFit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class NistDatasetTest {

    static List<String> names() {
        return NistDataset.BUILT_IN;
    }

    @Test
    void readsMisra1a() {
        NistDataset d = NistDataset.builtIn("misra1a");
        assertThat(d.name()).isEqualTo("Misra1a");
        assertThat(d.model().text()).isEqualTo("b1*(1-exp(-b2*x))");
        assertThat(d.parameters()).containsExactly("b1", "b2");
        assertThat(d.start1()).containsExactly(500, 1e-4);
        assertThat(d.start2()).containsExactly(250, 5e-4);
        assertThat(d.certified()).containsExactly(2.3894212918E+02, 5.5015643181E-04);
        assertThat(d.certifiedSd()).containsExactly(2.7070075241E+00, 7.2668688436E-06);
        assertThat(d.certifiedRss()).isEqualTo(1.2455138894E-01);
        assertThat(d.x()).hasSize(14).startsWith(77.6);
        assertThat(d.y()).startsWith(10.07);
    }

    @Test
    void convertsNistNotation() {
        assertThat(NistDataset.builtIn("Roszman1").model().text()).isEqualTo("b1 - b2*x - atan(b3/(x-b4))/pi");
        assertThat(NistDataset.builtIn("ENSO").model().text()).contains("cos( 2*pi*x/b7 )").doesNotContain("  ");
        assertThat(NistDataset.builtIn("Misra1c").model().text()).contains("^(-.5)");
    }

    /** The automatic Jacobian of every NIST model agrees with central differences at both starts. */
    @ParameterizedTest
    @MethodSource("names")
    void jacobianMatchesFiniteDifferences(String name) {
        NistDataset d = NistDataset.builtIn(name);
        CurveFit p = d.problem();
        int n = p.dimension();
        int m = p.residualCount();
        for (double[] b : List.of(d.start1(), d.start2(), d.certified())) {
            double[] jac = new double[m * n];
            p.jacobian(b, jac);
            double[] up = new double[m];
            double[] down = new double[m];
            for (int j = 0; j < n; j++) {
                double h = 1e-6 * (b[j] != 0 ? Math.abs(b[j]) : 1e-3);
                double[] q = b.clone();
                q[j] = b[j] + h;
                p.residuals(q, up);
                q[j] = b[j] - h;
                p.residuals(q, down);
                for (int i = 0; i < m; i++) {
                    double fd = (up[i] - down[i]) / (2 * h);
                    assertThat(jac[i * n + j]).as("%s dr%d/db%d", name, i, j + 1)
                            .isCloseTo(fd, within(1e-5 * Math.max(1, Math.abs(fd))));
                }
            }
        }
    }

    @Test
    void malformedFilesGiveClearErrors() {
        String good = String.join("\n",
                "NIST/ITL StRD", "Model: y = b1*(1-exp[-b2*x])  +  e",
                "  b1 =   500         250           2.3894212918E+02  2.7070075241E+00",
                "  b2 =     0.0001      0.0005      5.5015643181E-04  7.2668688436E-06",
                "Residual Sum of Squares:                    1.2455138894E-01",
                "Number of Observations:                            2",
                "Data:   y               x", "  10.07E0      77.6E0", "  14.73E0     114.9E0", "");
        assertThat(NistDataset.parse("t", good.replace("Model: y", "y")).x()).containsExactly(77.6, 114.9);
        String ok = good.replace("Model: y", "y");
        assertThatThrownBy(() -> NistDataset.parse("t", ok.replace("y = b1", "z = b1"))).hasMessageContaining("no model line");
        assertThatThrownBy(() -> NistDataset.parse("t", ok.replace("Data:   y", "Dato:   y"))).hasMessageContaining("no data block");
        assertThatThrownBy(() -> NistDataset.parse("t", ok.replace("14.73E0", "abc"))).hasMessageContaining("line 9").hasMessageContaining("not a number");
        assertThatThrownBy(() -> NistDataset.parse("t", ok.replace("  14.73E0     114.9E0", ""))).hasMessageContaining("2 observations");
        assertThatThrownBy(() -> NistDataset.parse("t", ok.replace("Residual Sum", "Residual Sun"))).hasMessageContaining("Residual Sum of Squares");
        assertThatThrownBy(() -> NistDataset.parse("t", ok.replace("exp[", "exp[[")))
                .hasMessageContaining("cannot parse the model").hasMessageContaining("column");
        assertThatThrownBy(() -> NistDataset.parse("t", "")).hasMessageContaining("malformed NIST file t");
        assertThatThrownBy(() -> NistDataset.builtIn("nope")).hasMessageContaining("Misra1a");
    }

    @Test
    void logRelativeError() {
        assertThat(Lre.of(1.0, 1.0)).isEqualTo(Lre.MAX);
        assertThat(Lre.of(1.001, 1.0)).isCloseTo(3, within(1e-9));
        assertThat(Lre.of(Double.NaN, 1.0)).isZero();
        assertThat(Lre.of(5, 1.0)).isZero();
        assertThat(Lre.of(1e-12, 0)).isCloseTo(12, within(1e-9));
    }
}
