package io.fixpoint.bench.constrained;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.fixpoint.bench.SolveRecord;
import io.fixpoint.bench.peer.PythonBridge;
import io.fixpoint.bench.suite.ConstrainedTestProblem;
import io.fixpoint.bench.suite.hs.HockSchittkowski;
import io.fixpoint.catalog.Catalog;
import io.fixpoint.solve.ProblemKind;
import io.fixpoint.solve.Status;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstrainedBenchTest {
    private static final ConstrainedBench.Run FAST = new ConstrainedBench.Run(Duration.ofSeconds(10), 1);
    private static final Catalog CATALOG = Catalog.builtIn();
    private static final List<String> METHODS = CATALOG.names(ProblemKind.CONSTRAINED);

    private static List<ConstrainedTestProblem> some(String... names) {
        List<String> wanted = List.of(names);
        return HockSchittkowski.problems().stream().filter(p -> wanted.contains(p.name())).toList();
    }

    @Test
    void fixpointRowsAreJudgedAndCarryVerifiedKktResiduals() {
        List<SolveRecord> heard = new ArrayList<>();
        ConstrainedBench.Result r = ConstrainedBench.run(CATALOG, some("hs6", "hs35", "hs71", "hs106"), METHODS, List.of(), FAST, heard::add);
        assertThat(r.records()).hasSize(4 * METHODS.size()).isEqualTo(heard);
        for (SolveRecord row : r.records()) {
            assertThat(row.tool()).isEqualTo("fixpoint");
            if (row.status() == Status.CONVERGED) {
                Map<?, ?> kkt = (Map<?, ?>) row.figures().get("kkt");
                for (String part : List.of("stationarity", "feasibility", "complementarity")) {
                    assertThat(((Number) kkt.get(part)).doubleValue()).isLessThanOrEqualTo(1e-8);
                }
                assertThat(row.optimality()).isLessThanOrEqualTo(1e-8);
            }
            assertThat(row.json()).containsKeys("problem", "method", "status", "solved", "value", "violation", "kkt", "evaluations");
        }
        assertThat(r.records().stream().filter(x -> x.method().equals("sqp")).allMatch(SolveRecord::solved)).isTrue();
        String text = ConstrainedBench.text(r);
        assertThat(text).contains("hs71").contains("sqp").contains("augmented-lagrangian").contains("4/4");
    }

    @Test
    void scipyTranslatesEveryProblemFaithfully() {
        ScipyConstrained peer = new ScipyConstrained(PythonBridge.python3(), Duration.ofSeconds(120));
        assumeTrue(peer.unavailable().isEmpty(), "python3 with SciPy is not installed");
        // no methods: the runner only reports f(x0) and c(x0) of its translation, compared with Fixpoint's values
        List<ConstrainedTestProblem> all = HockSchittkowski.problems();
        ScipyConstrained.Outcome out = peer.solve(all, List.of(), 1e-8, 10, 1);
        assertThat(out.skipped()).isNull();
        assertThat(out.disagreements()).isEmpty();
        assertThat(out.version()).startsWith("SciPy");
    }
}
