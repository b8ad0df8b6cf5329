package dev.secretstore.cli;

import java.io.Console;
import java.io.PrintWriter;
import java.util.Optional;

/** The terminal behind {@link System#console()}; progress goes to stderr so stdout stays clean for scripts. */
final class SystemTerminal implements Terminal {

    private final PrintWriter err;
    private int progressWidth;

    SystemTerminal(PrintWriter err) {
        this.err = err;
    }

    @Override
    public boolean interactive() {
        return System.console() != null;
    }

    @Override
    public boolean inputIsTerminal() {
        return interactive() || Tty.isTerminal(Tty.STDIN, false);
    }

    @Override
    public Optional<char[]> readHidden(String prompt) {
        Console console = System.console();
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
    }

    @Override
    public synchronized void progress(String line) {
        // A person watches stderr only when it is a terminal too: `list 2>log` must not fill log with \r lines.
        if (!interactive() || !Tty.isTerminal(Tty.STDERR, true)) {
            return;
        }
        String padded = line.length() < progressWidth ? line + " ".repeat(progressWidth - line.length()) : line;
        err.print("\r" + padded);
        err.flush();
        progressWidth = line.length();
    }

    @Override
    public synchronized void clearProgress() {
        if (progressWidth > 0) {
            err.print("\r" + " ".repeat(progressWidth) + "\r");
            err.flush();
            progressWidth = 0;
        }
    }
}
