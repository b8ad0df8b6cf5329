package dev.secretstore.migrate;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link MigrationChild} in its own JVM on this test run's class path. Its output is read by a daemon thread,
 * so a child that hangs fails the test after a generous timeout instead of blocking the build.
 */
final class ChildProcess implements AutoCloseable {

    /** Far above what a loaded machine needs to start a JVM or migrate a few dozen secrets; only a hang takes this. */
    static final long TIMEOUT_SECONDS = 120;
    static final String END_OF_OUTPUT = "\u0000end-of-output";

    private final Process process;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildProcess(Process process) {
        this.process = process;
        Thread reader = new Thread(this::pump, "child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(Path errorLog, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xshare:auto");
        command.add("-XX:TieredStopAtLevel=1"); // starts faster; these children live for a second or two
        command.add("-XX:+UseSerialGC");
        command.add("-cp");
        command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        command.add(MigrationChild.class.getName());
        command.addAll(List.of(args));
        return new ChildProcess(new ProcessBuilder(command).redirectError(errorLog.toFile()).start());
    }

    private void pump() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException closed) {
            // killed: that is the end of its output
        } finally {
            lines.add(END_OF_OUTPUT);
        }
    }

    /** @return the next line, or {@link #END_OF_OUTPUT} once the child has ended */
    String readLine() throws InterruptedException {
        String line = lines.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            process.destroyForcibly();
            throw new AssertionError("child printed nothing for " + TIMEOUT_SECONDS + " s");
        }
        if (line.equals(END_OF_OUTPUT)) {
            lines.add(END_OF_OUTPUT);
        }
        return line;
    }

    /** SIGKILL, and wait until it is gone. @return true if it was still running when killed */
    boolean kill() throws InterruptedException {
        boolean alive = process.isAlive();
        process.destroyForcibly();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("child survived SIGKILL for " + TIMEOUT_SECONDS + " s");
        }
        return alive;
    }

    int waitFor() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child did not finish within " + TIMEOUT_SECONDS + " s");
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
