package io.fixpoint.bench.ranking;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * R's BradleyTerry2 as the reference for the Bradley–Terry fits: {@code peers/bradleyterry2.R}
 * (shipped in the jar) fits every {@link ReferenceCase} with BTm (Davidson's model as the equivalent
 * Poisson log-linear glm) and prints one row per estimate. The tests read the frozen output
 * ({@link #FROZEN}, in the jar); the bench runs the script live when
 * Rscript and the package are installed.
 */
public final class BradleyTerry2 {
    /**
     * BradleyTerry2's fits frozen from a run of the script (R 4.2.2, BradleyTerry2 1.1-2): the tests compare
     * with them, and the bench judges against them when R is missing.
     */
    public static final String FROZEN = "btm/bradleyterry2.csv";

    /** How to install the reference where it is missing. */
    public static final String INSTALL = "apt-get install -y r-cran-bradleyterry2";

    /**
     * One estimate of a reference fit.
     *
     * @param fit           the {@link ReferenceCase} label
     * @param parameter     an item name, "home" or "tie"
     * @param kind          "contrast" (s_parameter − s_reference), "centred" (sum-to-zero score) or
     *                      "coefficient" (h or log ν)
     * @param reference     the reference item of a contrast, else empty
     * @param estimate      the estimate
     * @param standardError its standard error
     */
    public record Estimate(String fit, String parameter, String kind, String reference, double estimate, double standardError) {
    }

    /** The script could not run; the message says why. */
    public static final class Unavailable extends Exception {
        private static final long serialVersionUID = 1L;

        Unavailable(String message) {
            super(message);
        }
    }

    private BradleyTerry2() {
    }

    /** The frozen fits ({@link #FROZEN}, shipped in the jar). */
    public static List<Estimate> frozen() {
        try (InputStream in = BradleyTerry2.class.getResourceAsStream("/" + FROZEN)) {
            if (in == null) {
                throw new IllegalStateException(FROZEN + " is missing from the jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + FROZEN + ": " + e.getMessage(), e);
        }
    }

    /** Parses the script's CSV output. */
    public static List<Estimate> parse(String csv) {
        List<Estimate> out = new ArrayList<>();
        List<String> lines = csv.lines().filter(l -> !l.isBlank()).toList();
        for (int i = 1; i < lines.size(); i++) {
            List<String> f = ComparisonCsv.fields(lines.get(i), "BradleyTerry2 output", i + 1);
            if (f.size() != 6) {
                throw new IllegalArgumentException("BradleyTerry2 output: row " + (i + 1) + " has " + f.size() + " fields, expected 6");
            }
            out.add(new Estimate(f.get(0), f.get(1), f.get(2), f.get(3), Double.parseDouble(f.get(4)), Double.parseDouble(f.get(5))));
        }
        return out;
    }

    /**
     * Runs the script on the shipped data sets with {@code Rscript}.
     *
     * @throws Unavailable when Rscript or BradleyTerry2 is missing, the run fails or exceeds {@code limit}
     */
    public static List<Estimate> run(Duration limit) throws Unavailable {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("fixpoint-btm");
            Path script = dir.resolve("bradleyterry2.R");
            copy("/peers/bradleyterry2.R", script);
            for (ComparisonDataset d : ComparisonDataset.all()) {
                Files.writeString(dir.resolve(d.file()), d.text(), StandardCharsets.UTF_8);
            }
            Path out = dir.resolve("out.csv");
            Path log = dir.resolve("log.txt");
            Process p;
            try {
                p = new ProcessBuilder("Rscript", script.toString(), dir.toString(), out.toString())
                        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new Unavailable("Rscript is not installed (" + INSTALL + ")");
            }
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new Unavailable("the BradleyTerry2 fits took longer than " + limit.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                String text = Files.readString(log, StandardCharsets.UTF_8);
                throw new Unavailable(text.contains("BradleyTerry2") && text.contains("no package")
                        ? "the R package BradleyTerry2 is not installed (" + INSTALL + ")"
                        : "Rscript failed: " + text.strip().lines().reduce((a, b) -> b).orElse("exit " + p.exitValue()));
            }
            return parse(Files.readString(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new Unavailable("cannot run the BradleyTerry2 script: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable("interrupted");
        } finally {
            delete(dir);
        }
    }

    private static void copy(String resource, Path to) throws IOException, Unavailable {
        try (InputStream in = BradleyTerry2.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new Unavailable(resource + " is missing from the jar");
            }
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }
}
