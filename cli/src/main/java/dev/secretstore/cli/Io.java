package dev.secretstore.cli;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Where a command reads and writes. Tests supply their own streams and terminal so the real command runs
 * in-process with captured output.
 *
 * @param in       standard input (values for {@code put}, {@code --config -})
 * @param out      results
 * @param err      diagnostics and progress
 * @param terminal the interactive terminal, if any
 */
public record Io(InputStream in, PrintWriter out, PrintWriter err, Terminal terminal) {

    /** The process's own streams. UTF-8 explicitly: Java 17 would otherwise print the marks as '?' under a C locale. */
    public static Io system() {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
        return new Io(System.in, out, err, new SystemTerminal(err));
    }
}
