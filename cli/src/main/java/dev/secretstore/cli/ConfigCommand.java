package dev.secretstore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/**
 * {@code secretstore config split|hydrate|mask}: connector configs and their secrets, for operators and
 * scripts. The connector config is read from stdin; the result is printed on stdout as JSON.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Connector configs: split secrets out into the store, hydrate them back, mask them, sweep orphans.",
            "The connector config is read from stdin (never a terminal); results are JSON on stdout."},
        subcommands = {ConfigSplitCommand.class, ConfigHydrateCommand.class, ConfigMaskCommand.class,
            ConfigSweepCommand.class})
final class ConfigCommand implements Callable<Integer> {

    @ParentCommand
    SecretstoreCli root;

    Io io() {
        return root.io();
    }

    /** Without a subcommand: show what there is, and fail like any other usage error. */
    @Override
    public Integer call() {
        new CommandLine(this).usage(io().err());
        return ExitCodes.USAGE_OR_CONFIG;
    }
}
