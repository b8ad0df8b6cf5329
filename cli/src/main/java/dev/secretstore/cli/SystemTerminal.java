package dev.secretstore.cli;

import java.io.Console;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Java has no isatty for stdin alone: the launcher script passes {@code -Dsecretstore.stdin.tty=true}
     * when {@code [ -t 0 ]}, and on Linux /proc tells it too (for {@code java -jar} without the script).
     */
    @Override
    public boolean inputIsTerminal() {
        if (interactive() || Boolean.getBoolean("secretstore.stdin.tty")) {
            return true;
        }
        try {
            String target = Files.readSymbolicLink(Path.of("/proc/self/fd/0")).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    @Override
    public Optional<char[]> readHidden(String prompt) {
        Console console = System.console();
        return console == null ? Optional.empty() : Optional.ofNullable(console.readPassword("%s", prompt));
    }

    @Override
    public synchronized void progress(String line) {
        if (!interactive()) {
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
