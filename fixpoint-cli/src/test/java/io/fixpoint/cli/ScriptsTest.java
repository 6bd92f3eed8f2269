package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shell scripts around the command line, run with stand-ins for Maven, Java and Chromium (no build, no browser). */
class ScriptsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {
    }

    private Path stub(String name, String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/bash\n" + body + "\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    private Result run(Map<String, String> env, String... command) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        Process p = pb.start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(p.waitFor(), out, err);
    }

    /** A copy of the launcher in a tree with no jar, so that it builds, with the given stand-in for mvn. */
    private Path launcher(String mvn) throws IOException {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        Path tree = Files.createDirectories(dir.resolve("tree"));
        Path launcher = Files.copy(ROOT.resolve("fixpoint"), tree.resolve("fixpoint"));
        stub("mvn", mvn);
        stub("java", "echo \"java $*\"");
        return launcher;
    }

    private Map<String, String> path() {
        return Map.of("PATH", dir.resolve("bin") + ":/usr/bin:/bin");
    }

    @Test
    void theFirstBuildSaysWhatItDoesWithoutColourCodes() throws Exception {
        Path launcher = launcher("""
                printf '\\033[0m\\033[0m' >&2
                echo "mvn $*" > "$(dirname "$0")/args"
                mkdir -p fixpoint-cli/target && touch fixpoint-cli/target/fixpoint.jar""");
        Result r = run(path(), launcher.toString(), "list");
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.err()).startsWith("fixpoint: building the command line with Maven").contains("fixpoint: built ").doesNotContain("\033");
        assertThat(r.out()).isEqualTo("java -jar " + dir.resolve("tree/fixpoint-cli/target/fixpoint.jar") + " list\n");
        assertThat(Files.readString(dir.resolve("bin/args"))).contains("-q", "-B", "-Dstyle.color=never", "-DskipTests", "install");
        Result again = run(path(), launcher.toString(), "list");
        assertThat(again.err()).as("no build when the jar is up to date").isEmpty();
    }

    @Test
    void aFailedBuildShowsTheEndOfItsLogWithoutColourCodes() throws Exception {
        Path launcher = launcher("""
                printf '\\033[1;31m[ERROR]\\033[0m Compilation failure: Foo.java:[3,1] class, interface, enum, or record expected\\n'
                exit 1""");
        Result r = run(path(), launcher.toString(), "list");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).contains("[ERROR] Compilation failure: Foo.java:[3,1]", "fixpoint: the build failed; the whole log is ").doesNotContain("\033");
        assertThat(r.out()).isEmpty();
    }

    @Test
    void withoutMavenTheLauncherSaysWhatToInstall() throws Exception {
        Path launcher = launcher("exit 0");
        Files.delete(dir.resolve("bin/mvn"));
        for (String tool : List.of("bash", "dirname", "find")) { // a PATH with what the launcher needs before the build, and no Maven
            Path real = Path.of("/usr/bin", tool);
            assumeTrue(Files.isExecutable(real), "needs " + real);
            Files.createSymbolicLink(dir.resolve("bin").resolve(tool), real);
        }
        Result r = run(Map.of("PATH", dir.resolve("bin").toString()), launcher.toString(), "list");
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("fixpoint: building the command line needs Maven (mvn) and a JDK 17; install them first");
    }

    /** spark-fit, and bench with the spark suite, run on fixpoint-spark's class path; every other command on the jar alone. */
    @Test
    void sparkRunsOnItsOwnClassPathAndItsMissingJarsAreOneLine() throws Exception {
        Path launcher = launcher("mkdir -p fixpoint-cli/target && touch fixpoint-cli/target/fixpoint.jar");
        Path tree = launcher.getParent();
        Result missing = run(path(), launcher.toString(), "spark-fit", "--data", "d.svm");
        assertThat(missing.code()).isEqualTo(2);
        assertThat(missing.err()).endsWith("fixpoint: Spark's jars are missing (fixpoint-spark/target); build them with: (cd " + tree
                + " && mvn -q -B -DskipTests install)\n");
        assertThat(missing.out()).isEmpty();
        Path target = Files.createDirectories(tree.resolve("fixpoint-spark/target"));
        Files.writeString(target.resolve("fixpoint-spark-0.1.0-SNAPSHOT.jar"), "");
        Files.writeString(target.resolve("jvm.args"), "");
        Path sparkJar = Files.writeString(dir.resolve("spark-core.jar"), "");
        Files.writeString(target.resolve("classpath.txt"), sparkJar + ":" + dir.resolve("gone.jar"));
        assertThat(run(path(), launcher.toString(), "bench", "--suites", "spark").code()).as("a jar of the class path is missing").isEqualTo(2);
        Files.writeString(target.resolve("classpath.txt"), sparkJar.toString());
        String cp = target.resolve("fixpoint-spark-0.1.0-SNAPSHOT.jar") + ":" + sparkJar;
        String jar = tree.resolve("fixpoint-cli/target/fixpoint.jar").toString();
        assertThat(run(path(), launcher.toString(), "spark-fit", "--data", "d.svm").out())
                .isEqualTo("java @" + target.resolve("jvm.args") + " -cp " + cp + " io.fixpoint.spark.SparkFitCommand --data d.svm\n");
        for (List<String> args : List.of(List.of("bench", "--suites", "lp,spark"), List.of("bench", "--suites=spark", "--full"))) {
            assertThat(run(path(), concat(launcher, args)).out())
                    .isEqualTo("java @" + target.resolve("jvm.args") + " -cp " + cp + ":" + jar + " io.fixpoint.cli.Main " + String.join(" ", args) + "\n");
        }
        for (List<String> args : List.of(List.of("bench", "--suites", "lp"), List.of("bench"), List.of("list", "--suites", "spark"))) {
            assertThat(run(path(), concat(launcher, args)).out()).isEqualTo("java -jar " + jar + " " + String.join(" ", args) + "\n");
        }
    }

    private static String[] concat(Path launcher, List<String> args) {
        List<String> all = new java.util.ArrayList<>(List.of(launcher.toString()));
        all.addAll(args);
        return all.toArray(String[]::new);
    }

    @Test
    void theScreenshotScriptAsksForChromiumInsteadOfInstallingIt() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/bin/bash")), "needs bash");
        assumeTrue(List.of("chromium", "chromium-browser").stream().noneMatch(c -> Files.exists(Path.of("/usr/bin", c))), "Chromium is installed");
        Files.writeString(dir.resolve("index.html"), "<html></html>");
        stub("apt-get", "echo apt-get was run; exit 0");
        Result r = run(path(), "/bin/bash", ROOT.resolve("scripts/screenshot-report.sh").toString(), dir.toString());
        assertThat(r.code()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("screenshot-report: needs Chromium, which is not installed; install it first (Debian/Ubuntu: sudo apt-get install chromium)\n");
        assertThat(r.out()).isEmpty();
    }
}
