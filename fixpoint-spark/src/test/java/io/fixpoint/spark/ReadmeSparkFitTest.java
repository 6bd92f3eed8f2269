package io.fixpoint.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The {@code ./fixpoint spark-fit} lines of the user-facing pages, as pasted (the command line module's
 * README test leaves them to this one, since spark-fit has its own entry point): every line parses
 * and its data file ships; a line without {@code --master} runs in process and exits 0. A line with
 * {@code --master} is only parsed here: {@link SparkFitTest} runs the Spark path.
 */
class ReadmeSparkFitTest {
    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    @Test
    void everySparkFitLineOfThePagesParsesAndTheInProcessOnesRun() throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (String page : List.of("README.md", "examples/README.md")) {
            boolean fenced = false;
            for (String s : Files.readAllLines(ROOT.resolve(page))) {
                s = s.strip();
                if (s.startsWith("```")) {
                    fenced = !fenced;
                } else if (fenced && s.startsWith("./fixpoint spark-fit")) {
                    int hash = s.indexOf(" #");
                    List<String> words = Arrays.asList((hash < 0 ? s : s.substring(0, hash)).strip().split("\\s+"));
                    lines.add(new ArrayList<>(words.subList(2, words.size())));
                }
            }
        }
        assertThat(lines).as("README shows spark-fit").hasSizeGreaterThanOrEqualTo(2);
        for (List<String> args : lines) {
            int data = args.indexOf("--data");
            Path file = ROOT.resolve(args.get(data + 1));
            assertThat(file).as(args + ": its data ships in the repository").isRegularFile();
            args.set(data + 1, file.toString());
            new CommandLine(new SparkFitCommand()).parseArgs(args.toArray(String[]::new));
            if (!args.contains("--master")) {
                PrintStream old = System.out;
                System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
                try {
                    assertThat(SparkFitCommand.run(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
                } finally {
                    System.setOut(old);
                }
            }
        }
    }
}
