package com.example.vault;

import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * What the keystore keeps about a secret besides its values, stored as a small properties document in
 * its own keystore entry (so it is encrypted like the values):
 * {@code current=2}, {@code created=...}, {@code updated=...}, {@code tag.AirbyteManaged=true}.
 */
final class SecretRecord {

    private static final String TAG = "tag.";

    final int currentVersion;
    final Instant created;
    final Instant updated;
    final Map<String, String> tags;

    SecretRecord(int currentVersion, Instant created, Instant updated, Map<String, String> tags) {
        this.currentVersion = currentVersion;
        this.created = created;
        this.updated = updated;
        this.tags = Map.copyOf(tags);
    }

    static SecretRecord first(Map<String, String> tags, Instant now) {
        return new SecretRecord(1, now, now, tags);
    }

    SecretRecord nextVersion(Instant now) {
        return new SecretRecord(currentVersion + 1, created, now, tags);
    }

    SecretRecord withTags(Map<String, String> added, Instant now) {
        Map<String, String> merged = new TreeMap<>(tags);
        merged.putAll(added);
        return new SecretRecord(currentVersion, created, now, merged);
    }

    SecretMetadata metadata(SecretName name, KeystoreFile file) {
        return SecretMetadata.builder(name)
                .nativeId(file.path() + "#" + Aliases.record(name))
                .version(Integer.toString(currentVersion))
                .tags(tags)
                .createdAt(created)
                .updatedAt(updated)
                .build();
    }

    byte[] toBytes() {
        Properties p = new Properties();
        p.setProperty("current", Integer.toString(currentVersion));
        p.setProperty("created", created.toString());
        p.setProperty("updated", updated.toString());
        tags.forEach((key, value) -> p.setProperty(TAG + key, value));
        StringWriter text = new StringWriter();
        try {
            p.store(text, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    static SecretRecord fromBytes(byte[] bytes) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> tags = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(TAG)) {
                tags.put(key.substring(TAG.length()), p.getProperty(key));
            }
        }
        return new SecretRecord(Integer.parseInt(p.getProperty("current")), Instant.parse(p.getProperty("created")),
                Instant.parse(p.getProperty("updated")), tags);
    }
}
