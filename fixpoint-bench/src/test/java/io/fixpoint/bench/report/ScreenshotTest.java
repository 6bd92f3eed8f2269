package io.fixpoint.bench.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report renders in headless Chromium without errors (skipped where Chromium is not installed). */
class ScreenshotTest {
    private static final Path SCRIPT = Path.of("..", "scripts", "screenshot-report.sh");

    @Test
    void theReportRendersInHeadlessChromium(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/chromium")), "no /usr/bin/chromium");
        assumeTrue(Files.isExecutable(SCRIPT), "no " + SCRIPT);
        ReportWriter.write(List.of(Synthetic.report()), "2026-01-01T00:00:00Z", 1.5, dir);

        Process p = new ProcessBuilder(SCRIPT.toString(), dir.toString(), "1000,1200").redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(150, TimeUnit.SECONDS)).isTrue();

        assertThat(p.exitValue()).as(log).isZero();
        byte[] png = Files.readAllBytes(dir.resolve("screenshot.png"));
        assertThat(png).hasSizeGreaterThan(10_000).startsWith(0x89, 'P', 'N', 'G');
    }
}
