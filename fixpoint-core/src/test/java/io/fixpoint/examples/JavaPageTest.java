package io.fixpoint.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/java.md shows only code that compiles and runs: every {@code java} block of the page appears,
 * line for line (indentation aside), in one of the example tests that run with the build.
 */
class JavaPageTest {
    static final List<String> EXAMPLES = List.of("fixpoint-core/src/test/java/io/fixpoint/examples",
            "fixpoint-bench/src/test/java/io/fixpoint/bench/examples");

    @Test
    void everyCodeBlockOfThePageIsInARunningExample() throws IOException {
        Path root = repositoryRoot();
        List<List<String>> blocks = javaBlocks(Files.readAllLines(root.resolve("docs/java.md")));
        List<List<String>> sources = new ArrayList<>();
        for (String dir : EXAMPLES) {
            try (Stream<Path> files = Files.list(root.resolve(dir))) {
                for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    sources.add(stripped(Files.readAllLines(f)));
                }
            }
        }
        assertThat(blocks).hasSizeGreaterThanOrEqualTo(6);
        for (List<String> block : blocks) {
            assertThat(sources.stream().anyMatch(source -> contains(source, block)))
                    .as("docs/java.md shows code that is in no example under " + EXAMPLES + ":\n" + String.join("\n", block))
                    .isTrue();
        }
    }

    static List<List<String>> javaBlocks(List<String> page) {
        List<List<String>> blocks = new ArrayList<>();
        List<String> block = null;
        for (String line : page) {
            if (block == null && line.strip().equals("```java")) {
                block = new ArrayList<>();
            } else if (block != null && line.strip().startsWith("```")) {
                blocks.add(stripped(block));
                block = null;
            } else if (block != null) {
                block.add(line);
            }
        }
        return blocks;
    }

    /** The lines without their indentation, blank lines dropped. */
    static List<String> stripped(List<String> lines) {
        return lines.stream().map(String::strip).filter(l -> !l.isEmpty()).toList();
    }

    static boolean contains(List<String> source, List<String> block) {
        return !block.isEmpty() && Collections.indexOfSubList(source, block) >= 0;
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("fixpoint")) && Files.isRegularFile(p.resolve("docs/java.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (with ./fixpoint and docs/java.md) above " + Path.of("").toAbsolutePath());
    }
}
