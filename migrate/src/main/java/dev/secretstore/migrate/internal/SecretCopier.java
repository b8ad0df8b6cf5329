package dev.secretstore.migrate.internal;

import dev.secretstore.Capability;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import dev.secretstore.migrate.SecretOutcome;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Copies one secret from the source to the target through both engines, journaling each write before it is made
 * and after it is verified, so that it can be called again on the same secret after any failure or a killed run
 * and neither copies a version twice nor skips one.
 *
 * <p>For each version still to copy, oldest first: read it from the source, digest it, journal the intent (with
 * the target's latest version before the write), write it (create with the user tags, then add versions), read it
 * back from the target and compare digests, journal the copy. A pending intent found at the start is resolved
 * from the target: if the target's latest version is no longer the one the intent saw, the write happened, and
 * it is verified like any other. A mismatch is a failure of that secret, never accepted.
 */
public final class SecretCopier {

    /** The result for one secret: what happened, how many versions were written, and why it failed if it did. */
    public record Result(SecretOutcome outcome, int versionsCopied, String failure) {
        static Result failed(String why) {
            return new Result(SecretOutcome.FAILED, 0, why);
        }
    }

    private final SecretStore source;
    private final SecretStore target;
    private final Journal journal;
    private final boolean allVersions;

    public SecretCopier(SecretStore source, SecretStore target, Journal journal, boolean allVersions) {
        this.source = source;
        this.target = target;
        this.journal = journal;
        this.allVersions = allVersions;
    }

    /** Whether every version is copied: the source lists versions and the target keeps them. */
    public static Optional<String> whyLatestOnly(SecretStore source, SecretStore target) {
        if (!target.supports(Capability.VERSIONS)) {
            return Optional.of("the target '" + target.providerName() + "' keeps no versions (no VERSIONS)");
        }
        if (!source.supports(Capability.LIST_VERSIONS)) {
            return Optional.of("the source '" + source.providerName() + "' cannot list a secret's versions"
                    + " (no LIST_VERSIONS)");
        }
        return Optional.empty();
    }

    /** The user tags to carry over: every tag but the source's managed tag (the target's engine sets its own). */
    public static Map<String, String> userTags(SecretMetadata listed, String sourceTagKey) {
        Map<String, String> tags = new LinkedHashMap<>();
        listed.tags().forEach((k, v) -> {
            if (!k.trim().toLowerCase(Locale.ROOT).equals(sourceTagKey.toLowerCase(Locale.ROOT))) {
                tags.put(k, v);
            }
        });
        return tags;
    }

    /**
     * @param listed the secret as the source listed it
     * @return the result; store errors other than throttling are turned into a failed result
     * @throws dev.secretstore.ThrottledException when a store throttled beyond its provider's retries: the caller
     *     backs off and calls again
     */
    public Result copy(SecretMetadata listed) {
        SecretName name = listed.name();
        SecretState state = journal.state(name.value());
        Optional<String> doneAt = state.doneAt();
        if (doneAt.isPresent() && listed.version().isPresent() && doneAt.get().equals(listed.version().get())
                && state.pending().isEmpty()) {
            return new Result(SecretOutcome.ALREADY_MIGRATED, 0, null);
        }
        List<SourceVersion> plan = plan(name, listed);
        try {
            Optional<String> unresolved = resolvePending(name, state);
            if (unresolved.isPresent()) {
                return Result.failed(unresolved.get());
            }
            if (state.copies().isEmpty()) {
                Optional<SecretMetadata> existing = target.find(name);
                if (existing.isPresent()) {
                    return adoptExisting(name, existing.get(), plan);
                }
            }
            int written = 0;
            String after = state.lastCopy().map(SecretState.Copy::targetVersion).orElse(null);
            boolean exists = !state.copies().isEmpty();
            for (SourceVersion version : plan) {
                if (state.hasCopied(version.id)) {
                    continue;
                }
                Secret secret = version.read();
                SecretValue value = secret.value();
                try {
                    String digest = journal.digest().of(value);
                    journal.intent(name.value(), version.id, digest, after);
                    SecretMetadata written1 = exists ? target.put(name, value)
                            : target.create(name, value, userTags(listed, source.managedTagKey()));
                    exists = true;
                    Secret back = readBack(name, written1.version());
                    String backDigest;
                    try {
                        backDigest = journal.digest().of(back.value());
                    } finally {
                        back.value().destroy();
                    }
                    if (!backDigest.equals(digest)) {
                        return Result.failed("version " + version.id + " read back from the target (version "
                                + back.version() + ") differs from the source (digest mismatch); stopped this secret,"
                                + " the copy is not verified");
                    }
                    journal.copied(name.value(), version.id, back.version(), digest);
                    after = back.version();
                    written++;
                } finally {
                    value.destroy();
                }
            }
            String last = plan.get(plan.size() - 1).id;
            if (written > 0 || !doneAt.equals(Optional.of(last))) {
                journal.done(name.value(), last);
            }
            return new Result(written == 0 ? SecretOutcome.ALREADY_MIGRATED : SecretOutcome.COPIED, written, null);
        } finally {
            plan.forEach(SourceVersion::destroy);
        }
    }

    /** The source versions to copy, oldest first: all of them where both stores allow, else the latest. */
    private List<SourceVersion> plan(SecretName name, SecretMetadata listed) {
        List<SourceVersion> plan = new ArrayList<>();
        if (allVersions) {
            for (String id : source.listVersions(name)) {
                plan.add(new SourceVersion(name, id, null));
            }
        }
        if (plan.isEmpty()) {
            Secret latest = source.read(name);
            plan.add(new SourceVersion(name, versionId(latest), latest));
        }
        return plan;
    }

    /** A version of the source secret, read when needed (the latest-only plan has read it already). */
    private final class SourceVersion {
        final SecretName name;
        final String id;
        Secret secret;

        SourceVersion(SecretName name, String id, Secret secret) {
            this.name = name;
            this.id = id;
            this.secret = secret;
        }

        Secret read() {
            if (secret == null) {
                secret = source.read(name, id);
            }
            Secret s = secret;
            secret = null; // the caller destroys its value
            return s;
        }

        void destroy() {
            if (secret != null) {
                secret.value().destroy();
            }
        }
    }

    /** A store without version ids reports none; the value's place in the journal is then "latest". */
    private static String versionId(Secret secret) {
        String v = secret.version();
        return v == null || v.isBlank() ? "latest" : v;
    }

    private Secret readBack(SecretName name, Optional<String> version) {
        if (version.isPresent() && target.supports(Capability.READ_SPECIFIC_VERSION)) {
            return target.read(name, version.get());
        }
        return target.read(name);
    }

    /**
     * A write was announced but not confirmed: the run died or failed in between. Whether it happened is read
     * from the target; if it did, it is verified and journaled.
     *
     * @return why the secret cannot go on, if the target holds something the migration did not write
     */
    private Optional<String> resolvePending(SecretName name, SecretState state) {
        Optional<SecretState.Intent> pending = state.pending();
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        SecretState.Intent intent = pending.get();
        Optional<SecretMetadata> now = target.find(name);
        if (now.isEmpty()) {
            return Optional.empty(); // not written: the loop writes it again
        }
        Optional<String> latest = now.get().version();
        if (latest.isPresent() && intent.after() != null && latest.get().equals(intent.after())) {
            return Optional.empty(); // not written: the target's latest is still the one before the write
        }
        Secret back = target.read(name);
        String digest;
        try {
            digest = journal.digest().of(back.value());
        } finally {
            back.value().destroy();
        }
        if (digest.equals(intent.digest())) {
            journal.copied(name.value(), intent.sourceVersion(), versionId(back), digest);
            return Optional.empty();
        }
        if (latest.isEmpty() && intent.after() != null) {
            return Optional.empty(); // a store without version ids: the value differs, so the write did not happen
        }
        return Optional.of("the target's latest version (" + versionId(back) + ") is not the value this migration"
                + " wrote for source version " + intent.sourceVersion() + " (digest mismatch): it was changed outside"
                + " the migration; stopped this secret");
    }

    /**
     * The target already holds the secret and the journal has no copy of it (another tool put it there, or the
     * journal is new). It is accepted only when its values are the source's, version for version (the latest only
     * when not copying history); otherwise nothing is changed and the secret fails.
     */
    private Result adoptExisting(SecretName name, SecretMetadata existing, List<SourceVersion> plan) {
        if (!existing.isManaged(target.managedTagKey())) {
            return Result.failed("it exists in the target without " + target.managedTagKey() + "=true (not managed);"
                    + " nothing was changed");
        }
        List<String> targetVersions;
        if (plan.size() == 1) {
            targetVersions = List.of(existing.version().orElse("latest"));
        } else if (target.supports(Capability.LIST_VERSIONS)) {
            targetVersions = target.listVersions(name);
        } else {
            return Result.failed("it already exists in the target and this migration has no record of writing it;"
                    + " its history cannot be compared (the target cannot list versions); nothing was changed");
        }
        if (targetVersions.size() != plan.size()) {
            return differs();
        }
        List<String> digests = new ArrayList<>();
        for (int i = 0; i < plan.size(); i++) {
            Secret sourceSecret = plan.get(i).read();
            Secret targetSecret = plan.size() == 1 ? target.read(name) : target.read(name, targetVersions.get(i));
            try {
                String d = journal.digest().of(sourceSecret.value());
                if (!d.equals(journal.digest().of(targetSecret.value()))) {
                    return differs();
                }
                digests.add(d);
            } finally {
                sourceSecret.value().destroy();
                targetSecret.value().destroy();
            }
        }
        for (int i = 0; i < plan.size(); i++) {
            journal.copied(name.value(), plan.get(i).id, targetVersions.get(i), digests.get(i));
        }
        journal.done(name.value(), plan.get(plan.size() - 1).id);
        return new Result(SecretOutcome.ALREADY_MIGRATED, 0, null);
    }

    private static Result differs() {
        return Result.failed("it already exists in the target with other values (or versions) than in the source,"
                + " and this migration has no record of writing it; nothing was changed");
    }
}
