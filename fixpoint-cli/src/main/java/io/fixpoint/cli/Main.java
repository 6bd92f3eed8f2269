package io.fixpoint.cli;

import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code fixpoint} command line. */
@Command(name = "fixpoint", mixinStandardHelpOptions = true, version = "fixpoint 0.1.0",
        description = "An engine for iterative methods: minimisation, least squares, roots, fixed points, recurrences.",
        subcommands = {CommandLine.HelpCommand.class})
public final class Main {

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 success, 1 failure to solve or internal error, 2 bad input. */
    public static int run(String... args) {
        CommandLine cl = commandLine();
        cl.setOut(CheckedOutput.stdout());
        try {
            return cl.execute(args);
        } catch (StackOverflowError | OutOfMemoryError e) { // while reading the arguments, before a command runs
            return fail(cl, exhausted(e));
        }
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new Main());
        // one line per sub-command: cl.addSubcommand(new XCommand());
        cl.addSubcommand(new ListCommand());
        cl.addSubcommand(new SolveCommand());
        cl.addSubcommand(new BenchCommand());
        cl.addSubcommand(new FixedPointCommand());
        cl.addSubcommand(new RootCommand());
        cl.addSubcommand(new BenchFixedPointCommand());
        cl.addSubcommand(new FitCommand());
        cl.addSubcommand(new SequenceCommand());
        cl.addSubcommand(new LpCommand());
        cl.addSubcommand(new TransportCommand());
        cl.addSubcommand(new MdpCommand());
        cl.addSubcommand(new RankCommand());
        cl.addSubcommand(new MinimizeCommand());
        cl.addSubcommand(new TrainCommand());
        cl.addSubcommand(new SparkFitEntry());
        cl.setExecutionStrategy(Main::execute);
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::handleParameters);
        return cl;
    }

    /**
     * Runs the command, then makes sure its output arrived: a write that failed (a full disk) is an
     * error, not a silent loss. The JVM's own errors (the stack or the heap ran out) end in one line too.
     */
    private static int execute(CommandLine.ParseResult parsed) {
        CommandLine cl = parsed.commandSpec().commandLine();
        int code;
        try {
            code = new CommandLine.RunLast().execute(parsed);
        } catch (StackOverflowError | OutOfMemoryError e) {
            return fail(cl, exhausted(e));
        }
        PrintWriter out = cl.getOut();
        out.flush();
        if (out instanceof CheckedOutput checked) {
            String failure = checked.failure();
            if (failure != null && !checked.readerClosed()) {
                return fail(cl, "cannot write the output: " + failure);
            }
        } else if (out.checkError()) {
            return fail(cl, "cannot write the output");
        }
        return code;
    }

    /** What to say when the stack or the heap ran out: the likely cause and, for the heap, how to give the JVM more. */
    static String exhausted(VirtualMachineError e) {
        if (e instanceof StackOverflowError) {
            return "the input is nested too deeply or is too long to process (the stack ran out); simplify it";
        }
        double gb = Runtime.getRuntime().maxMemory() / 1e9;
        return String.format(Locale.ROOT, "out of memory: the JVM may use %.1f GB; give it more with FIXPOINT_JAVA_OPTS=-Xmx%dg, "
                + "or make the problem smaller", gb, (long) Math.ceil(2 * gb));
    }

    private static int fail(CommandLine cl, String message) {
        cl.getErr().println("error: " + message);
        cl.getErr().flush();
        return ExitCodes.BAD_INPUT;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException || e instanceof UserError) {
            return fail(cl, e.getMessage());
        }
        cl.getErr().println("internal error: " + e);
        if (System.getenv("FIXPOINT_DEBUG") != null) {
            e.printStackTrace(cl.getErr());
        }
        return ExitCodes.FAILURE;
    }

    private static int handleParameters(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        cl.getErr().println("error: " + e.getMessage());
        cl.getErr().println("try '" + cl.getCommandSpec().qualifiedName() + " --help'");
        return ExitCodes.BAD_INPUT;
    }
}
