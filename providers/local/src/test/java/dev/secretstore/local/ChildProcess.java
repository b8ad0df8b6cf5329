package dev.secretstore.local;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ChildWriter} running in its own JVM, on this test run's class path. Its output is read by a
 * daemon thread, so a child that hangs fails the test after a generous timeout instead of blocking the
 * build; the child is killed whenever the test is done with it.
 */
final class ChildProcess implements AutoCloseable {
  /** Far above what a loaded CI machine needs to start a JVM or write a secret; only a hang takes this long. */
  static final long LINE_TIMEOUT_SECONDS = 120;
  private static final String END_OF_OUTPUT = "\u0000end-of-output";

  private final Process process;
  private final Path errorLog;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildProcess(Process process, Path errorLog) {
    this.process = process;
    this.errorLog = errorLog;
    Thread reader = new Thread(this::pumpOutput, "child-" + process.pid() + "-stdout");
    reader.setDaemon(true);
    reader.start();
  }

  static ChildProcess start(Path errorLog, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:auto");
    command.add("-XX:TieredStopAtLevel=1"); // starts faster; these children live for seconds
    command.add("-cp");
    command.add(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
    command.add(ChildWriter.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    builder.redirectError(errorLog.toFile());
    return new ChildProcess(builder.start(), errorLog);
  }

  private void pumpOutput() {
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    } catch (IOException closed) {
      // the child was killed or closed its output: that is the end of it
    } finally {
      lines.add(END_OF_OUTPUT);
    }
  }

  /** Sends one line to the child's standard input. */
  void send(String line) throws IOException {
    process.getOutputStream().write((line + "\n").getBytes(StandardCharsets.UTF_8));
    process.getOutputStream().flush();
  }

  /**
   * The child's next line of output.
   *
   * @throws AssertionError if the child exited, or printed nothing for {@link #LINE_TIMEOUT_SECONDS}
   */
  String readLine() throws InterruptedException {
    String line = lines.poll(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS);
    if (line == null) {
      process.destroyForcibly();
      throw new AssertionError("child process printed nothing for " + LINE_TIMEOUT_SECONDS + " s; see " + errorLog);
    }
    if (line.equals(END_OF_OUTPUT)) {
      lines.add(END_OF_OUTPUT); // later calls see the end too
      throw new AssertionError("child process ended its output early; see " + errorLog + stderrTail());
    }
    return line;
  }

  int waitFor(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child process did not finish within " + seconds + " s");
    }
    return process.exitValue();
  }

  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(LINE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      throw new AssertionError("child process survived SIGKILL for " + LINE_TIMEOUT_SECONDS + " s");
    }
  }

  private String stderrTail() {
    try {
      String err = java.nio.file.Files.readString(errorLog);
      return err.isEmpty() ? "" : ":\n" + err.substring(Math.max(0, err.length() - 2000));
    } catch (IOException | UncheckedIOException e) {
      return "";
    }
  }

  @Override
  public void close() throws Exception {
    if (process.isAlive()) {
      kill();
    }
  }
}
