package dev.secretstore.emulator.aws.internal.store;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A secret with its metadata, tags and versions. Mutated only under the emulator's lock. Staging labels move as
 * in Secrets Manager: a label lives on one version; moving AWSCURRENT hands AWSPREVIOUS to the version that had it.
 */
public final class Secret {
    public static final String CURRENT = "AWSCURRENT";
    public static final String PREVIOUS = "AWSPREVIOUS";
    private static final int MAX_UNLABELED_VERSIONS = 100;

    private final String accountId;
    private final String region;
    private final String name;
    private final String arn;
    private final Instant created;
    private final Map<String, String> tags = new LinkedHashMap<>();
    private final Map<String, SecretVersion> versions = new LinkedHashMap<>();
    private String description;
    private String kmsKeyId;
    private Instant lastChanged;
    private Instant lastAccessed;
    private Instant deletedDate;
    private Instant deletionDate;

    public Secret(String accountId, String region, String name, String arn, Instant created) {
        this.accountId = accountId;
        this.region = region;
        this.name = name;
        this.arn = arn;
        this.created = created;
        this.lastChanged = created;
    }

    public String accountId() {
        return accountId;
    }

    public String region() {
        return region;
    }

    public String name() {
        return name;
    }

    public String arn() {
        return arn;
    }

    public Instant created() {
        return created;
    }

    public Map<String, String> tags() {
        return tags;
    }

    public String description() {
        return description;
    }

    public void description(String value) {
        this.description = value;
    }

    public String kmsKeyId() {
        return kmsKeyId;
    }

    public void kmsKeyId(String value) {
        this.kmsKeyId = value;
    }

    public Instant lastChanged() {
        return lastChanged;
    }

    public void touchChanged(Instant at) {
        this.lastChanged = at;
    }

    public Instant lastAccessed() {
        return lastAccessed;
    }

    public void touchAccessed(Instant at) {
        this.lastAccessed = at;
    }

    public boolean isScheduledForDeletion() {
        return deletionDate != null;
    }

    public Instant deletedDate() {
        return deletedDate;
    }

    public Instant deletionDate() {
        return deletionDate;
    }

    public void scheduleDeletion(Instant requestedAt, Instant deleteAt) {
        this.deletedDate = requestedAt;
        this.deletionDate = deleteAt;
    }

    public void cancelDeletion() {
        this.deletedDate = null;
        this.deletionDate = null;
    }

    public Optional<SecretVersion> version(String versionId) {
        return Optional.ofNullable(versions.get(versionId));
    }

    public Optional<SecretVersion> versionWithStage(String stage) {
        return versions.values().stream().filter(v -> v.stages().contains(stage)).findFirst();
    }

    /** Version id to labels, only for versions that still carry a label (what the API reports). */
    public Map<String, List<String>> versionIdsToStages() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        versions.values().stream().filter(v -> !v.stages().isEmpty())
                .forEach(v -> out.put(v.versionId(), new ArrayList<>(v.stages())));
        return out;
    }

    /** Adds a version and attaches the given labels to it, moving them off other versions. */
    public void addVersion(SecretVersion version, List<String> stages) {
        versions.put(version.versionId(), version);
        for (String stage : stages) {
            moveStage(stage, version);
        }
        pruneUnlabeled();
    }

    private void moveStage(String stage, SecretVersion target) {
        SecretVersion holder = versionWithStage(stage).orElse(null);
        if (holder == target) {
            return;
        }
        if (holder != null) {
            holder.stages().remove(stage);
        }
        target.stages().add(stage);
        if (CURRENT.equals(stage) && holder != null) {
            versionWithStage(PREVIOUS).ifPresent(v -> v.stages().remove(PREVIOUS));
            holder.stages().add(PREVIOUS);
        }
    }

    private void pruneUnlabeled() {
        List<String> unlabeled = versions.values().stream().filter(v -> v.stages().isEmpty())
                .map(SecretVersion::versionId).toList();
        int excess = unlabeled.size() - MAX_UNLABELED_VERSIONS;
        for (int i = 0; i < excess; i++) {
            versions.remove(unlabeled.get(i));
        }
    }

    @Override
    public String toString() {
        return "Secret[" + arn + "]";
    }
}
