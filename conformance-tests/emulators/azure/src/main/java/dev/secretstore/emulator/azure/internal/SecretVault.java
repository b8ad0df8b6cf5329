package dev.secretstore.emulator.azure.internal;

import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * The vault's secrets, with Key Vault's rules: case-insensitive names, a new 32-hex version per set, soft delete
 * (a deleted name cannot be set again until recovered or purged), purge protection, scheduled purge after the
 * retention period, 25k values and 15 tags. Every method holds the vault's lock.
 */
public final class SecretVault {
    /** "25k bytes" in the service limits; taken as 25 KiB of UTF-8. */
    public static final int MAX_VALUE_BYTES = 25 * 1024;
    public static final int MAX_TAGS = 15;
    private static final int MAX_TAG_NAME = 512;
    private static final int MAX_TAG_VALUE = 256;

    private final Map<String, StoredSecret> secrets = new LinkedHashMap<>();
    private final EmulatorClock clock;
    private volatile VaultOptions options;

    public SecretVault(EmulatorClock clock, VaultOptions options) {
        this.clock = clock;
        this.options = options;
    }

    public VaultOptions options() {
        return options;
    }

    public synchronized void reset(VaultOptions newOptions) {
        secrets.clear();
        options = newOptions;
    }

    public synchronized SecretView set(String name, String value, SecretChanges fields) {
        checkValue(value);
        fields.tags().ifPresent(SecretVault::checkTags);
        StoredSecret secret = current(name);
        if (secret != null && secret.isDeleted()) {
            throw KeyVaultErrors.deletedButRecoverable(secret.name());
        }
        if (secret == null) {
            secret = new StoredSecret(name);
            secrets.put(key(name), secret);
        }
        long now = clock.epochSeconds();
        SecretVersion version = new SecretVersion(UUID.randomUUID().toString().replace("-", ""), value,
                fields.contentType().orElse(null), fields.tags().orElse(Map.of()), fields.enabled().orElse(true),
                fields.notBefore().orElse(null), fields.expires().orElse(null), now);
        secret.versions().add(version);
        return SecretView.of(secret, version);
    }

    /** The latest version when {@code version} is null or empty. Disabled versions are refused, as the service does. */
    public synchronized SecretView get(String name, String version) {
        SecretView view = find(name, version);
        if (!view.enabled()) {
            throw KeyVaultErrors.disabled("get");
        }
        return view;
    }

    public synchronized List<SecretView> list() {
        purgeExpired();
        return secrets.values().stream()
                .filter(s -> !s.isDeleted())
                .sorted(Comparator.comparing(s -> key(s.name())))
                .map(s -> SecretView.of(s, s.latest()))
                .toList();
    }

    /** Empty, not 404, for a name with no live secret: the service answers an unknown name's versions so. */
    public synchronized List<SecretView> versions(String name) {
        StoredSecret secret = current(name);
        if (secret == null || secret.isDeleted()) {
            return List.of();
        }
        return secret.versions().stream().map(v -> SecretView.of(secret, v)).toList();
    }

    public synchronized SecretView update(String name, String version, SecretChanges changes) {
        changes.tags().ifPresent(SecretVault::checkTags);
        StoredSecret secret = live(name);
        SecretVersion target = version == null || version.isEmpty() ? secret.latest()
                : secret.version(version).orElseThrow(() -> KeyVaultErrors.secretNotFound(name + "/" + version));
        target.update(changes, clock.epochSeconds());
        return SecretView.of(secret, target);
    }

    public synchronized SecretView delete(String name) {
        StoredSecret secret = live(name);
        long now = clock.epochSeconds();
        secret.markDeleted(now, now + options.retentionDays() * 86_400L);
        return SecretView.of(secret, secret.latest());
    }

    public synchronized SecretView getDeleted(String name) {
        StoredSecret secret = deleted(name);
        return SecretView.of(secret, secret.latest());
    }

    public synchronized List<SecretView> listDeleted() {
        purgeExpired();
        return secrets.values().stream()
                .filter(StoredSecret::isDeleted)
                .sorted(Comparator.comparing(s -> key(s.name())))
                .map(s -> SecretView.of(s, s.latest()))
                .toList();
    }

    /** Recovering a name that is not soft-deleted answers the live side's SecretNotFound, as recorded. */
    public synchronized SecretView recover(String name) {
        StoredSecret secret = current(name);
        if (secret == null || !secret.isDeleted()) {
            throw KeyVaultErrors.secretNotFound(name);
        }
        secret.markRecovered();
        return SecretView.of(secret, secret.latest());
    }

    public synchronized void purge(String name) {
        StoredSecret secret = deleted(name);
        if (options.purgeProtection()) {
            throw new VaultException(403, "Forbidden", "Operation \"purge\" is not allowed because purge protection "
                    + "is enabled for this vault. Key Vault service will automatically purge it after the "
                    + "retention period has passed.\r\nVault: " + options.name() + ";location=" + options.location(),
                    null);
        }
        secrets.remove(key(secret.name()));
    }

    /** How many names the vault holds, live or soft-deleted. */
    public synchronized int size() {
        purgeExpired();
        return secrets.size();
    }

    private SecretView find(String name, String version) {
        StoredSecret secret = live(name);
        if (version == null || version.isEmpty()) {
            return SecretView.of(secret, secret.latest());
        }
        SecretVersion found = secret.version(version)
                .orElseThrow(() -> KeyVaultErrors.secretNotFound(name + "/" + version));
        return SecretView.of(secret, found);
    }

    private StoredSecret live(String name) {
        StoredSecret secret = current(name);
        if (secret == null || secret.isDeleted()) {
            throw KeyVaultErrors.secretNotFound(name);
        }
        return secret;
    }

    private StoredSecret deleted(String name) {
        StoredSecret secret = current(name);
        if (secret == null || !secret.isDeleted()) {
            throw KeyVaultErrors.deletedSecretNotFound(name);
        }
        return secret;
    }

    /**
     * The secret of that name, or null. The service purges a soft-deleted secret by itself once its scheduled purge
     * date has passed: a lookup drops the one secret it finds if so, so that it costs the same whatever the vault
     * holds (it used to sweep every secret, the emulator's largest cost in a 3,000-secret benchmark).
     */
    private StoredSecret current(String name) {
        String key = key(name);
        StoredSecret secret = secrets.get(key);
        if (secret != null && purgeDue(secret, clock.epochSeconds())) {
            secrets.remove(key);
            return null;
        }
        return secret;
    }

    private static boolean purgeDue(StoredSecret secret, long now) {
        return secret.isDeleted() && secret.scheduledPurgeDate() <= now;
    }

    /** Listing sweeps every secret whose scheduled purge date has passed. */
    private void purgeExpired() {
        long now = clock.epochSeconds();
        secrets.values().removeIf(s -> purgeDue(s, now));
    }

    private static void checkValue(String value) {
        if (value == null) {
            throw KeyVaultErrors.badParameter("Property 'value' is required.");
        }
        int bytes = value.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_VALUE_BYTES) {
            throw KeyVaultErrors.badParameter("The secret value is " + bytes + " bytes; the maximum allowed size "
                    + "of a secret value is " + MAX_VALUE_BYTES + " bytes (25k).");
        }
    }

    private static void checkTags(Map<String, String> tags) {
        if (tags.size() > MAX_TAGS) {
            throw KeyVaultErrors.propertyHasInvalidValue();
        }
        for (Map.Entry<String, String> tag : tags.entrySet()) {
            if (tag.getKey().isEmpty() || tag.getKey().length() > MAX_TAG_NAME) {
                throw KeyVaultErrors.badParameter("Tag names must be 1 to " + MAX_TAG_NAME + " characters long.");
            }
            if (tag.getValue() != null && tag.getValue().length() > MAX_TAG_VALUE) {
                throw KeyVaultErrors.badParameter("Tag '" + tag.getKey() + "' has a value longer than "
                        + MAX_TAG_VALUE + " characters.");
            }
        }
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
