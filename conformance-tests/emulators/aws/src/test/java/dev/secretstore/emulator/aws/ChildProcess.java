package dev.secretstore.emulator.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs another client (a CLI, a script) as a child process with a bounded wait. Output goes to files rather than
 * pipes, so a chatty child can never block on a full pipe; a child that overruns is killed with its descendants.
 */
final class ChildProcess {
    private ChildProcess() {
    }

    /** What the child did. {@code timedOut} children were killed and have no meaningful exit code. */
    record Outcome(List<String> command, int exitCode, boolean timedOut, String stdout, String stderr) {
        String stderrTail() {
            return tail(stderr, 2_000);
        }

        /** For failure messages: the command's program and subcommand, the exit and the end of stderr. */
        String describe() {
            String what = String.join(" ", command.subList(0, Math.min(command.size(), 4)));
            return what + (timedOut ? " timed out" : " exited " + exitCode) + "; stderr: " + stderrTail();
        }
    }

    /** The program could not be started at all (not installed, not executable). */
    static final class NotStartable extends Exception {
        NotStartable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Runs {@code command} in {@code workDir} with exactly {@code environment} (the parent's environment is not
     * inherited unless {@code inheritEnvironment}), waiting at most {@code timeout}.
     */
    static Outcome run(List<String> command, Map<String, String> environment, boolean inheritEnvironment,
                       Path workDir, Path scratch, Duration timeout) throws NotStartable {
        try {
            Path out = Files.createTempFile(scratch, "stdout", ".txt");
            Path err = Files.createTempFile(scratch, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
                    .redirectOutput(out.toFile()).redirectError(err.toFile());
            if (!inheritEnvironment) {
                builder.environment().clear();
            }
            builder.environment().putAll(environment);
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                throw new NotStartable(command.get(0) + " could not be started: " + e.getMessage(), e);
            }
            boolean finished = false;
            try {
                process.getOutputStream().close(); // no child ever waits for input
                finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (!finished) {
                    kill(process);
                }
            }
            return new Outcome(List.copyOf(command), finished ? process.exitValue() : -1, !finished,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static String tail(String text, int maxChars) {
        String trimmed = text.strip();
        return trimmed.length() <= maxChars ? trimmed : "…" + trimmed.substring(trimmed.length() - maxChars);
    }
}
