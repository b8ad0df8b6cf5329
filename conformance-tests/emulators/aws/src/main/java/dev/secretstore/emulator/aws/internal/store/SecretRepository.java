package dev.secretstore.emulator.aws.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * All secrets, partitioned by account and region as in AWS. Secrets whose recovery window has ended are removed
 * lazily, whenever the repository is read.
 */
public final class SecretRepository {
    private final Map<String, Map<String, Secret>> byScope = new LinkedHashMap<>();

    private static String scope(String accountId, String region) {
        return accountId + "|" + region;
    }

    private Map<String, Secret> secrets(String accountId, String region, Instant now) {
        Map<String, Secret> secrets = byScope.computeIfAbsent(scope(accountId, region), k -> new LinkedHashMap<>());
        secrets.values().removeIf(s -> s.isScheduledForDeletion() && !now.isBefore(s.deletionDate()));
        return secrets;
    }

    public Optional<Secret> byName(String accountId, String region, String name, Instant now) {
        return Optional.ofNullable(secrets(accountId, region, now).get(name));
    }

    /** Finds a secret by name, full ARN, or ARN without the random suffix (partial ARN), as the service does. */
    public Optional<Secret> find(String accountId, String region, String secretId, Instant now) {
        Map<String, Secret> secrets = secrets(accountId, region, now);
        if (secretId.startsWith("arn:")) {
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
        return Optional.ofNullable(secrets.get(secretId));
    }

    public void add(Secret secret) {
        byScope.computeIfAbsent(scope(secret.accountId(), secret.region()), k -> new LinkedHashMap<>())
                .put(secret.name(), secret);
    }

    public void remove(Secret secret) {
        Map<String, Secret> secrets = byScope.get(scope(secret.accountId(), secret.region()));
        if (secrets != null) {
            secrets.remove(secret.name());
        }
    }

    public List<Secret> all(String accountId, String region, Instant now) {
        return new ArrayList<>(secrets(accountId, region, now).values());
    }

    public void clear() {
        byScope.clear();
    }
}
