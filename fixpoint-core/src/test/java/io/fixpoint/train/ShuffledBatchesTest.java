package io.fixpoint.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.problem.Batch;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShuffledBatchesTest {

    @Test
    void everyEpochVisitsEveryExampleOnceInBatchesOfB() {
        ShuffledBatches s = new ShuffledBatches(10, 4, 3);
        assertThat(s.stepsPerEpoch()).isEqualTo(3);
        Batch b = Batch.withCapacity(4);
        List<int[]> epochs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            int[] seen = new int[10];
            int[] order = new int[10];
            int k = 0;
            for (int step = 0; step < 3; step++) {
                s.next(b);
                assertThat(b.size()).isEqualTo(step < 2 ? 4 : 2);
                for (int i = 0; i < b.size(); i++) {
                    seen[b.index(i)]++;
                    order[k++] = b.index(i);
                }
            }
            assertThat(s.epoch()).isEqualTo(e);
            assertThat(seen).containsOnly(1);
            epochs.add(order);
        }
        assertThat(epochs.get(0)).isNotEqualTo(epochs.get(1));
        int[] again = new int[10];
        ShuffledBatches.permutation(3, 1, again);
        assertThat(again).containsExactly(epochs.get(1));
    }

    @Test
    void badSizesAreRejected() {
        assertThatThrownBy(() -> new ShuffledBatches(10, 11, 0)).hasMessageContaining("batch size 11").hasMessageContaining("10 examples");
        assertThatThrownBy(() -> new ShuffledBatches(0, 1, 0)).hasMessageContaining("N = 0");
    }
}
