package dev.secretstore.emulator.azure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external command (npm, node) with a deadline. Output goes to files, not pipes, so a chatty child can
 * never block on a full pipe; on the deadline the child and everything it started are killed.
 */
final class BoundedCommand {
    private BoundedCommand() {
    }

    /**
     * What became of the command: {@code started} is false if it could not be started at all (not installed);
     * {@code exitCode} is -1 when it was killed at the deadline.
     */
    record Result(boolean started, boolean timedOut, int exitCode, String stdout, String stderr) {
        boolean succeeded() {
            return started && !timedOut && exitCode == 0;
        }

        /** The last {@code lines} lines of stderr and stdout, for a skip reason or a failure message. */
        String tail(int lines) {
            return lastLines(stderr, lines) + (stdout.isBlank() ? "" : "\n[stdout] " + lastLines(stdout, lines));
        }

        /** Stack frames are dropped: the error's own lines (its code, the message) are what explain it. */
        private static String lastLines(String text, int count) {
            List<String> all = text.strip().lines()
                    .filter(line -> !line.replaceFirst("^npm (error|ERR!)", "").strip().startsWith("at ")).toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
        }
    }

    /** Runs {@code command} in {@code workingDirectory}; its output is kept in {@code outputDirectory}. */
    static Result run(List<String> command, Path workingDirectory, Map<String, String> environment,
                      Duration timeout, Path outputDirectory, String outputName) {
        Path out = outputDirectory.resolve(outputName + ".stdout");
        Path err = outputDirectory.resolve(outputName + ".stderr");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        // A null value removes the variable from the inherited environment.
        environment.forEach((name, value) -> {
            if (value == null) {
                builder.environment().remove(name);
            } else {
                builder.environment().put(name, value);
            }
        });
        Process process;
        try {
            Files.createDirectories(outputDirectory);
            process = builder.start();
        } catch (IOException e) {
            return new Result(false, false, -1, "", String.valueOf(e.getMessage()));
        }
        boolean finished;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) {
            kill(process);
        }
        return new Result(true, !finished, finished ? process.exitValue() : -1, read(out), read(err));
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

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(could not read " + file + ": " + e.getMessage() + ")";
        }
    }
}
