package io.fixpoint.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LibSvmTest {
    @TempDir
    Path dir;

    @Test
    void readsSparseRowsWithZeroBasedIndices() throws IOException {
        Path f = Files.writeString(dir.resolve("a.svm"), "# header\n1 1:0.5 3:-2\n\n0 2:1e-3   # trailing\n0\n");
        LibSvm.Data d = LibSvm.read(f);
        assertThat(d.features()).isEqualTo(3);
        assertThat(d.rows()).containsExactly(LabeledRow.sparse(1, new int[] {0, 2}, new double[] {0.5, -2}),
                LabeledRow.sparse(0, new int[] {1}, new double[] {1e-3}), LabeledRow.sparse(0, new int[0], new double[0]));
    }

    @Test
    void aMalformedLineIsNamedByNumber() throws IOException {
        String[][] cases = {
            {"1 1:2 x", "LIBSVM line 2: 'x' is not index:value: 1 1:2 x"},
            {"1 0:2", "LIBSVM line 2: index 0 is not ≥ 1 (indices are 1-based): 1 0:2"},
            {"1 3:2 2:1", "LIBSVM line 2: index 2 does not increase after 3: 1 3:2 2:1"},
            {"1 3:2 3:1", "LIBSVM line 2: index 3 does not increase after 3: 1 3:2 3:1"},
            {"yes 1:2", "LIBSVM line 2: label 'yes' is not a number: yes 1:2"},
            {"1 a:2", "LIBSVM line 2: index 'a' is not an integer: 1 a:2"},
            {"1 1:NaN", "LIBSVM line 2: value of index 1 is NaN: 1 1:NaN"},
            {"1 1:", "LIBSVM line 2: '1:' is not index:value: 1 1:"},
        };
        for (String[] c : cases) {
            Path f = Files.writeString(dir.resolve("bad.svm"), "0 1:1\n" + c[0] + "\n");
            assertThatThrownBy(() -> LibSvm.read(f)).isInstanceOf(IllegalArgumentException.class).hasMessage(c[1]);
        }
        Path empty = Files.writeString(dir.resolve("empty.svm"), "# nothing\n");
        assertThatThrownBy(() -> LibSvm.read(empty)).hasMessageEndingWith("no examples");
    }
}
