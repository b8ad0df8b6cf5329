package dev.secretstore.emulator.aws.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All secrets, partitioned by account and region as in AWS. Secrets whose recovery window has ended are removed
 * lazily: a lookup by name or ARN drops the one secret it finds if its window has ended, and listing drops every
 * such secret. A lookup therefore costs the same whatever the number of secrets (it used to sweep them all, which
 * made the emulator, not the client, the bottleneck of a 3,000-secret benchmark).
 */
public final class SecretRepository {
    private final Map<String, Map<String, Secret>> byScope = new LinkedHashMap<>();

    private static String scope(String accountId, String region) {
        return accountId + "|" + region;
    }

    private Map<String, Secret> secrets(String accountId, String region) {
        return byScope.computeIfAbsent(scope(accountId, region), k -> new LinkedHashMap<>());
    }

    private static boolean expired(Secret s, Instant now) {
        return s.isScheduledForDeletion() && !now.isBefore(s.deletionDate());
    }

    /** The secret, unless its recovery window has ended (then it is removed now). */
    private static Optional<Secret> live(Map<String, Secret> secrets, Secret found, Instant now) {
        if (found == null) {
            return Optional.empty();
        }
        if (expired(found, now)) {
            secrets.remove(found.name());
            return Optional.empty();
        }
        return Optional.of(found);
    }

    public Optional<Secret> byName(String accountId, String region, String name, Instant now) {
        Map<String, Secret> secrets = secrets(accountId, region);
        return live(secrets, secrets.get(name), now);
    }

    /** Finds a secret by name, full ARN, or ARN without the random suffix (partial ARN), as the service does. */
    public Optional<Secret> find(String accountId, String region, String secretId, Instant now) {
        Map<String, Secret> secrets = secrets(accountId, region);
        if (secretId.startsWith("arn:")) {
            // An ARN names one secret; one whose window has ended is gone, and is skipped as if absent.
            secrets.values().removeIf(s -> expired(s, now) && s.arn().startsWith(secretId));
            for (Secret s : secrets.values()) {
                if (s.arn().equals(secretId)) {
                    return Optional.of(s);
                }
            }
            for (Secret s : secrets.values()) {
                if (s.arn().substring(0, s.arn().length() - 7).equals(secretId)) {
                    return Optional.of(s);
                }
            }
            return Optional.empty();
        }
        return live(secrets, secrets.get(secretId), now);
    }

    public void add(Secret secret) {
        secrets(secret.accountId(), secret.region()).put(secret.name(), secret);
    }

    public void remove(Secret secret) {
        Map<String, Secret> secrets = byScope.get(scope(secret.accountId(), secret.region()));
        if (secrets != null) {
            secrets.remove(secret.name());
        }
    }

    public List<Secret> all(String accountId, String region, Instant now) {
        Map<String, Secret> secrets = secrets(accountId, region);
        secrets.values().removeIf(s -> expired(s, now));
        return new ArrayList<>(secrets.values());
    }

    public void clear() {
        byScope.clear();
    }
}
