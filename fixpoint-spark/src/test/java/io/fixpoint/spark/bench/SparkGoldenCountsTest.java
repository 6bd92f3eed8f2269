package io.fixpoint.spark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.fixpoint.parallel.ParallelExecutor;
import io.fixpoint.solve.Solution;
import io.fixpoint.spark.ArrayGlmSum;
import io.fixpoint.spark.GlmFit;
import io.fixpoint.spark.Loss;
import io.fixpoint.spark.bench.SparkBench.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The spark suite's deterministic counts, frozen as {@code golden/spark.tsv}: on every problem of the
 * quick run, the reference solve and every method in process with the suite's
 * settings, which the Spark path repeats bit for bit (SparkFitTest, SparkSuiteTest). Regenerate with
 * {@code mvn -q -pl fixpoint-spark test -Dtest=SparkGoldenCountsTest -Dgolden.write=true} in a commit of its own.
 */
class SparkGoldenCountsTest {
    private static final Path FILE = Path.of("src/test/resources/golden/spark.tsv");

    @Test
    void quickProblemsInProcess() throws IOException {
        List<String> rows = new ArrayList<>();
        rows.add("problem\tmethod\tstatus\titerations\tpasses\tevaluations\tvalue");
        try (ParallelExecutor ex = ParallelExecutor.of(SparkBench.PARTITIONS)) {
            for (Problem p : Problem.QUICK) {
                List<String> methods = new ArrayList<>(SparkBench.METHODS.stream().filter(m -> SparkBench.fits(m, p)).toList());
                methods.add("reference");
                for (String m : methods) {
                    ArrayGlmSum sum = ArrayGlmSum.of(p.rows(), p.d(), Loss.LOGISTIC, p.l2(), true, SparkBench.PARTITIONS, ex);
                    Solution s = m.equals("reference") ? GlmFit.fit(sum, SparkBench.REFERENCE_METHOD, SparkBench.REFERENCE_TOLERANCE,
                            SparkBench.REFERENCE_ITERATIONS) : SparkBench.fit(sum, m);
                    rows.add(String.join("\t", p.name(), m, s.statusText(), String.valueOf(s.iterations()), String.valueOf(sum.passes()),
                            s.evaluations().byName().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",")),
                            Double.toHexString(s.value())));
                }
            }
        }
        String actual = String.join("\n", rows) + "\n";
        if (Boolean.getBoolean("golden.write")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, actual);
            return;
        }
        List<String> expected = Files.readAllLines(FILE);
        for (int i = 0; i < Math.min(expected.size(), rows.size()); i++) {
            assertEquals(expected.get(i), rows.get(i), "spark.tsv line " + (i + 1));
        }
        assertEquals(expected.size(), rows.size(), "spark.tsv: number of rows");
    }
}
