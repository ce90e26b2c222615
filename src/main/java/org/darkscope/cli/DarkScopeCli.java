package org.darkscope.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import org.darkscope.task.CancelledException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line: the same functions as the window, without one.
 *
 * <p>Exit codes: 0 success; 2 bad arguments, unknown command, unreadable or invalid input, refused
 * output; 1 internal error (one line on stderr, the stack trace appended to {@link #logFile()}) or
 * memory exhausted (with the {@code -Xmx} advice).</p>
 */
@Command(
        name = "darkscope",
        mixinStandardHelpOptions = true,
        version = "DarkScope 0.1.0",
        description = "Event display and cut-tuning workbench for missing-energy dark-sector searches.%n"
                + "Without a command (or with only run files), opens the window.%n"
                + "Exit codes: 0 ok, 2 bad arguments or input, 1 internal error or out of memory.",
        subcommands = {
            InfoCommand.class,
            ExportCommand.class,
            SimulateCommand.class,
            AnalyseCommand.class,
            LimitCommand.class,
            ExclusionCommand.class,
            ValidateBackgroundCommand.class,
            BenchCommand.class,
            ValidateCommand.class,
            DqCommand.class,
            PlotCommand.class,
            ReportCommand.class,
            ResultCommand.class,
            CommandLine.HelpCommand.class
        })
public final class DarkScopeCli implements Runnable {
    /** Exit code for bad arguments or unreadable files. */
    public static final int EXIT_USAGE = 2;
    /** Exit code for internal errors and memory exhaustion. */
    public static final int EXIT_INTERNAL = 1;
    /** System property overriding the error log file. */
    public static final String LOG_PROPERTY = "darkscope.errorLog";

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }

    /** True if the arguments are for the command line (so no window opens): see {@link #opensWindow}. */
    public static boolean isCommand(String[] args) {
        return !opensWindow(args);
    }

    /**
     * The window opens only with no arguments, or when every argument is a run file (an existing
     * regular file, or a name ending in {@code .parquet}). Anything else, a mistyped sub-command
     * included, goes to the command line, which names the problem and lists the commands.
     */
    public static boolean opensWindow(String[] args) {
        if (args.length == 0) {
            return true;
        }
        CommandLine cl = new CommandLine(new DarkScopeCli());
        for (String a : args) {
            if (a.isEmpty() || a.startsWith("-") || cl.getSubcommands().containsKey(a)) {
                return false;
            }
            boolean runFile = a.toLowerCase(Locale.ROOT).endsWith(".parquet");
            if (!runFile) {
                try {
                    runFile = Files.isRegularFile(Path.of(a));
                } catch (RuntimeException e) {
                    runFile = false;
                }
            }
            if (!runFile) {
                return false;
            }
        }
        return true;
    }

    /** Runs the command line on System.out/System.err and returns the exit code. */
    public static int run(String... args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        try {
            return run(out, err, args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Runs the command line with the given streams and returns the exit code (never throws). */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        try {
            CommandLine cl = new CommandLine(new DarkScopeCli());
            cl.setOut(out);
            cl.setErr(err);
            cl.setExitCodeExceptionMapper(t -> EXIT_USAGE);
            cl.setParameterExceptionHandler((ex, a) -> {
                CommandLine c = ex.getCommandLine();
                c.getErr().println("darkscope: " + oneLine(ex.getMessage()));
                if (ex instanceof CommandLine.UnmatchedArgumentException
                        && c.getCommandSpec().userObject() instanceof DarkScopeCli) {
                    c.getErr()
                            .println("commands: "
                                    + String.join(", ", c.getSubcommands().keySet())
                                    + " (darkscope COMMAND --help for its options)");
                } else {
                    c.usage(c.getErr());
                }
                return EXIT_USAGE;
            });
            cl.setExecutionExceptionHandler((ex, c, parseResult) -> handle(ex, c.getErr()));
            return cl.execute(args);
        } catch (Throwable t) {
            return handle(t, err);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** Turns a failure into a message and an exit code. */
    static int handle(Throwable t, PrintWriter err) {
        if (findOom(t) != null) {
            err.println("darkscope: out of memory: the Java heap ("
                    + mib(Runtime.getRuntime().maxMemory())
                    + ") is too small for this; run with a larger -Xmx, e.g. java -Xmx8g -jar darkscope.jar ..."
                    + " (or use fewer events)");
            err.flush();
            return EXIT_INTERNAL;
        }
        String user = userMessage(t);
        if (user != null) {
            err.println("darkscope: " + user);
            err.flush();
            return EXIT_USAGE;
        }
        Path log = logFile();
        String where = writeLog(t, log) ? "; details in " + log : "";
        err.println("darkscope: internal error (" + t.getClass().getSimpleName()
                + (t.getMessage() == null ? "" : ": " + oneLine(t.getMessage())) + ")" + where);
        err.flush();
        return EXIT_INTERNAL;
    }

    /** The message for a bad input, or null if the failure is an internal error. */
    static String userMessage(Throwable t) {
        if (t instanceof CommandLine.ParameterException
                || t instanceof IllegalArgumentException
                || t instanceof CancelledException) {
            return oneLine(String.valueOf(t.getMessage()));
        }
        if (t instanceof UncheckedIOException u && u.getCause() != null) {
            return userMessage(u.getCause());
        }
        if (t instanceof FileSystemException f) {
            String file = f.getFile();
            String reason = f.getReason() != null ? f.getReason() : fsReason(f);
            return oneLine((file == null ? "" : file + ": ")
                    + reason
                    + (f.getOtherFile() == null ? "" : " (" + f.getOtherFile() + ")"));
        }
        if (t instanceof IOException) {
            return oneLine(t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage());
        }
        return null;
    }

    private static String fsReason(FileSystemException f) {
        if (f instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (f instanceof java.nio.file.NoSuchFileException) {
            return "no such file or directory";
        }
        if (f instanceof java.nio.file.NotDirectoryException) {
            return "not a directory";
        }
        return "cannot be accessed";
    }

    private static OutOfMemoryError findOom(Throwable t) {
        for (int depth = 0; t != null && depth < 20; depth++, t = t.getCause()) {
            if (t instanceof OutOfMemoryError o) {
                return o;
            }
        }
        return null;
    }

    static String oneLine(String s) {
        String line = s == null ? "" : s.strip();
        int nl = line.indexOf('\n');
        return nl < 0 ? line : line.substring(0, nl).strip();
    }

    private static String mib(long bytes) {
        return bytes >= 1L << 30
                ? String.format(Locale.ROOT, "%.1f GB", bytes / (double) (1L << 30))
                : (bytes >> 20) + " MB";
    }

    /**
     * Where internal errors are logged: the system property {@value #LOG_PROPERTY} if set, else
     * {@code ~/.darkscope/darkscope-errors.log}.
     */
    public static Path logFile() {
        String p = System.getProperty(LOG_PROPERTY);
        if (p != null && !p.isBlank()) {
            return Path.of(p);
        }
        return Path.of(System.getProperty("user.home"), ".darkscope", "darkscope-errors.log");
    }

    private static boolean writeLog(Throwable t, Path log) {
        try {
            if (log.getParent() != null) {
                Files.createDirectories(log.getParent());
            }
            StringWriter sw = new StringWriter();
            try (PrintWriter pw = new PrintWriter(sw)) {
                pw.println(Instant.now() + " DarkScope internal error");
                t.printStackTrace(pw);
            }
            Files.writeString(
                    log, sw.toString(), StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
