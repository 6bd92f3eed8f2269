package io.fixpoint.bench.lp;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.catalog.Catalog;
import io.fixpoint.lp.FarkasRay;
import io.fixpoint.lp.LpResult;
import io.fixpoint.lp.LpSettings;
import io.fixpoint.lp.LpSolver;
import io.fixpoint.lp.MpsModel;
import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.problem.LinearProgram;
import io.fixpoint.solve.SolverSpec;
import io.fixpoint.solve.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every shipped Netlib model reads; a handful of small ones are solved to their reference optimum and,
 * perturbed, certified infeasible or unbounded. The sweeps over the quick subset and the whole set
 * (every method, solved counts, no false verdicts) are the LP suite's ({@code fixpoint bench --suites lp}).
 */
class NetlibTest {
    static final Map<String, String[]> REFERENCE = new HashMap<>();

    @BeforeAll
    static void readReference() throws IOException {
        try (InputStream in = NetlibTest.class.getResourceAsStream("/io/fixpoint/bench/lp/netlib/reference.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.US_ASCII).split("\n");
            for (int k = 1; k < lines.length; k++) {
                String[] f = lines[k].split(",", -1);
                REFERENCE.put(f[0], f);
            }
        }
    }

    static SolverSpec<LinearProgram> spec(String method) {
        return Catalog.builtIn().linearProgram(method);
    }

    static LpResult solve(LinearProgram lp, String method) {
        return LpSolver.solve(lp, spec(method), LpSettings.of(spec(method).defaults().withMaxIterations(100_000)));
    }

    @Test
    void everyShippedModelReadsWithTheSizesAnIndependentReaderFinds() {
        assertThat(REFERENCE.keySet()).containsExactlyInAnyOrderElementsOf(Netlib.ALL);
        for (String name : Netlib.ALL) {
            LinearProgram lp = Netlib.load(name).program();
            String[] f = REFERENCE.get(name);
            assertThat(lp.constraints()).as(name).isEqualTo(Integer.parseInt(f[1])).isEqualTo(Integer.parseInt(f[4]));
            assertThat(lp.dimension()).as(name).isEqualTo(Integer.parseInt(f[2])).isEqualTo(Integer.parseInt(f[5]));
            assertThat(lp.matrix().nonZeros()).as(name).isEqualTo(Integer.parseInt(f[3]));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"afiro", "sc50a", "blend", "recipe", "stocfor1"})
    void reachesTheReferenceOptimumToOneInAMillion(String name) {
        MpsModel m = Netlib.load(name);
        LpResult r = solve(m.program(), "r2hpdhg");
        assertThat(r.statusName()).isEqualTo("OPTIMAL");
        double reference = Double.parseDouble(REFERENCE.get(name)[6]);
        assertThat(Math.abs(m.objectiveInFileSense(r.objective()) - reference)).isLessThanOrEqualTo(1e-6 * Math.max(1, Math.abs(reference)));
        String published = REFERENCE.get(name)[7];
        if (!published.isEmpty()) {
            assertThat(Math.abs(r.objective() - Double.parseDouble(published))).isLessThanOrEqualTo(1e-6 * Math.abs(reference));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"afiro", "sc50a"})
    void perturbedModelsAreCertifiedInfeasibleWithCheckedRays(String name) {
        LinearProgram lp = Netlib.load(name).program();
        LinearProgram infeasible = Perturb.infeasible(lp);
        LinearProgram unbounded = Perturb.unbounded(lp);
        for (String method : new String[] {"r2hpdhg", "pdhg"}) {
            LpResult p = solve(infeasible, method);
            assertThat(p.status()).as(name + " " + method).isEqualTo(Status.PRIMAL_INFEASIBLE);
            assertThat(FarkasRay.ofDualRay(infeasible, p.ray().ray(), 1e-10, ParallelExecutor.sequential()).valid()).isTrue();
            LpResult d = solve(unbounded, method);
            assertThat(d.status()).as(name + " " + method).isEqualTo(Status.DUAL_INFEASIBLE);
            assertThat(FarkasRay.ofPrimalRay(unbounded, d.ray().ray(), 1e-10, ParallelExecutor.sequential()).valid()).isTrue();
        }
    }
}
