package io.fixpoint.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.fixpoint.solve.Status;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Every {@code ./fixpoint} line in the fenced code blocks of the user-facing pages, as a user would
 * paste it. Each line must parse, and every input file it names must ship in the repository. A line
 * then runs in-process, within {@link #BOUND}, and must exit 0 — or 1 with the status its comment
 * names, when the comment names a status other than CONVERGED (the line shows a solve that is not
 * supposed to converge). Lines that run a whole benchmark or a long trajectory are only parsed
 * (each takes from half a minute to hours here): {@code --full}, {@code --compare},
 * {@code --nist-bench}, {@code --bench}, {@code bench-fixed-point}, {@code bench} without
 * {@code --problems} (a whole suite), and {@code --length} above {@value #LONGEST_RUN_LENGTH}.
 * Files the line writes ({@code --trace}, {@code --report}, any option whose help says it writes)
 * go to a temporary directory. {@code spark-fit} has its own entry point in fixpoint-spark, whose
 * {@code ReadmeSparkFitTest} runs its lines.
 */
class ReadmeCommandsTest {
    static final List<String> PAGES = List.of("README.md", "examples/README.md", "docs/linear-programming.md", "docs/mdp.md",
            "docs/ranking.md", "docs/transport.md");
    static final Duration BOUND = Duration.ofSeconds(30);
    static final Path ROOT = repositoryRoot();
    static final long LONGEST_RUN_LENGTH = 10_000;
    static final Set<String> WHOLE_BENCHMARKS = Set.of("--full", "--compare", "--nist-bench", "--bench");
    static final Pattern INPUT_FILE = Pattern.compile("[\\w./-]+\\.(csv|dat|mps|gz|tsv|txt|json)");
    static final String SPARK_FIT = "./fixpoint spark-fit";
    static final Pattern STATUS = Pattern.compile("\\b[A-Z][A-Z_]+[A-Z]\\b");

    /** One command line of a page: where it is, its text, and its arguments as a POSIX shell splits them. */
    record Line(String page, int number, String text) {
        /** The fixpoint command itself: up to a comment, or a pipe, redirection or list operator that hands its output on. */
        String command() {
            int end = commandEnd(text);
            return end < 0 ? text : text.substring(0, end).strip();
        }

        String comment() {
            int hash = commentStart(text);
            return hash < 0 ? "" : text.substring(hash + 1);
        }

        List<String> args() {
            List<String> words = split(command());
            return words.subList(1, words.size());
        }

        @Override
        public String toString() {
            return page + ":" + number + ": " + text;
        }
    }

    static Stream<Line> commandLines() throws IOException {
        List<Line> lines = new ArrayList<>();
        for (String page : PAGES) {
            List<String> text = Files.readAllLines(ROOT.resolve(page));
            boolean fenced = false;
            for (int i = 0; i < text.size(); i++) {
                String s = text.get(i).strip();
                if (s.startsWith("```")) {
                    fenced = !fenced;
                } else if (fenced && s.startsWith("./fixpoint") && !s.startsWith(SPARK_FIT)) {
                    lines.add(new Line(page, i + 1, s));
                }
            }
        }
        return lines.stream();
    }

    @Test
    void thePagesShowCommandLines() throws IOException {
        assertThat(commandLines().filter(l -> l.page().equals("README.md")).count()).isGreaterThanOrEqualTo(20);
    }

    @Test
    void linesAreReadAsAShellReadsThem() {
        Line l = new Line("page", 1, "./fixpoint fit \"a*exp(-k*t) # not a comment\" 'b c' d\\ e --json | head -1   # a comment naming STALLED");
        assertThat(l.args()).containsExactly("fit", "a*exp(-k*t) # not a comment", "b c", "d e", "--json");
        assertThat(l.comment()).isEqualTo(" a comment naming STALLED");
        assertThat(namedStatuses(l)).containsExactly("STALLED");
        assertThat(expectedExit(l)).isEqualTo(1);
        assertThat(onlyParsed(List.of("bench", "--suites", "minimization"))).isTrue();
        assertThat(onlyParsed(List.of("bench", "--problems", "beale"))).isFalse();
        assertThat(onlyParsed(List.of("sequence", "--length", "100000"))).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("commandLines")
    void runsAsPasted(Line line, @TempDir Path dir) {
        List<String> args = line.args();
        CommandLine.ParseResult parsed;
        try {
            parsed = Main.commandLine().parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new AssertionError(line + "\ndoes not parse: " + e.getMessage());
        }
        Set<String> outputs = outputOptionNames(parsed);
        List<String> rewritten = rewrite(line, args, outputs, dir);
        if (onlyParsed(args)) {
            return; // parsed, files checked; not run (see the class comment)
        }
        int expected = expectedExit(line);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = assertTimeoutPreemptively(BOUND, () -> {
            CommandLine cl = Main.commandLine();
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(err, true));
            return cl.execute(rewritten.toArray(String[]::new));
        }, () -> line + "\nran longer than " + BOUND.toSeconds() + " s");
        if (code != expected || err.toString().contains("internal error")) {
            fail(line + "\nexited " + code + " (expected " + expected + ")\nstderr: " + err + "\nstdout: " + tail(out.toString()));
        }
        for (String status : namedStatuses(line)) {
            assertThat(out.toString()).as(line + ": the status its comment names").contains(status);
        }
    }

    /** Exit 1 when the comment names a status other than CONVERGED (and no CONVERGED), else 0. */
    static int expectedExit(Line line) {
        List<String> named = namedStatuses(line);
        return !named.isEmpty() && !line.comment().contains(Status.CONVERGED.name()) ? ExitCodes.FAILURE : 0;
    }

    static List<String> namedStatuses(Line line) {
        Set<String> statuses = new HashSet<>();
        for (Status s : Status.values()) {
            statuses.add(s.name());
        }
        return STATUS.matcher(line.comment()).results().map(r -> r.group())
                .filter(s -> statuses.contains(s) && !s.equals(Status.CONVERGED.name())).toList();
    }

    static boolean onlyParsed(List<String> args) {
        String command = args.isEmpty() ? "" : args.get(0);
        int length = args.indexOf("--length");
        return args.stream().anyMatch(WHOLE_BENCHMARKS::contains) || command.startsWith("bench-")
                || command.equals("bench") && !args.contains("--problems")
                || length >= 0 && length + 1 < args.size() && Long.parseLong(args.get(length + 1)) > LONGEST_RUN_LENGTH;
    }

    /** The names of the options the parsed line uses that write a file or directory (their help says so). */
    static Set<String> outputOptionNames(CommandLine.ParseResult parsed) {
        Set<String> names = new HashSet<>();
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            for (OptionSpec o : p.matchedOptions()) {
                if (String.join(" ", o.description()).toLowerCase().contains("write")) {
                    names.addAll(Arrays.asList(o.names()));
                }
            }
        }
        return names;
    }

    /**
     * The arguments to run: an output option's value moved into {@code dir}; a file the line reads
     * resolved against the repository root (the test runs in the module's directory), after checking
     * that it ships.
     */
    static List<String> rewrite(Line line, List<String> args, Set<String> outputs, Path dir) {
        List<String> result = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            int eq = a.indexOf('=');
            if (outputs.contains(a) && i + 1 < args.size()) {
                result.add(a);
                result.add(dir.resolve(args.get(++i)).toString());
            } else if (a.startsWith("--") && eq > 0 && outputs.contains(a.substring(0, eq))) {
                result.add(a.substring(0, eq + 1) + dir.resolve(a.substring(eq + 1)));
            } else if (INPUT_FILE.matcher(a).matches()) {
                Path file = ROOT.resolve(a);
                assertThat(file).as(line + "\nreads a file that does not ship in the repository: " + a).isRegularFile();
                result.add(file.toString());
            } else {
                result.add(a);
            }
        }
        return result;
    }

    /** Words as a POSIX shell splits them (single and double quotes, backslash escapes); a stray quote fails. */
    static List<String> split(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        char quote = 0;
        for (int i = 0; i < command.length(); i++) {
            char c = command.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else if (c == '\\' && quote == '"' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
                    word.append(command.charAt(++i));
                } else {
                    word.append(c);
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                inWord = true;
            } else if (c == '\\' && i + 1 < command.length()) {
                word.append(command.charAt(++i));
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quote != 0) {
            throw new AssertionError("unbalanced quote in: " + command);
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /** Where a shell comment starts: a {@code #} at the start of a word, outside quotes; -1 if none. */
    static int commentStart(String text) {
        return firstUnquoted(text, "#");
    }

    /** Where the command ends: a comment, or an unquoted |, &gt;, &lt;, ; or &amp;; -1 if none. */
    static int commandEnd(String text) {
        return firstUnquoted(text, "#|<>;&");
    }

    /** The first of {@code stops} outside quotes ({@code #} only at the start of a word); -1 if none. */
    static int firstUnquoted(String text, String stops) {
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (stops.indexOf(c) >= 0 && (c != '#' || i == 0 || Character.isWhitespace(text.charAt(i - 1)))) {
                return i;
            }
        }
        return -1;
    }

    static String tail(String s) {
        return s.length() <= 2000 ? s : "…" + s.substring(s.length() - 2000);
    }

    static Path repositoryRoot() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("fixpoint")) && Files.isRegularFile(p.resolve("README.md"))) {
                return p;
            }
        }
        throw new IllegalStateException("no repository root (with ./fixpoint and README.md) above " + Path.of("").toAbsolutePath());
    }
}
