package dev.secretstore.emulator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * A committed Node.js client project (package.json, its lockfile, .npmrc, scripts) copied under {@code target/}
 * and installed there with {@code npm ci}, never in the source tree. Where node or npm is missing, or the install
 * fails or overruns (no registry access, say), the client cannot run here: that is a skip with the reason and the
 * output's tail, never a pass and never a verdict on the emulator.
 */
public final class NodeProject {
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(30);
    private static final int TAIL_LINES = 15;

    private final Path directory;
    private String nodeVersion;
    private String toolsMissing;

    private NodeProject(Path directory) {
        this.directory = directory;
    }

    /**
     * Copies the regular files of {@code source} into {@code target} (created if needed, files replaced); an
     * earlier install's {@code node_modules} in {@code target} is left for {@code npm ci} to replace.
     */
    public static NodeProject copyOf(Path source, Path target) {
        try {
            Files.createDirectories(target);
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new NodeProject(target.toAbsolutePath());
    }

    /** Where the project was copied, and where its scripts run. */
    public Path directory() {
        return directory;
    }

    /** Why node or npm cannot be run here ({@code node --version}, {@code npm --version}), or empty. */
    public Optional<String> whyToolsMissing() {
        if (nodeVersion == null && toolsMissing == null) {
            ChildProcess.Result node = probe("node");
            ChildProcess.Result npm = node.succeeded() ? probe(npm()) : null;
            if (!node.succeeded()) {
                toolsMissing = "node is not available: " + node.describe();
            } else if (!npm.succeeded()) {
                toolsMissing = "npm is not available: " + npm.describe();
            } else {
                nodeVersion = node.stdout().strip();
            }
        }
        return Optional.ofNullable(toolsMissing);
    }

    /** What {@code node --version} printed, such as {@code v22.3.0}; only when {@link #whyToolsMissing} is empty. */
    public String nodeVersion() {
        if (whyToolsMissing().isPresent()) {
            throw new IllegalStateException("node is not available: " + toolsMissing);
        }
        return nodeVersion;
    }

    /**
     * Runs {@code npm ci --no-audit --no-fund} (and {@code extraNpmArguments}) in the copy with this JVM's
     * environment (npm needs the machine's registry, proxy and CA settings), at most {@code timeout}.
     *
     * @return why the client cannot run here (node or npm missing, the install failed or overran), or empty once
     *     installed
     */
    public Optional<String> install(Duration timeout, String... extraNpmArguments) {
        Optional<String> missing = whyToolsMissing();
        if (missing.isPresent()) {
            return missing;
        }
        List<String> command = new ArrayList<>(List.of(npm(), "ci", "--no-audit", "--no-fund"));
        command.addAll(List.of(extraNpmArguments));
        ChildProcess.Result install = ChildProcess.command(command).workingDirectory(directory)
                .inheritedEnvironmentWith(Map.of("npm_config_update_notifier", "false")).timeout(timeout).run();
        if (install.timedOut()) {
            return Optional.of("npm ci did not finish within " + timeout.toSeconds() + " s (registry unreachable?):\n"
                    + npmTail(install));
        }
        if (!install.succeeded()) {
            return Optional.of("npm ci failed (" + (install.started() ? "exit " + install.exitCode()
                    : "not started: " + install.stderr()) + "):\n" + npmTail(install));
        }
        return Optional.empty();
    }

    /**
     * {@link #install}, or skips the current test with "{@code client} not run: " and the reason.
     *
     * @param client what the project is, for the skip reason (say, "the AWS SDK for JavaScript")
     */
    public void installOrSkip(String client, Duration timeout, String... extraNpmArguments) {
        install(timeout, extraNpmArguments).ifPresent(why -> Assumptions.abort(client + " not run: " + why));
    }

    private ChildProcess.Result probe(String tool) {
        return ChildProcess.command(tool, "--version").workingDirectory(directory).timeout(PROBE_TIMEOUT).run();
    }

    /** npm's own stack frames are dropped: the error's code and message lines are what explain a failure. */
    private static String npmTail(ChildProcess.Result install) {
        return lastLines(install.stderr()) + (install.stdout().isBlank() ? "" : "\n[stdout] "
                + lastLines(install.stdout()));
    }

    private static String lastLines(String text) {
        List<String> all = text.strip().lines()
                .filter(line -> !line.replaceFirst("^npm (error|ERR!)", "").strip().startsWith("at ")).toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - TAIL_LINES), all.size()));
    }

    private static String npm() {
        return System.getProperty("os.name").startsWith("Windows") ? "npm.cmd" : "npm";
    }
}
