package io.fixpoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Row-addressable synthetic data: any cut into ranges gives the same rows; sparse rows hold at most k sorted features. */
class SyntheticTest {

    @Test
    void rangesOfRowsAreTheSameRowsWhereverTheyAreMade() {
        for (int k : new int[] {50, 7}) {
            List<LabeledRow> whole = Synthetic.rows(11, 50, k, 0, 300);
            List<LabeledRow> pieces = new ArrayList<>(Synthetic.rows(11, 50, k, 0, 123));
            pieces.addAll(Synthetic.rows(11, 50, k, 123, 300));
            assertThat(pieces).isEqualTo(whole);
            assertThat(whole).isNotEqualTo(Synthetic.rows(12, 50, k, 0, 300));
            assertThat(whole.stream().mapToDouble(LabeledRow::label).average().orElseThrow()).isBetween(0.3, 0.7);
        }
        for (LabeledRow r : Synthetic.rows(3, 1000, 20, 0, 100)) {
            assertThat(r.isDense()).isFalse();
            assertThat(r.entries()).isBetween(15, 20);
            for (int t = 1; t < r.entries(); t++) {
                assertThat(r.index(t)).isGreaterThan(r.index(t - 1));
            }
        }
        // Independent rows: neighbours share about k²/d = 0.25 of 50 features (streams one draw apart shared 49).
        List<LabeledRow> sparse = Synthetic.rows(2, 10_000, 50, 0, 200);
        for (int i = 1; i < sparse.size(); i++) {
            java.util.Set<Integer> a = new java.util.HashSet<>();
            for (int t = 0; t < sparse.get(i - 1).entries(); t++) {
                a.add(sparse.get(i - 1).index(t));
            }
            int shared = 0;
            for (int t = 0; t < sparse.get(i).entries(); t++) {
                shared += a.contains(sparse.get(i).index(t)) ? 1 : 0;
            }
            assertThat(shared).as("features rows %d and %d share", i - 1, i).isLessThanOrEqualTo(4);
        }
        assertThat(Synthetic.rows(3, 8, 8, 0, 5)).allSatisfy(r -> assertThat(r.isDense() && r.entries() == 8).isTrue());
        assertThatThrownBy(() -> Synthetic.rows(3, 8, 9, 0, 5)).hasMessageContaining("1 ≤ k ≤ d");
    }
}
