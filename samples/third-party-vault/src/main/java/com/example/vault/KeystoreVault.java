package com.example.vault;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.Secret;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.spi.SecretStoreSpi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.KeyStoreException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One opened keystore vault. The engine ({@code SecretStore}) has already validated names, sizes and the
 * managed tag before any of these methods runs; this class only stores and fetches.
 */
final class KeystoreVault implements SecretStoreSpi {

    /** One lock per keystore file, so stores opened on the same file in this JVM never lose an update. */
    private static final Map<Path, Object> LOCKS = new ConcurrentHashMap<>();

    /** First byte of every stored value; it also keeps the key non-empty, which SecretKeySpec requires. */
    private static final byte TEXT = 1;
    private static final byte BYTES = 0;

    private final KeystoreFile file;
    private final boolean readOnly;
    private final String tagKey;
    private final Object lock;

    KeystoreVault(KeystoreFile file, boolean readOnly, String tagKey) {
        this.file = file;
        this.readOnly = readOnly;
        this.tagKey = tagKey;
        this.lock = LOCKS.computeIfAbsent(file.path(), path -> new Object());
    }

    @Override
    public StoreLimits limits() {
        return StoreLimits.builder().maxValueBytes(64 * 1024).maxNameLength(255)
                .maxTags(50).maxTagKeyLength(128).maxTagValueLength(256).build();
    }

    @Override
    public String managedTagKey() {
        return tagKey;
    }

    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
        requireWritable(name);
        synchronized (lock) {
            KeyStore keystore = file.load();
            if (findRecord(keystore, name).isPresent()) {
                throw new SecretAlreadyExistsException(KeystoreVaultProvider.NAME, null, name, "already exists", null, null);
            }
            SecretRecord record = SecretRecord.first(tags, now());
            file.write(keystore, Aliases.version(name, 1), encode(value));
            file.write(keystore, Aliases.record(name), record.toBytes());
            file.save(keystore);
            return record.metadata(name, file);
        }
    }

    @Override
    public SecretMetadata addVersion(SecretName name, SecretValue value) {
        requireWritable(name);
        synchronized (lock) {
            KeyStore keystore = file.load();
            SecretRecord record = requireRecord(keystore, name).nextVersion(now());
            file.write(keystore, Aliases.version(name, record.currentVersion), encode(value));
            file.write(keystore, Aliases.record(name), record.toBytes());
            file.save(keystore);
            return record.metadata(name, file);
        }
    }

    @Override
    public void updateTags(SecretName name, Map<String, String> tags) {
        requireWritable(name);
        synchronized (lock) {
            KeyStore keystore = file.load();
            SecretRecord record = requireRecord(keystore, name).withTags(tags, now());
            file.write(keystore, Aliases.record(name), record.toBytes());
            file.save(keystore);
        }
    }

    @Override
    public Optional<SecretMetadata> describe(SecretName name) {
        return findRecord(file.load(), name).map(record -> record.metadata(name, file));
    }

    @Override
    public Secret read(SecretName name, Optional<String> version) {
        KeyStore keystore = file.load();
        SecretRecord record = requireRecord(keystore, name);
        int wanted = version.map(v -> parseVersion(name, v)).orElse(record.currentVersion);
        byte[] stored = file.read(keystore, Aliases.version(name, wanted));
        if (stored == null) {
            throw new SecretNotFoundException(KeystoreVaultProvider.NAME, null, name, "no version " + wanted, null, null);
        }
        return new Secret(name, Integer.toString(wanted), decode(stored), record.created);
    }

    @Override
    public Page<SecretMetadata> list(ListOptions options) {
        KeyStore keystore = file.load();
        List<SecretName> names = new ArrayList<>();
        for (String alias : aliases(keystore)) {
            Aliases.recordOf(alias)
                    .filter(name -> name.value().startsWith(options.prefix().orElse("")))
                    .filter(name -> options.pageToken().map(after -> name.value().compareTo(after) > 0).orElse(true))
                    .ifPresent(names::add);
        }
        Collections.sort(names);
        List<SecretMetadata> page = new ArrayList<>();
        for (SecretName name : names.subList(0, Math.min(options.pageSize(), names.size()))) {
            findRecord(keystore, name).ifPresent(record -> page.add(record.metadata(name, file)));
        }
        boolean more = names.size() > options.pageSize();
        return more ? Page.of(page, names.get(options.pageSize() - 1).value()) : Page.last(page);
    }

    /** A keystore has no recycle bin: every delete is permanent (the provider does not declare SOFT_DELETE). */
    @Override
    public void delete(SecretName name, DeleteOptions options) {
        requireWritable(name);
        synchronized (lock) {
            KeyStore keystore = file.load();
            SecretRecord record = requireRecord(keystore, name);
            try {
                for (int v = 1; v <= record.currentVersion; v++) {
                    keystore.deleteEntry(Aliases.version(name, v));
                }
                keystore.deleteEntry(Aliases.record(name));
            } catch (KeyStoreException e) {
                throw new IllegalStateException("keystore not loaded", e);
            }
            file.save(keystore);
        }
    }

    @Override
    public void close() {
        file.destroyPassword();
    }

    private void requireWritable(SecretName name) {
        if (readOnly) {
            throw new AccessDeniedException(KeystoreVaultProvider.NAME, null, name, "the keystore is opened read-only",
                    "remove \"readOnly\": true from the config to allow writes", null);
        }
    }

    private Optional<SecretRecord> findRecord(KeyStore keystore, SecretName name) {
        return Optional.ofNullable(file.read(keystore, Aliases.record(name))).map(SecretRecord::fromBytes);
    }

    private SecretRecord requireRecord(KeyStore keystore, SecretName name) {
        return findRecord(keystore, name).orElseThrow(() ->
                new SecretNotFoundException(KeystoreVaultProvider.NAME, null, name, "no such secret", null, null));
    }

    private static int parseVersion(SecretName name, String version) {
        try {
            return Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw new SecretNotFoundException(KeystoreVaultProvider.NAME, null, name,
                    "versions are numbers like 1, 2, 3", null, null);
        }
    }

    private static List<String> aliases(KeyStore keystore) {
        try {
            return Collections.list(keystore.aliases());
        } catch (KeyStoreException e) {
            throw new IllegalStateException("keystore not loaded", e);
        }
    }

    private static byte[] encode(SecretValue value) {
        byte[] bytes = value.bytes();
        byte[] stored = new byte[bytes.length + 1];
        stored[0] = value.isText() ? TEXT : BYTES;
        System.arraycopy(bytes, 0, stored, 1, bytes.length);
        Arrays.fill(bytes, (byte) 0);
        return stored;
    }

    private static SecretValue decode(byte[] stored) {
        byte[] bytes = Arrays.copyOfRange(stored, 1, stored.length);
        try {
            return stored[0] == TEXT ? SecretValue.ofText(new String(bytes, StandardCharsets.UTF_8))
                    : SecretValue.ofBytes(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Arrays.fill(stored, (byte) 0);
        }
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
