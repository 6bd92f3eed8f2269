package io.fixpoint.bench.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.fixpoint.bench.compare.CompareSettings;
import io.fixpoint.bench.compare.ComparisonResult;
import io.fixpoint.bench.compare.PeerOutcome;
import io.fixpoint.bench.SolveRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void ratiosAreMediansOverProblemsBothSolve() {
        Summary s = new Summary(Synthetic.result());
        Summary.Row lbfgs = s.rows().get(0);
        assertThat(lbfgs.solver()).isEqualTo("fixpoint lbfgs");
        assertThat(lbfgs.solved()).isEqualTo(3);
        assertThat(lbfgs.bestPeer()).isEqualTo("scipy L-BFGS-B");
        // p1: 10/20 and 1/4; p2: 30/10 and 3/1 → medians 1.75 and 1.625
        assertThat(lbfgs.ratios().common()).isEqualTo(2);
        assertThat(lbfgs.ratios().gradientEvaluations()).isEqualTo(1.75);
        assertThat(lbfgs.ratios().seconds()).isCloseTo(1.625, org.assertj.core.data.Offset.offset(1e-12));
        // median ∇f evaluations over the solved problems 5, 10, 30
        assertThat(lbfgs.medianGradientEvaluations()).isEqualTo(10);
        assertThat(s.rows().get(1).ratios()).isNull();
    }

    @Test
    void headlineStatesSolvedCountsAndRatios() {
        List<String> h = new Summary(Synthetic.result()).headline();
        assertThat(h.get(0)).contains("Fixpoint lbfgs solved 3 of 4").contains("SciPy L-BFGS-B solved 3 of 4").contains("On the 2 problems")
                .contains("1.75× the gradient evaluations").contains("× the time");
        assertThat(h.get(1)).contains("no 'bfgs' minimiser");
    }

    @Test
    void pairsCoverEveryPeerOfTheFamily() {
        List<java.util.Map.Entry<String[], Summary.Ratios>> pairs = new Summary(Synthetic.result()).pairs();
        assertThat(pairs).singleElement().satisfies(e -> {
            assertThat(e.getKey()).containsExactly("fixpoint lbfgs", "scipy L-BFGS-B");
            assertThat(e.getValue().common()).isEqualTo(2);
        });
    }

    @Test
    void headlineSaysWhenScipyWasSkipped() {
        ComparisonResult r = Synthetic.result();
        ComparisonResult skipped = new ComparisonResult(r.date(), r.machine(), 1, CompareSettings.DEFAULT, r.problems(),
                List.of(r.outcomes().get(0), PeerOutcome.skipped("scipy", "SciPy peer skipped: no Python interpreter at 'x'")), List.of());
        assertThat(new Summary(skipped).headline().get(0)).contains("solved 3 of 4").contains("no SciPy figures").contains("no Python interpreter");
    }

    @Test
    void aDisagreementMarksTheRunAsFailed() {
        ComparisonResult r = Synthetic.result();
        assertThat(r.hasDisagreements()).isTrue();
        ComparisonResult clean = new ComparisonResult(r.date(), r.machine(), 1, CompareSettings.DEFAULT, r.problems(), List.of(r.outcomes().get(0)), List.of());
        assertThat(clean.hasDisagreements()).isFalse();
    }

    @Test
    void bestPeerSolvesMostProblems() {
        List<SolveRecord> recs = List.of(Synthetic.rec("fixpoint", "cg-pr", "p1", true, 5, 1), Synthetic.rec("scipy", "CG", "p1", false, 5, 1),
                Synthetic.rec("hipparchus", "nlcg-pr", "p1", true, 50, 1));
        ComparisonResult r = new ComparisonResult("d", "m", 1, CompareSettings.DEFAULT, List.of(), List.of(
                new PeerOutcome("all", "v", null, List.of(), List.of(), List.of(), recs)), List.of());
        assertThat(new Summary(r).rows().get(0).bestPeer()).isEqualTo("hipparchus nlcg-pr");
    }
}
