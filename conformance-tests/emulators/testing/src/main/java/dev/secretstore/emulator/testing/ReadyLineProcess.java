package dev.secretstore.emulator.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A long-running child (an emulator's executable jar) that announces it is serving with a line starting
 * {@code READY } on standard output. Its output is read on a daemon thread from the start, so the child never
 * blocks on a full pipe; {@link #close()} always kills it and its descendants, so no test run leaves it behind.
 *
 * <pre>{@code
 * try (ReadyLineProcess child = ReadyLineProcess.start(command, Stderr.MERGE)) {
 *     String ready = child.awaitReady(Duration.ofSeconds(60));
 *     ...
 * }
 * }</pre>
 */
public final class ReadyLineProcess implements AutoCloseable {
    private static final String READY_PREFIX = "READY ";

    /** Where the child's standard error goes. */
    public enum Stderr {
        /** Into the same line stream as standard output (see {@link #output()}). */
        MERGE,
        /** To this JVM's standard error (surefire keeps it); {@link #output()} is then standard output alone. */
        INHERIT
    }

    private final Process process;
    private final Thread reader;
    private final List<String> lines = new ArrayList<>();
    private boolean outputClosed;
    private String readyLine;

    private ReadyLineProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::readOutput, "ready-line-process-output");
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts {@code command} (program first) in the current directory with this JVM's environment. */
    public static ReadyLineProcess start(List<String> command, Stderr stderr) {
        ProcessBuilder builder = new ProcessBuilder(command);
        if (stderr == Stderr.MERGE) {
            builder.redirectErrorStream(true);
        } else {
            builder.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        try {
            return new ReadyLineProcess(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(command.get(0) + " could not be started", e);
        }
    }

    /**
     * The first line starting {@code READY }, whole, waiting at most {@code bound} for it (a bound on a hang, not a
     * speed check). Fails the test, with the output seen so far, if the child ends its output first or the bound
     * passes.
     */
    public String awaitReady(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        synchronized (lines) {
            while (readyLine == null && !outputClosed) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lines, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (readyLine != null) {
                return readyLine;
            }
            return fail((outputClosed ? "the child ended its output" : "no READY line within " + bound.toSeconds()
                    + " s") + " before a READY line; its output:\n" + String.join("\n", lines));
        }
    }

    /** Every output line so far, the READY line included. */
    public List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Closes the child's standard input (for a child that stops at end of input). */
    public void closeInput() {
        try {
            process.getOutputStream().close();
        } catch (IOException e) {
            // the child is already gone
        }
    }

    /** Asks the child to stop (SIGTERM on POSIX); {@link #waitForExit} says whether it did. */
    public void requestStop() {
        process.destroy();
    }

    /**
     * Waits at most {@code bound} for the child to exit and for its output to be read to the end; true if both
     * happened. Does not kill it: {@link #close()} does.
     */
    public boolean waitForExit(Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        try {
            if (!process.waitFor(bound.toNanos(), TimeUnit.NANOSECONDS)) {
                return false;
            }
            reader.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !reader.isAlive();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only once the child has exited. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Kills the child and its descendants if still running, and waits a little for them to be gone. */
    @Override
    public void close() {
        closeInput();
        if (process.isAlive()) {
            ChildProcess.killWithDescendants(process);
        }
    }

    private void readOutput() {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    if (readyLine == null && line.startsWith(READY_PREFIX)) {
                        readyLine = line;
                    }
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the stream closes when the child is killed
        } finally {
            synchronized (lines) {
                outputClosed = true;
                lines.notifyAll();
            }
        }
    }
}
