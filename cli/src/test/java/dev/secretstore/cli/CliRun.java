package dev.secretstore.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** Runs the real {@code secretstore} command in-process with captured output, stdin and exit code. */
final class CliRun {

    private CliRun() {
    }

    /**
     * @param exitCode the command's exit code
     * @param out      what it printed on stdout
     * @param err      what it printed on stderr
     */
    record Result(int exitCode, String out, String err) {

        String all() {
            return out + err;
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    static Result run(String... args) {
        return withStdin("", args);
    }

    static Result withStdin(String stdin, String... args) {
        return withStdin(stdin.getBytes(StandardCharsets.UTF_8), Terminal.NONE, args);
    }

    static Result withStdin(byte[] stdin, Terminal terminal, String... args) {
        return withStdin(new ByteArrayInputStream(stdin), terminal, args);
    }

    static Result withStdin(java.io.InputStream stdin, Terminal terminal, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        Io io = new Io(stdin, new PrintWriter(out, true), new PrintWriter(err, true), terminal);
        int exitCode = SecretstoreCli.create(io).execute(args);
        return new Result(exitCode, out.toString(), err.toString());
    }
}
