package dev.secretstore.migrate.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.migrate.MigrationJournalException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The migration journal: one JSON object per line, appended as the migration goes, holding secret names, version
 * ids and value digests only. The first line names the migration (source and target providers, prefix) and holds
 * the digest salt. Each record is written with one {@code write} call, so a killed process leaves whole lines and
 * at most one torn last line, which the next run drops. A write is announced ({@code intent}) before it is made,
 * and confirmed ({@code copied}) once read back and verified, so a run that dies in between is resolved by the
 * next one from the target itself. The file is locked while a run uses it.
 */
public final class Journal implements AutoCloseable {

    private static final int FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Which migration a journal belongs to. */
    public record Header(String source, String target, String prefix) {
    }

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;
    private final ValueDigest digest;
    private final Map<String, SecretState> states;

    private Journal(Path path, FileChannel channel, FileLock lock, ValueDigest digest, Map<String, SecretState> states) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
        this.digest = digest;
        this.states = states;
    }

    /**
     * Opens the journal for a run, creating it (mode 0600 where the file system has POSIX modes) or replaying it.
     *
     * @throws MigrationJournalException if it belongs to another migration, is damaged, locked by another run, or
     *     cannot be read or written
     */
    public static Journal open(Path path, Header header) {
        FileChannel channel = null;
        try {
            boolean created = createIfAbsent(path);
            channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new MigrationJournalException("another migration run is using the journal " + path
                        + "; wait for it to end (one run per journal)", null);
            }
            Replay replay;
            if (created || channel.size() == 0) {
                byte[] salt = new byte[32];
                new SecureRandom().nextBytes(salt);
                replay = new Replay(salt, new ConcurrentHashMap<>(), 0);
                Journal journal = new Journal(path, channel, lock, new ValueDigest(salt), replay.states);
                Map<String, Object> first = new LinkedHashMap<>();
                first.put("type", "migration");
                first.put("format", FORMAT);
                first.put("source", header.source());
                first.put("target", header.target());
                first.put("prefix", header.prefix());
                first.put("salt", Base64.getEncoder().encodeToString(salt));
                journal.append(first);
                return journal;
            }
            replay = replay(path, Files.readAllBytes(path), header);
            channel.truncate(replay.validLength); // drops a torn last line
            channel.position(replay.validLength);
            return new Journal(path, channel, lock, new ValueDigest(replay.salt), replay.states);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new MigrationJournalException("cannot use the journal " + path + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } catch (RuntimeException e) {
            closeQuietly(channel);
            throw e;
        }
    }

    /**
     * Reads a journal without creating, locking or changing it (for a dry run).
     *
     * @return the secrets' states, or empty when the file does not exist
     */
    public static Optional<Map<String, SecretState>> peek(Path path, Header header) {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(replay(path, Files.readAllBytes(path), header).states);
        } catch (IOException e) {
            throw new MigrationJournalException("cannot read the journal " + path + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static boolean createIfAbsent(Path path) throws IOException {
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            if (path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(path);
            }
            return true;
        } catch (FileAlreadyExistsException e) {
            return false;
        }
    }

    private record Replay(byte[] salt, Map<String, SecretState> states, long validLength) {
    }

    private static Replay replay(Path path, byte[] content, Header header) {
        Map<String, SecretState> states = new ConcurrentHashMap<>();
        byte[] salt = null;
        int start = 0;
        int lineNumber = 0;
        while (start < content.length) {
            int end = indexOf(content, (byte) '\n', start);
            if (end < 0) {
                break; // a torn last line: the run died while writing it, so its write was never made
            }
            lineNumber++;
            JsonNode record;
            try {
                record = JSON.readTree(new String(content, start, end - start, StandardCharsets.UTF_8));
            } catch (JsonProcessingException e) {
                throw damaged(path, lineNumber, "it is not a JSON object");
            }
            if (record == null || !record.isObject()) {
                throw damaged(path, lineNumber, "it is not a JSON object");
            }
            if (lineNumber == 1) {
                salt = checkHeader(path, record, header);
            } else {
                apply(path, lineNumber, record, states);
            }
            start = end + 1;
        }
        if (salt == null) {
            throw new MigrationJournalException("the journal " + path + " has no complete first line; delete it if"
                    + " no migration has written to the target yet, or restore it", null);
        }
        return new Replay(salt, states, start);
    }

    private static byte[] checkHeader(Path path, JsonNode record, Header header) {
        if (!"migration".equals(record.path("type").asText()) || record.path("format").asInt() != FORMAT) {
            throw damaged(path, 1, "it is not a secretstore migration journal (format " + FORMAT + ")");
        }
        String source = record.path("source").asText(null);
        String target = record.path("target").asText(null);
        String prefix = record.path("prefix").isNull() ? null : record.path("prefix").asText(null);
        if (!Objects.equals(source, header.source()) || !Objects.equals(target, header.target())
                || !Objects.equals(prefix, header.prefix())) {
            throw new MigrationJournalException("the journal " + path + " belongs to another migration (" + source
                    + " -> " + target + (prefix == null ? "" : ", prefix '" + prefix + "'") + "); name another"
                    + " journal file for this one (" + header.source() + " -> " + header.target()
                    + (header.prefix() == null ? "" : ", prefix '" + header.prefix() + "'") + ")", null);
        }
        try {
            return Base64.getDecoder().decode(record.path("salt").asText(""));
        } catch (IllegalArgumentException e) {
            throw damaged(path, 1, "its salt is not base64");
        }
    }

    private static void apply(Path path, int line, JsonNode record, Map<String, SecretState> states) {
        String type = record.path("type").asText("");
        String name = record.path("name").asText(null);
        if (name == null) {
            throw damaged(path, line, "it names no secret");
        }
        SecretState state = states.computeIfAbsent(name, n -> new SecretState());
        switch (type) {
            case "intent" -> state.intent(new SecretState.Intent(text(path, line, record, "source"),
                    text(path, line, record, "digest"), record.path("after").asText(null)));
            case "copied" -> state.copied(new SecretState.Copy(text(path, line, record, "source"),
                    record.path("target").asText(null), text(path, line, record, "digest")));
            case "done" -> state.done(text(path, line, record, "source"));
            case "deleted" -> state.deleted();
            default -> throw damaged(path, line, "its type '" + type + "' is unknown");
        }
    }

    private static String text(Path path, int line, JsonNode record, String field) {
        JsonNode node = record.get(field);
        if (node == null || !node.isTextual()) {
            throw damaged(path, line, "field '" + field + "' is missing");
        }
        return node.asText();
    }

    private static MigrationJournalException damaged(Path path, int line, String why) {
        return new MigrationJournalException("the journal " + path + " is damaged at line " + line + ": " + why
                + "; restore it, or start a new journal (an existing copy in the target is then compared by digest)",
                null);
    }

    private static int indexOf(byte[] content, byte b, int from) {
        for (int i = from; i < content.length; i++) {
            if (content[i] == b) {
                return i;
            }
        }
        return -1;
    }

    public Path path() {
        return path;
    }

    public ValueDigest digest() {
        return digest;
    }

    /** @return the secret's state, created empty for a secret the journal has not seen */
    public SecretState state(String name) {
        return states.computeIfAbsent(name, n -> new SecretState());
    }

    /** @return the secrets the journal knows, by name */
    public Map<String, SecretState> states() {
        return states;
    }

    public void intent(String name, String sourceVersion, String digest, String after) {
        Map<String, Object> r = record("intent", name);
        r.put("source", sourceVersion);
        r.put("digest", digest);
        r.put("after", after);
        synchronized (this) {
            append(r);
            state(name).intent(new SecretState.Intent(sourceVersion, digest, after));
        }
    }

    public void copied(String name, String sourceVersion, String targetVersion, String digest) {
        Map<String, Object> r = record("copied", name);
        r.put("source", sourceVersion);
        r.put("target", targetVersion);
        r.put("digest", digest);
        synchronized (this) {
            append(r);
            state(name).copied(new SecretState.Copy(sourceVersion, targetVersion, digest));
        }
    }

    public void done(String name, String sourceVersion) {
        Map<String, Object> r = record("done", name);
        r.put("source", sourceVersion);
        synchronized (this) {
            append(r);
            state(name).done(sourceVersion);
        }
    }

    public void deleted(String name) {
        synchronized (this) {
            append(record("deleted", name));
            state(name).deleted();
        }
    }

    private static Map<String, Object> record(String type, String name) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("type", type);
        r.put("name", name);
        return r;
    }

    private synchronized void append(Map<String, Object> record) {
        try {
            ByteBuffer line = ByteBuffer.wrap((JSON.writeValueAsString(record) + "\n").getBytes(StandardCharsets.UTF_8));
            while (line.hasRemaining()) {
                channel.write(line);
            }
        } catch (IOException e) {
            throw new MigrationJournalException("cannot write the journal " + path + ": " + e.getClass().getSimpleName()
                    + "; the migration stopped, rerun it once the journal is writable", e);
        }
    }

    /** Forces the journal to disk and releases it. */
    @Override
    public synchronized void close() {
        try {
            channel.force(true);
            lock.release();
        } catch (IOException e) {
            // closing below still releases the lock
        } finally {
            closeQuietly(channel);
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }

    @Override
    public String toString() {
        return "Journal[" + path + "]";
    }
}
