package dev.secretstore.emulator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs another program (a CLI, npm, a script) to completion with a bounded wait. Its input comes from a file and its
 * output goes to files, never pipes, so a chatty child can never block on a full pipe; a child still running at the
 * deadline is killed together with everything it started.
 *
 * <pre>{@code
 * ChildProcess.Result r = ChildProcess.command("node", "--version").timeout(Duration.ofSeconds(30)).run();
 * }</pre>
 */
public final class ChildProcess {
    private static final Duration KILL_WAIT = Duration.ofSeconds(10);

    private final List<String> command;
    private Path workingDirectory = Path.of("").toAbsolutePath();
    private boolean inheritEnvironment = true;
    private final Map<String, String> environment = new HashMap<>();
    private String stdin = "";
    private Duration timeout;
    private Path outputDirectory;

    private ChildProcess(List<String> command) {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("command: needs at least the program");
        }
        this.command = List.copyOf(command);
    }

    /** A child running {@code command} (program first); set at least {@link #timeout} before {@link #run}. */
    public static ChildProcess command(List<String> command) {
        return new ChildProcess(command);
    }

    /** A child running {@code command} (program first); set at least {@link #timeout} before {@link #run}. */
    public static ChildProcess command(String... command) {
        return new ChildProcess(List.of(command));
    }

    /** Where the child runs; the current directory unless set. */
    public ChildProcess workingDirectory(Path directory) {
        this.workingDirectory = Objects.requireNonNull(directory, "workingDirectory");
        return this;
    }

    /** The child's whole environment: nothing of this JVM's environment is inherited. */
    public ChildProcess environment(Map<String, String> exactly) {
        inheritEnvironment = false;
        environment.clear();
        environment.putAll(exactly);
        return this;
    }

    /**
     * This JVM's environment with these entries changed; a {@code null} value removes the variable (a map that
     * allows null values, such as {@link HashMap}, is needed for that).
     */
    public ChildProcess inheritedEnvironmentWith(Map<String, String> changes) {
        inheritEnvironment = true;
        environment.clear();
        environment.putAll(changes);
        return this;
    }

    /** What the child reads on standard input; nothing (end of input at once) unless set. */
    public ChildProcess stdin(String text) {
        this.stdin = Objects.requireNonNull(text, "stdin");
        return this;
    }

    /** The bound on the whole run (required): a bound on a hang, not a speed check. */
    public ChildProcess timeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout: must be positive, was " + timeout);
        }
        this.timeout = timeout;
        return this;
    }

    /** Where the temporary input and output files live while the child runs; the system's temp dir unless set. */
    public ChildProcess outputDirectory(Path directory) {
        this.outputDirectory = Objects.requireNonNull(directory, "outputDirectory");
        return this;
    }

    /**
     * Runs the child and waits for it, at most the timeout. A program that cannot be started (not installed, not
     * executable) is a {@link Result} with {@code started() == false}, not an exception.
     */
    public Result run() {
        if (timeout == null) {
            throw new IllegalStateException("timeout: required, so no test can hang on a child");
        }
        Path in = null;
        Path out = null;
        Path err = null;
        try {
            Path dir = outputDirectory == null ? Path.of(System.getProperty("java.io.tmpdir"))
                    : Files.createDirectories(outputDirectory);
            in = Files.writeString(Files.createTempFile(dir, "stdin", ".txt"), stdin, StandardCharsets.UTF_8);
            out = Files.createTempFile(dir, "stdout", ".txt");
            err = Files.createTempFile(dir, "stderr", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile());
            if (!inheritEnvironment) {
                builder.environment().clear();
            }
            environment.forEach((name, value) -> {
                if (value == null) {
                    builder.environment().remove(name);
                } else {
                    builder.environment().put(name, value);
                }
            });
            Process process;
            try {
                process = builder.start();
            } catch (IOException e) {
                return new Result(command, false, false, -1, "", String.valueOf(e.getMessage()));
            }
            boolean finished = waitFor(process);
            return new Result(command, true, !finished, finished ? process.exitValue() : -1,
                    Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            deleteQuietly(in);
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /** True if the process ended by itself; otherwise it and its descendants have been killed. */
    private boolean waitFor(Process process) {
        boolean finished = false;
        try {
            finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            if (!finished) {
                killWithDescendants(process);
            }
        }
        return finished;
    }

    /** Kills the process and everything it started, and waits a little for it to be gone. */
    static void killWithDescendants(Process process) {
        // Descendants first: once the parent is gone they are reparented and no longer found through it.
        List<ProcessHandle> descendants = process.descendants().toList();
        descendants.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        long deadline = System.nanoTime() + KILL_WAIT.toNanos();
        try {
            process.waitFor(KILL_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            for (ProcessHandle descendant : descendants) {
                descendant.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            // killed with SIGKILL; a descendant not yet reaped is not worth failing a test for
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover temp file is not worth failing a test for
        }
    }

    /**
     * What became of a child: {@code started} is false if the program could not be started at all (then
     * {@code stderr} says why); {@code exitCode} is -1 when it was not started or killed at the deadline.
     */
    public record Result(List<String> command, boolean started, boolean timedOut, int exitCode, String stdout,
                         String stderr) {

        /** Started, finished by itself, and exited 0. */
        public boolean succeeded() {
            return started && !timedOut && exitCode == 0;
        }

        /** The last {@code lines} lines of stderr, then those of stdout, for a failure or skip message. */
        public String tail(int lines) {
            String errors = lastLines(stderr, lines);
            return stdout.isBlank() ? errors : errors + "\n[stdout] " + lastLines(stdout, lines);
        }

        /**
         * For failure and skip messages: the program and its first arguments (later ones may carry secret
         * values), what became of it, and the output's last 20 lines.
         */
        public String describe() {
            String what = String.join(" ", command.subList(0, Math.min(command.size(), 4)));
            if (!started) {
                return what + " could not be started: " + stderr;
            }
            return what + (timedOut ? " timed out" : " exited " + exitCode) + ":\n" + tail(20);
        }

        private static String lastLines(String text, int count) {
            List<String> all = text.strip().lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - count), all.size()));
        }
    }
}
