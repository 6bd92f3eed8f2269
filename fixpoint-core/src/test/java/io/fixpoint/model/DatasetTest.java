package io.fixpoint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;

class DatasetTest {

    @Test
    void theSplitIsFixedBySeedAndStandardisedByTheTrainingPart() {
        Dataset d = Synthetic.classification(50, 3, 2, 4);
        Dataset.Split a = d.split(0.2, 7);
        Dataset.Split b = d.split(0.2, 7);
        Dataset.Split c = d.split(0.2, 8);
        assertThat(a.heldOut().rows()).isEqualTo(10);
        assertThat(a.train().rows()).isEqualTo(40);
        assertThat(a.heldOut().feature(3, 1)).isEqualTo(b.heldOut().feature(3, 1));
        assertThat(a.heldOut().feature(3, 1)).isNotEqualTo(c.heldOut().feature(3, 1));
        for (int j = 0; j < 3; j++) {
            double mean = 0;
            double sq = 0;
            for (int i = 0; i < 40; i++) {
                mean += a.train().feature(i, j) / 40;
                sq += a.train().feature(i, j) * a.train().feature(i, j) / 40;
            }
            assertThat(mean).isCloseTo(0, offset(1e-12));
            assertThat(sq).isCloseTo(1, offset(1e-12));
        }
    }

    @Test
    void badTablesAreRejectedWithTheirRow() {
        assertThatThrownBy(() -> Dataset.classification("t", new double[] {1, Double.NaN}, 1, new int[] {0, 1})).hasMessageContaining("row 2");
        assertThatThrownBy(() -> Dataset.classification("t", new double[] {1, 2}, 1, new int[] {0, -1})).hasMessageContaining("negative class");
        assertThatThrownBy(() -> Dataset.classification("t", new double[] {1, 2, 3}, 2, new int[] {0})).hasMessageContaining("do not make");
    }

    @Test
    void modelSpecificationsAreParsedStrictly() {
        Dataset d = Synthetic.classification(30, 4, 3, 1);
        assertThat(Models.forTable("mlp:5,4", d, 0, 0, Activation.TANH).description()).contains("[4, 5, 4, 3]");
        assertThat(Models.forTable("mf:2", d, 0, 0, Activation.RELU).train().dimension()).isEqualTo((30 + 4) * 2);
        assertThatThrownBy(() -> Models.forTable("mlp", d, 0, 0, Activation.RELU)).hasMessageContaining("needs its sizes");
        assertThatThrownBy(() -> Models.forTable("softmax:3", d, 0, 0, Activation.RELU)).hasMessageContaining("takes no sizes");
        assertThatThrownBy(() -> Models.forTable("mlp:4,x", d, 0, 0, Activation.RELU)).hasMessageContaining("whole numbers");
        assertThatThrownBy(() -> Models.forTable("mlp:0", d, 0, 0, Activation.RELU)).hasMessageContaining("between 1");
        assertThatThrownBy(() -> Models.forTable("rnn:4", d, 0, 0, Activation.RELU)).hasMessageContaining("unknown model 'rnn:4'");
        assertThatThrownBy(() -> Activation.of("swish")).hasMessageContaining("relu, tanh or gelu");
    }
}
