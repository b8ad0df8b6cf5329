package dev.secretstore.emulator.azure.internal;

import java.util.Map;

/**
 * One version of a secret. Key Vault keeps value, content type, tags and attributes per version; all but the
 * value can be changed later (PATCH), so those fields are mutable, guarded by {@link SecretVault}'s lock.
 */
public final class SecretVersion {
    private final String version;
    private final String value;
    private final long created;
    private String contentType;
    private Map<String, String> tags;
    private boolean enabled;
    private Long notBefore;
    private Long expires;
    private long updated;

    SecretVersion(String version, String value, String contentType, Map<String, String> tags, boolean enabled,
                  Long notBefore, Long expires, long created) {
        this.version = version;
        this.value = value;
        this.contentType = contentType;
        this.tags = Map.copyOf(tags);
        this.enabled = enabled;
        this.notBefore = notBefore;
        this.expires = expires;
        this.created = created;
        this.updated = created;
    }

    void update(SecretChanges changes, long now) {
        changes.contentType().ifPresent(v -> contentType = v);
        changes.tags().ifPresent(v -> tags = Map.copyOf(v));
        changes.enabled().ifPresent(v -> enabled = v);
        changes.notBefore().ifPresent(v -> notBefore = v);
        changes.expires().ifPresent(v -> expires = v);
        updated = now;
    }

    public String version() {
        return version;
    }

    public String value() {
        return value;
    }

    public String contentType() {
        return contentType;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public boolean enabled() {
        return enabled;
    }

    public Long notBefore() {
        return notBefore;
    }

    public Long expires() {
        return expires;
    }

    public long created() {
        return created;
    }

    public long updated() {
        return updated;
    }

    @Override
    public String toString() {
        return "SecretVersion[" + version + ", value=*** redacted ***]";
    }
}
