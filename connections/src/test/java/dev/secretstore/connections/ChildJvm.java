package dev.secretstore.connections;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link CrashChild} in its own JVM on this test run's class path. Its output is read by a daemon thread
 * with a generous timeout, so a hung child fails one test instead of stalling the build; it is killed
 * (SIGKILL) whenever the test is done with it.
 */
final class ChildJvm implements AutoCloseable {

    /** Far above what a loaded machine needs to start a JVM and reach a step; only a hang takes this long. */
    private static final long LINE_TIMEOUT_SECONDS = 120;
    private static final String END = "\u0000end";

    private final Process process;
    private final Path errors;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

    private ChildJvm(Process process, Path errors) {
        this.process = process;
        this.errors = errors;
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException closed) {
                // killed: that is the end of its output
            } finally {
                lines.add(END);
            }
        }, "child-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildJvm start(Path errors, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                CrashChild.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(errors.toFile());
        builder.redirectInput(ProcessBuilder.Redirect.PIPE);
        return new ChildJvm(builder.start(), errors);
    }

    /** @return the child's next line of output */
    String readLine() throws InterruptedException, IOException {
        String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        if (line == null) {
            process.destroyForcibly();
            throw new AssertionError("child printed nothing for " + LINE_TIMEOUT_SECONDS + " s; see " + errors);
        }
        if (line.equals(END)) {
            throw new AssertionError("child ended without a result:\n" + Files.readString(errors));
        }
        return line;
    }

    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            throw new AssertionError("child survived SIGKILL for " + LINE_TIMEOUT_SECONDS + " s");
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }
}
