package dev.secretstore.emulator.azure.internal;

import java.util.Map;

/** An immutable snapshot of one secret version, taken under the vault's lock and rendered outside it. */
public record SecretView(String name, String version, String value, String contentType, Map<String, String> tags,
                         boolean enabled, Long notBefore, Long expires, long created, long updated,
                         Long deletedDate, Long scheduledPurgeDate) {

    static SecretView of(StoredSecret secret, SecretVersion version) {
        return new SecretView(secret.name(), version.version(), version.value(), version.contentType(),
                version.tags(), version.enabled(), version.notBefore(), version.expires(), version.created(),
                version.updated(), secret.deletedDate(), secret.scheduledPurgeDate());
    }

    @Override
    public String toString() {
        return "SecretView[" + name + "/" + version + ", value=*** redacted ***]";
    }
}
