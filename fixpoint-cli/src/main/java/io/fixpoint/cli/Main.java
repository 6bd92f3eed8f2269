package io.fixpoint.cli;

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
        return commandLine().execute(args);
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
        cl.addSubcommand(new TrainCommand());
        cl.setExecutionExceptionHandler(Main::handle);
        cl.setParameterExceptionHandler(Main::handleParameters);
        return cl;
    }

    private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        if (e instanceof IllegalArgumentException || e instanceof UserError) {
            cl.getErr().println("error: " + e.getMessage());
            return ExitCodes.BAD_INPUT;
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
