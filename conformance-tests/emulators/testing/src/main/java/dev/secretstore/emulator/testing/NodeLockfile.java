package dev.secretstore.emulator.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A committed {@code package-lock.json}, read as text, for the repository rule that a lockfile names no registry:
 * no {@code "resolved"} location (npm writes none with {@code omit-lockfile-registry-resolved=true}) and no
 * registry host anywhere. Lists the offending lines, so an assertion that they are empty says what is wrong.
 */
public final class NodeLockfile {
    private final List<String> lines;

    private NodeLockfile(List<String> lines) {
        this.lines = lines;
    }

    public static NodeLockfile read(Path lockfile) {
        try {
            return new NodeLockfile(Files.readAllLines(lockfile));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The lines holding a {@code "resolved"} field (a download location), trimmed. */
    public List<String> resolvedFields() {
        return lines.stream().filter(line -> line.contains("\"resolved\"")).map(String::strip).toList();
    }

    /** The lines naming a registry (a registry host name, or a registry setting), trimmed. */
    public List<String> registryMentions() {
        return lines.stream().filter(line -> line.toLowerCase(Locale.ROOT).contains("registry"))
                .map(String::strip).toList();
    }
}
