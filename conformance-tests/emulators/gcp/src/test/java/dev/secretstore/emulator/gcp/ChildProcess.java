package dev.secretstore.emulator.gcp;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs another client's command line with a bounded wait: output goes to files (a full pipe cannot stall it), and a
 * process still running at the deadline is killed with everything it started.
 */
final class ChildProcess {
  private ChildProcess() {}

  /** What a finished (or killed) child left behind. */
  record Result(List<String> command, int exitCode, boolean timedOut, String stdout, String stderr) {
    boolean succeeded() {
      return !timedOut && exitCode == 0;
    }

    /** The last lines of both streams, for a failure or skip message (never a secret value: see callers). */
    String tail(int lines) {
      String both = (stdout + "\n" + stderr).strip();
      String[] all = both.split("\n");
      return String.join("\n", List.of(all).subList(Math.max(0, all.length - lines), all.length));
    }

    String describe() {
      return String.join(" ", command) + (timedOut ? " timed out" : " exited " + exitCode) + ":\n" + tail(20);
    }
  }

  /**
   * @param environment the child's whole environment (nothing is inherited unless the caller copies it)
   * @param outputDir where the child's stdout and stderr files go
   */
  static Result run(List<String> command, Map<String, String> environment, Path workDir, Path outputDir,
      Duration timeout) {
    try {
      Files.createDirectories(outputDir);
      Path out = Files.createTempFile(outputDir, "stdout", ".txt");
      Path err = Files.createTempFile(outputDir, "stderr", ".txt");
      ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
          .redirectOutput(out.toFile()).redirectError(err.toFile());
      builder.environment().clear();
      builder.environment().putAll(environment);
      Process process = builder.start();
      boolean finished;
      try {
        finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        finished = false;
      }
      if (!finished) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
          process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      Result result = new Result(command, finished ? process.exitValue() : -1, !finished,
          Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
      return result;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An executable of this name on the PATH, if any. */
  static Optional<Path> onPath(String name) {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, name);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
