package io.fixpoint.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fixpoint.problem.Batch;
import io.fixpoint.problem.Cell;
import io.fixpoint.sequence.Cells;
import org.junit.jupiter.api.Test;

class CharGruTest {
    private static final Corpus TEXT = Corpus.of("test", "the quick brown fox jumps over the lazy dog; the dog sleeps.");

    @Test
    void gradientMatchesFiniteDifferences() {
        Corpus.Windows win = TEXT.windows(7, 0.2, 1);
        CharGru f = new CharGru(TEXT, win.train(), 7, 5, 0.01);
        double[] w = f.initialParameters(2);
        for (int i = 0; i < w.length; i++) {
            w[i] *= 3; // larger weights, so the gates saturate partly and every term matters
        }
        Derivatives.checkGradient(f, w, Batch.of(0, 2, 2, 4), 1e-6);
        Derivatives.checkGradient(f, w, Batch.all(), 1e-6);
    }

    @Test
    void hiddenStatesAreThoseOfTheSequencePackagesGruCell() {
        Corpus.Windows win = TEXT.windows(6, 0.2, 3);
        int hidden = 4;
        CharGru f = new CharGru(TEXT, win.train(), 6, hidden, 0);
        double[] w = f.initialParameters(5);
        int v = TEXT.vocabulary();
        int wih = f.layout().find("gru.weight_ih").offset();
        int whh = f.layout().find("gru.weight_hh").offset();
        int bih = f.layout().find("gru.bias_ih").offset();
        int bhh = f.layout().find("gru.bias_hh").offset();
        double[][] cellWeights = new double[10][];
        for (int gate = 0; gate < 3; gate++) {
            cellWeights[gate] = java.util.Arrays.copyOfRange(w, whh + gate * hidden * hidden, whh + (gate + 1) * hidden * hidden);
            cellWeights[3 + gate] = java.util.Arrays.copyOfRange(w, wih + gate * hidden * v, wih + (gate + 1) * hidden * v);
        }
        cellWeights[6] = new double[hidden];
        cellWeights[7] = new double[hidden];
        for (int i = 0; i < hidden; i++) {
            cellWeights[6][i] = w[bih + i] + w[bhh + i];
            cellWeights[7][i] = w[bih + hidden + i] + w[bhh + hidden + i];
        }
        cellWeights[8] = java.util.Arrays.copyOfRange(w, bih + 2 * hidden, bih + 3 * hidden);
        cellWeights[9] = java.util.Arrays.copyOfRange(w, bhh + 2 * hidden, bhh + 3 * hidden);
        Cell cell = Cells.gru(hidden, v, cellWeights);
        double[] states = f.hiddenStates(w, 1);
        double[] h = new double[hidden];
        double[] next = new double[hidden];
        double[] work = new double[cell.workspaceSize()];
        int start = win.train()[1];
        for (int t = 0; t < 6; t++) {
            double[] oneHot = new double[v];
            oneHot[TEXT.token(start + t)] = 1;
            cell.step(h, 0, oneHot, 0, next, 0, work);
            for (int i = 0; i < hidden; i++) {
                assertThat(states[t * hidden + i]).isCloseTo(next[i], org.assertj.core.data.Offset.offset(1e-14));
            }
            System.arraycopy(next, 0, h, 0, hidden);
        }
    }

    @Test
    void untrainedModelPredictsNearUniformlyAndMetricsAreConsistent() {
        Corpus.Windows win = TEXT.windows(5, 0.2, 1);
        CharGru f = new CharGru(TEXT, win.train(), 5, 3, 0);
        double[] zero = new double[f.dimension()];
        assertThat(f.value(zero, Batch.all())).isCloseTo(Math.log(TEXT.vocabulary()), org.assertj.core.data.Offset.offset(1e-12));
        var m = f.on(win.heldOut()).metrics(zero);
        assertThat(m.loss()).isCloseTo(Math.log(TEXT.vocabulary()), org.assertj.core.data.Offset.offset(1e-12));
        assertThat(m.accuracy()).isBetween(0.0, 1.0);
    }

    @Test
    void sampledGradientIsDeterministicPerSeed() {
        Corpus.Windows win = TEXT.windows(5, 0.2, 1);
        CharGru f = new CharGru(TEXT, win.train(), 5, 3, 0);
        double[] w = f.initialParameters(1);
        double[] a = new double[f.dimension()];
        double[] b = new double[f.dimension()];
        f.sampledGradient(w, Batch.of(0, 1), 9, a);
        f.sampledGradient(w, Batch.of(0, 1), 9, b);
        assertThat(a).containsExactly(b);
        assertThat(f.hasHessianVector()).isFalse();
    }

    @Test
    void windowsAreCheckedAndSplitBySeed() {
        assertThatThrownBy(() -> TEXT.windows(100, 0.2, 0)).hasMessageContaining("too few");
        Corpus.Windows a = TEXT.windows(5, 0.2, 1);
        Corpus.Windows b = TEXT.windows(5, 0.2, 1);
        assertThat(a.heldOut()).containsExactly(b.heldOut());
        assertThat(a.train().length + a.heldOut().length).isEqualTo((TEXT.length() - 1) / 5);
    }
}
