package dev.secretstore.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The root {@code secretstore} command: global options, subcommands, exit codes and error reporting. */
@Command(name = "secretstore",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Keep connection credentials in your own secrets manager, and check that it works.",
        subcommands = {
            ProvidersCommand.class,
            VerifyCommand.class,
            PutCommand.class,
            GetCommand.class,
            DescribeCommand.class,
            ListCommand.class,
            DeleteCommand.class,
            ConformanceCommand.class,
            PolicyCommand.class,
            RotateKeyCommand.class,
            ConfigCommand.class,
            MigrateCommand.class,
            CommandLine.HelpCommand.class
        },
        footerHeading = "%nExit codes:%n",
        footer = {
            "  0  ok",
            "  1  a check failed, or the store refused (not found, exists, not managed)",
            "  2  usage or config error (nothing was attempted)",
            "  3  access denied or authentication failed",
            "  4  store unavailable or throttled (try again later)",
            "  5  a stored secret failed its integrity check (damaged, foreign or rolled back)"
        })
public final class SecretstoreCli implements Callable<Integer> {

    private final Io io;

    /** Inherited: {@code secretstore providers --providers-dir DIR} works as well as before the subcommand. */
    @Option(names = "--providers-dir", paramLabel = "DIR", defaultValue = "${env:SECRETSTORE_PROVIDERS}",
            scope = CommandLine.ScopeType.INHERIT,
            description = "Also load providers from every jar in DIR (default: $SECRETSTORE_PROVIDERS).")
    Path providersDir;

    private SecretstoreCli(Io io) {
        this.io = io;
    }

    /**
     * @param io streams and terminal the commands use
     * @return the configured command line; call {@code execute(args)} for the exit code
     */
    public static CommandLine create(Io io) {
        SecretstoreCli root = new SecretstoreCli(io);
        CommandLine commandLine = new CommandLine(root)
                .setOut(io.out())
                .setErr(io.err())
                .setCaseInsensitiveEnumValuesAllowed(true)
                // A directory or file may be called "providers" or "list": an option's value is never a subcommand.
                .setAllowSubcommandsAsOptionParameters(true)
                .setParameterExceptionHandler(SecretstoreCli::usageError)
                .setExecutionExceptionHandler((failure, cmd, parseResult) ->
                        ErrorReport.print(failure, wantsJson(cmd), io));
        commandLine.setExecutionStrategy(parseResult -> {
            ProviderJars jars;
            try {
                jars = ProviderJars.install(root.providersDir);
            } catch (UsageException e) {
                return ErrorReport.print(e, false, io);
            }
            try (jars) {
                return new CommandLine.RunLast().execute(parseResult);
            }
        });
        return commandLine;
    }

    Io io() {
        return io;
    }

    /** Without a subcommand: show what there is, and fail like any other usage error. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(io.err());
        return ExitCodes.USAGE_OR_CONFIG;
    }

    /**
     * Picocli would repeat an unexpected argument verbatim; that argument may be a secret someone typed where
     * it does not belong (e.g. {@code put NAME hunter2}), so it is not repeated.
     */
    private static int usageError(CommandLine.ParameterException failure, String[] args) {
        CommandLine cmd = failure.getCommandLine();
        PrintWriter err = cmd.getErr();
        if (failure instanceof CommandLine.UnmatchedArgumentException unmatched) {
            boolean options = !unmatched.getUnmatched().isEmpty() && unmatched.getUnmatched().get(0).startsWith("-");
            boolean root = cmd.getCommand() instanceof SecretstoreCli;
            err.println("error: " + (options ? "unknown option" : "unexpected argument") + " for '"
                    + cmd.getCommandName() + "' (not repeated here, in case it is a secret)"
                    + (root && options ? "; options such as --config and --output go after the command name,"
                            + " e.g. 'secretstore list --output json'" : "")
                    + ("put".equals(cmd.getCommandName())
                    ? "; a value is never an argument: use stdin, --value-file or the prompt" : ""));
            CommandLine.UnmatchedArgumentException.printSuggestions(unmatched, err);
        } else if (failure.getArgSpec() != null && !(failure instanceof CommandLine.MissingParameterException)) {
            // Picocli's message quotes the value ("'hunter2' is not an int"): name the option and the form instead.
            err.println("error: invalid value for " + UsageMessages.describe(failure.getArgSpec()) + ": expected "
                    + UsageMessages.expected(failure.getArgSpec()) + " (the value given is not repeated here, in case"
                    + " it is a secret)");
        } else {
            // Picocli words some of its messages "Error: ...", which would read "error: Error: ...".
            String message = failure.getMessage().replaceFirst("^Error: ", "");
            err.println("error: " + (failure instanceof CommandLine.MissingParameterException ? message
                    : UsageMessages.withoutQuotedValues(message)));
        }
        cmd.usage(err);
        return ExitCodes.USAGE_OR_CONFIG;
    }

    private static boolean wantsJson(CommandLine cmd) {
        return cmd.getCommand() instanceof Subcommand command && command.output.json();
    }
}
