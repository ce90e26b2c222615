package org.darkscope.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.util.Set;

/** The command line: the same functions as the window, without one. */
@Command(name = "darkscope", mixinStandardHelpOptions = true, version = "DarkScope 0.1.0",
        description = "Event display and cut-tuning workbench for missing-energy dark-sector searches.%n"
                + "Without a command, opens the window.",
        subcommands = {
                InfoCommand.class,
                ExportCommand.class,
                SimulateCommand.class,
                AnalyseCommand.class,
                LimitCommand.class,
                ExclusionCommand.class,
                BenchCommand.class,
                PlotCommand.class,
                ReportCommand.class,
                CommandLine.HelpCommand.class
        })
public final class DarkScopeCli implements Runnable {
    /** Exit code for bad arguments or unreadable files. */
    public static final int EXIT_USAGE = 2;

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** True if the arguments name a sub-command or ask for help/version (so no window opens). */
    public static boolean isCommand(String[] args) {
        if (args.length == 0) {
            return false;
        }
        CommandLine cl = new CommandLine(new DarkScopeCli());
        Set<String> names = cl.getSubcommands().keySet();
        String a = args[0];
        return names.contains(a) || a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version");
    }

    /** Runs the command line and returns the exit code (2 on bad arguments). */
    public static int run(String... args) {
        CommandLine cl = new CommandLine(new DarkScopeCli());
        cl.setExitCodeExceptionMapper(t -> EXIT_USAGE);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("darkscope: " + ex.getMessage());
            ex.getCommandLine().usage(ex.getCommandLine().getErr());
            return EXIT_USAGE;
        });
        cl.setExecutionExceptionHandler((ex, c, parseResult) -> {
            c.getErr().println("darkscope: " + ex.getMessage());
            return EXIT_USAGE;
        });
        return cl.execute(args);
    }
}
