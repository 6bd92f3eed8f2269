package io.fixpoint.bench.nist;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.within;

import io.fixpoint.leastsquares.FitStatistics;
import io.fixpoint.leastsquares.TrustRegionReflective;
import io.fixpoint.problem.Bounds;
import io.fixpoint.solve.Driver;
import io.fixpoint.solve.Solution;
import io.fixpoint.solve.Tolerances;
import io.fixpoint.bench.SolveRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Levenberg–Marquardt against every NIST StRD dataset in the repository, from both starts. */
class NistCertificationTest {
    /**
     * The documented exceptions (see README): Lanczos1's certified RSS, 1.4e-25, lies below what
     * double-precision residuals of data of size 1 can resolve; every parameter still reaches LRE ≥ 6.
     */
    static final Set<String> RSS_EXCEPTIONS = Set.of("Lanczos1");

    static List<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String name : NistDataset.BUILT_IN) {
            out.add(Arguments.of(name, 1));
            out.add(Arguments.of(name, 2));
        }
        return out;
    }

    @ParameterizedTest(name = "{0} start {1}")
    @MethodSource("cases")
    void levenbergMarquardtReachesTheCertifiedValues(String name, int start) {
        NistDataset d = NistDataset.builtIn(name);
        SolveRecord r = NistBench.fit(d, start, "lm");
        assertThat(r.statusText()).isEqualTo("CONVERGED");
        for (int j = 0; j < d.certified().length; j++) {
            assertThat(((double[]) r.figures().get("parameterLre"))[j]).as("%s start %d b%d = %s (certified %s)", name, start, j + 1, r.x()[j], d.certified()[j])
                    .isGreaterThanOrEqualTo(6);
        }
        if (RSS_EXCEPTIONS.contains(name)) {
            assertThat(NistBench.rssLre(r)).as("the exception still gets the RSS to a few digits").isGreaterThanOrEqualTo(1.5).isLessThan(6);
        } else {
            assertThat(NistBench.rssLre(r)).as("%s start %d RSS %s", name, start, r.figure("rss", Double.NaN)).isGreaterThanOrEqualTo(6);
        }
    }

    /**
     * Beyond the target: the parameters come out to about the ten digits the certified values carry,
     * except ENSO, whose parameters are determined to about seven digits in double precision
     * (SciPy's least_squares gets 6.5–6.8 there too).
     */
    @ParameterizedTest(name = "{0} start {1}")
    @MethodSource("cases")
    void levenbergMarquardtGetsAllTheDigitsTheDataSupport(String name, int start) {
        SolveRecord r = NistBench.fit(NistDataset.builtIn(name), start, "lm");
        assertThat(NistBench.minParameterLre(r)).isGreaterThanOrEqualTo(name.equals("ENSO") ? 6.3 : 9);
    }

    @Test
    void trustRegionReflectiveKeepsAnActiveBound() {
        // Misra1a with b2 ≤ 5e-4 (certified 5.5e-4): the fit ends on the bound, and b1 is then the
        // linear least-squares coefficient of φ(x) = 1 − exp(−5e-4·x)
        NistDataset d = NistDataset.builtIn("Misra1a");
        double cap = 5e-4;
        var p = d.problem().withBounds(new Bounds(new double[] {0, 0}, new double[] {1e4, cap}));
        double[] worst = {0};
        Driver driver = Driver.builder().tolerances(Tolerances.of(0)).maxIterations(1000)
                .listener((k, st, c) -> worst[0] = Math.max(worst[0], st.x()[1] - cap)).build();
        Solution s = driver.solve(new TrustRegionReflective(), p, d.start(1));
        double num = 0;
        double den = 0;
        for (int i = 0; i < d.x().length; i++) {
            double phi = 1 - Math.exp(-cap * d.x()[i]);
            num += phi * d.y()[i];
            den += phi * phi;
        }
        assertThat(s.converged()).as(s.toString()).isTrue();
        assertThat(worst[0]).isLessThanOrEqualTo(0);
        assertThat(s.x()[1]).isCloseTo(cap, within(1e-12));
        assertThat(s.x()[0]).isCloseTo(num / den, within(1e-7 * num / den));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("io.fixpoint.bench.nist.NistDatasetTest#names")
    void standardErrorsAgreeWithTheCertifiedStandardDeviations(String name) {
        NistDataset d = NistDataset.builtIn(name);
        SolveRecord r = NistBench.fit(d, 2, "lm");
        FitStatistics st = FitStatistics.at(d.problem(), r.x());
        for (int j = 0; j < d.certifiedSd().length; j++) {
            double rel = Math.abs(st.standardErrors()[j] - d.certifiedSd()[j]) / d.certifiedSd()[j];
            // three significant digits everywhere; far more where the RSS itself is certain (not Lanczos1, see above)
            assertThat(rel).as("%s b%d standard error %s vs certified %s", name, j + 1, st.standardErrors()[j], d.certifiedSd()[j])
                    .isLessThan(RSS_EXCEPTIONS.contains(name) ? 1e-3 : 1e-6);
        }
    }
}
