package dev.secretstore.emulator.gcp;

import dev.secretstore.emulator.testing.ChildProcess;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The installed {@code gcloud} pointed at an emulator, isolated from the machine: its own configuration directory
 * and home, no inherited environment (this machine sets {@code REQUESTS_CA_BUNDLE}/{@code CURL_CA_BUNDLE}, which
 * gcloud's HTTP library prefers over {@code core/custom_ca_certs_file}), no prompts, no update checks, no
 * metadata-server probing.
 */
final class Gcloud {
  /** A bound on a hang, not a speed check: one invocation normally takes 1–3 s. */
  private static final Duration TIMEOUT = Duration.ofSeconds(90);

  private final Path executable;
  private final Path workDir;
  private final Map<String, String> base = new HashMap<>();

  Gcloud(Path executable, Path workDir, String project) {
    this.executable = executable;
    this.workDir = workDir;
    base.put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
    base.put("HOME", workDir.resolve("home").toString());
    base.put("LANG", "C.UTF-8");
    base.put("CLOUDSDK_CONFIG", workDir.resolve("gcloud-config").toString());
    base.put("CLOUDSDK_CORE_DISABLE_PROMPTS", "1");
    base.put("CLOUDSDK_CORE_PROJECT", project);
    base.put("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING", "true");
    base.put("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK", "true");
    base.put("CLOUDSDK_CORE_CHECK_GCE_METADATA", "false");
    String python = System.getenv("CLOUDSDK_PYTHON");
    if (python != null) {
      base.put("CLOUDSDK_PYTHON", python); // the interpreter choice is the machine's, not a setting under test
    }
  }

  /** Runs {@code gcloud args…} against the given Secret Manager endpoint with extra environment entries. */
  ChildProcess.Result run(String endpoint, Map<String, String> extraEnvironment, String... args) {
    Map<String, String> env = new HashMap<>(base);
    env.put("CLOUDSDK_API_ENDPOINT_OVERRIDES_SECRETMANAGER", endpoint);
    env.putAll(extraEnvironment);
    List<String> command = new ArrayList<>();
    command.add(executable.toString());
    command.addAll(List.of(args));
    return ChildProcess.command(command).environment(env).workingDirectory(workDir)
        .outputDirectory(workDir.resolve("output")).timeout(TIMEOUT).run();
  }

  /** The gcloud executable on the PATH, if installed. */
  static Optional<Path> onPath() {
    String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir, "gcloud");
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
