package dev.secretstore.gcp.internal;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsResponse;
import com.google.cloud.secretmanager.v1.Replication;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.cloud.secretmanager.v1.UpdateSecretRequest;
import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.protobuf.Timestamp;
import dev.secretstore.DeleteOptions;
import dev.secretstore.Operation;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretIntegrityException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.VerificationStep;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.support.concurrent.RequestRate;
import dev.secretstore.support.names.NameCodec;
import dev.secretstore.support.names.NameCodecs;
import dev.secretstore.support.retry.RetryPolicy;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.zip.CRC32C;

/**
 * One opened Secret Manager store. Secrets are {@code <parent>/secrets/<namePrefix><encoded name>}; the ownership
 * marker is the label {@code <labelKey>=true} (labels are filterable); user tags are annotations (exact keys and
 * values). A read is one AccessSecretVersion (the access quota, 90,000 per minute), never a metadata call too, except
 * when the newest version is not enabled ({@link GcpCurrentVersion}).
 */
final class GcpSecretStore implements SecretStoreSpi {

    private static final int MAX_VALUE_BYTES = 64 * 1024;
    /** Annotation keys (resources.proto): 1-63, alphanumeric at both ends, [A-Za-z0-9._-] inside. */
    private static final Pattern ANNOTATION_KEY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");
    private static final Pattern VERSION_ID = Pattern.compile("[0-9]{1,19}|latest|[A-Za-z][A-Za-z0-9_-]{0,62}");

    private final SecretManagerServiceClient client;
    private final GcpStoreSettings settings;
    private final NameCodec names;
    private final GcpCalls calls;
    private final GcpCurrentVersion currentVersion;
    private final GcpCurrentVersion pacedCurrentVersion;
    private final StoreLimits limits;
    private final ExecutorService readers;
    private final RequestRate readRate;

    GcpSecretStore(SecretManagerServiceClient client, GcpStoreSettings settings) {
        this.client = client;
        this.settings = settings;
        this.names = NameCodecs.gcp().withPrefix(settings.namePrefix());
        this.calls = new GcpCalls(RetryPolicy.create(GcpErrors.PROVIDER, settings.retry()),
                new GcpErrors(settings.projectId()));
        this.readRate = RequestRate.perSecond("secretstore-gcp-read", settings.readRate());
        this.currentVersion = new GcpCurrentVersion(client, calls, () -> { });
        // readAll's look-ups: every request of every attempt takes a permit, the fallback's list and access too.
        this.pacedCurrentVersion = new GcpCurrentVersion(client, calls, readRate::acquire);
        // 15 annotations of at most 63 + 256 characters (4 bytes each at worst) stay under the 16 KiB total.
        this.limits = StoreLimits.builder()
                .maxValueBytes(MAX_VALUE_BYTES)
                .maxNameLength(names.maxPortableLength())
                .maxTags(15)
                .maxTagKeyLength(63)
                .maxTagValueLength(256)
                .tagKeyPattern(ANNOTATION_KEY)
                .tagCharacters("keys of letters, digits and . _ - (a letter or digit first and last); values of any characters")
                .build();
        AtomicInteger n = new AtomicInteger();
        this.readers = Executors.newFixedThreadPool(settings.readConcurrency(), r -> {
            Thread t = new Thread(r, "secretstore-gcp-read-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public StoreLimits limits() {
        return limits;
    }

    @Override
    public String managedTagKey() {
        return settings.labelKey();
    }

    @Override
    public void checkName(SecretName name) {
        names.encode(name);
    }

    // ---- writes ---------------------------------------------------------------------------------

    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
        return create(name, value, tags, (Instant) null);
    }

    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags, Instant expiresAt) {
        String id = names.encode(name);
        com.google.cloud.secretmanager.v1.Secret.Builder secret = com.google.cloud.secretmanager.v1.Secret.newBuilder();
        splitTags(tags, secret);
        if (settings.region().isEmpty()) {
            // Regional secrets take no replication policy: the location is their replication.
            secret.setReplication(Replication.newBuilder().setAutomatic(Replication.Automatic.getDefaultInstance()));
        }
        if (expiresAt != null) {
            secret.setExpireTime(timestamp(expiresAt));
        }
        CreateSecretRequest request = CreateSecretRequest.newBuilder().setParent(settings.parent()).setSecretId(id)
                .setSecret(secret).build();
        com.google.cloud.secretmanager.v1.Secret created = calls.callNotIdempotent(Operation.CREATE,
                GcpRpc.CREATE_SECRET, name, path(id), () -> client.createSecret(request),
                e -> e.getStatusCode().getCode() == StatusCode.Code.ALREADY_EXISTS
                        ? ownEmptySecret(name, path(id), request.getSecret()) : Optional.empty());
        SecretVersion version;
        try {
            version = addVersion(name, created.getName(), value);
        } catch (SecretStoreException e) {
            // No secret without a value is left behind.
            deleteOnce(created.getName(), e);
            throw e;
        }
        return metadata(name, created, version);
    }

    @Override
    public SecretMetadata addVersion(SecretName name, SecretValue value) {
        String path = path(names.encode(name));
        com.google.cloud.secretmanager.v1.Secret current = getSecret(name, path)
                .orElseThrow(() -> notFound(name, path));
        SecretVersion version = addVersion(name, path, value);
        return metadata(name, current, version);
    }

    @Override
    public void updateTags(SecretName name, Map<String, String> tags) {
        String path = path(names.encode(name));
        com.google.cloud.secretmanager.v1.Secret current = getSecret(name, path).orElseThrow(() -> notFound(name, path));
        com.google.cloud.secretmanager.v1.Secret.Builder updated = current.toBuilder();
        splitTags(tags, updated);
        updateAnnotationsAndLabels(name, updated.build());
    }

    @Override
    public void delete(SecretName name, DeleteOptions options) {
        String path = path(names.encode(name));
        // A retry after a lost response that finds the secret gone is this delete's own success.
        calls.callNotIdempotent(Operation.DELETE, GcpRpc.DELETE_SECRET, name, path, () -> {
            client.deleteSecret(path);
            return Boolean.TRUE;
        }, e -> e.getStatusCode().getCode() == StatusCode.Code.NOT_FOUND ? Optional.of(Boolean.TRUE) : Optional.empty());
    }

    // ---- reads ----------------------------------------------------------------------------------

    @Override
    public Optional<SecretMetadata> describe(SecretName name) {
        String path = path(names.encode(name));
        Optional<com.google.cloud.secretmanager.v1.Secret> secret = getSecret(name, path);
        if (secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(metadata(name, secret.get(), currentVersion.describe(name, path).orElse(null)));
    }

    /**
     * No: describe is GetSecret plus GetSecretVersion, two requests on the read quota (600 a minute per project), where
     * a read is one AccessSecretVersion on the access quota (90,000 a minute) that names its version too. A cache over
     * this store re-reads a value past its ttl instead of describing it first.
     */
    @Override
    public boolean describeIsCheaperThanRead() {
        return false;
    }

    @Override
    public Secret read(SecretName name, Optional<String> version) {
        return read(name, version, false);
    }

    /** @param paced readAll's reads: a permit of the read rate per attempt, taken on the reader thread just before it */
    private Secret read(SecretName name, Optional<String> version, boolean paced) {
        String path = path(names.encode(name));
        String v = version.orElse("latest");
        if (!VERSION_ID.matcher(v).matches()) {
            throw new SecretNotFoundException(GcpErrors.PROVIDER, null, name, "no such version: Secret Manager versions "
                    + "are numbers, 'latest' or aliases (the version asked for is not repeated here)", null, null);
        }
        String versionPath = path + "/versions/" + v;
        // No version asked for (or "latest"): the newest enabled one. A version asked for by number or alias is that
        // version, and one that is not enabled is the typed error naming its state.
        AccessSecretVersionResponse response = v.equals("latest")
                ? (paced ? pacedCurrentVersion : currentVersion).access(name, path)
                : call(Operation.READ, GcpRpc.ACCESS_VERSION, name, versionPath, () -> {
                    if (paced) {
                        readRate.acquire();
                    }
                    return client.accessSecretVersion(versionPath);
                });
        SecretPayload payload = response.getPayload();
        byte[] data = payload.getData().toByteArray();
        if (!payload.hasDataCrc32C() || payload.getDataCrc32C() != crc32c(data)) {
            throw new SecretIntegrityException(GcpErrors.PROVIDER, null, name, payload.hasDataCrc32C()
                    ? "the value received does not match the CRC32C checksum Secret Manager sent with it"
                    : "Secret Manager sent the value without its CRC32C checksum, so it cannot be checked",
                    "read it again; if it persists, the network path to Secret Manager is corrupting data",
                    response.getName(), null);
        }
        SecretValue value = isUtf8(data) ? SecretValue.ofText(new String(data, StandardCharsets.UTF_8))
                : SecretValue.ofBytes(data);
        java.util.Arrays.fill(data, (byte) 0);
        return new Secret(name, versionId(response.getName()), value, null);
    }

    @Override
    public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
        Map<SecretName, Future<Secret>> pending = new LinkedHashMap<>();
        for (SecretName n : names) {
            pending.put(n, readers.submit(() -> read(n, Optional.empty(), true)));
        }
        Map<SecretName, ReadResult> results = new LinkedHashMap<>();
        for (Map.Entry<SecretName, Future<Secret>> e : pending.entrySet()) {
            try {
                results.put(e.getKey(), ReadResult.of(e.getValue().get()));
            } catch (ExecutionException failed) {
                Throwable cause = failed.getCause();
                if (cause instanceof SecretStoreException) {
                    results.put(e.getKey(), ReadResult.failed(e.getKey(), (SecretStoreException) cause));
                } else if (cause instanceof RuntimeException) {
                    throw (RuntimeException) cause;
                } else {
                    throw new IllegalStateException(cause);
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                pending.values().forEach(f -> f.cancel(true));
                throw new SecretStoreException(GcpErrors.PROVIDER, null, null, "interrupted while reading", null, null);
            }
        }
        return results;
    }

    @Override
    public Page<SecretMetadata> list(ListOptions options) {
        // Server-side: only our label, and (a contains-match on) the encoded prefix; the exact prefix is checked below.
        StringBuilder filter = new StringBuilder("labels.").append(settings.labelKey()).append("=true");
        String portablePrefix = options.prefix().orElse("");
        String idPrefix = names.prefix() + passThroughRun(portablePrefix);
        if (!idPrefix.isEmpty()) {
            filter.append(" AND name:\"").append(idPrefix).append('"');
        }
        ListSecretsRequest.Builder request = ListSecretsRequest.newBuilder().setParent(settings.parent())
                .setFilter(filter.toString());
        if (options.pageSize() > 0) {
            request.setPageSize(options.pageSize());
        }
        options.pageToken().ifPresent(request::setPageToken);
        ListSecretsResponse response = call(Operation.LIST, GcpRpc.LIST_SECRETS, null, settings.parent(),
                () -> client.listSecretsCallable().call(request.build()));
        List<SecretMetadata> items = new ArrayList<>();
        for (com.google.cloud.secretmanager.v1.Secret s : response.getSecretsList()) {
            String id = secretId(s.getName());
            if (!id.startsWith(idPrefix)) {
                continue;
            }
            names.decode(id).filter(n -> n.value().startsWith(portablePrefix))
                    .ifPresent(n -> items.add(metadata(n, s, null)));
        }
        String next = response.getNextPageToken();
        return Page.of(items, next.isEmpty() ? null : next);
    }

    // ---- verify ---------------------------------------------------------------------------------

    @Override
    public List<VerificationStep> extraVerificationSteps(SecretName testSecret) {
        List<VerificationStep> steps = new ArrayList<>();
        steps.add(VerificationStep.storeCheck("deletion is permanent", VerificationStep.Status.PASSED, Duration.ZERO,
                "Secret Manager has no soft delete: a deleted secret and all its versions are gone for good "
                + "(disable a version instead to keep it recoverable)", null, null));
        settings.keyProjectIdIfDifferent().ifPresent(keyProject -> steps.add(VerificationStep.storeCheck(
                "key project", VerificationStep.Status.WARNING, Duration.ZERO, "the service-account key belongs to project "
                + keyProject + " while secrets are kept in project " + settings.projectId()
                + " (allowed, if the account has roles there)", "make sure this is intended: projectId names the "
                + "project holding the secrets", VerificationStep.FailureKind.CHECK_FAILED)));
        if (!settings.namePrefix().isEmpty()) {
            steps.add(VerificationStep.storeCheck("name prefix", VerificationStep.Status.PASSED, Duration.ZERO,
                    "every secret id starts with " + settings.namePrefix() + ", so an IAM condition on "
                    + "resource.name can confine this account to them", null, null));
        }
        return steps;
    }

    @Override
    public void close() {
        readers.shutdownNow();
        client.close();
        try {
            client.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private <T> T call(Operation op, GcpRpc rpc, SecretName name, String resource, Supplier<T> body) {
        return calls.call(op, rpc, name, resource, body);
    }

    private Optional<com.google.cloud.secretmanager.v1.Secret> getSecret(SecretName name, String path) {
        try {
            return Optional.of(call(Operation.DESCRIBE, GcpRpc.GET_SECRET, name, path, () -> client.getSecret(path)));
        } catch (SecretNotFoundException e) {
            return Optional.empty();
        }
    }

    /**
     * After a CreateSecret whose response was lost, ALREADY_EXISTS on the retry: the secret is this call's own when it
     * carries exactly the labels and annotations this call sent and no version yet (every create adds its version
     * only after CreateSecret returns). Secret Manager's CreateSecret takes no request id, so a second writer creating
     * the same name with the same tags in that instant cannot be told apart; anything else stays ALREADY_EXISTS.
     */
    private Optional<com.google.cloud.secretmanager.v1.Secret> ownEmptySecret(SecretName name, String path,
            com.google.cloud.secretmanager.v1.Secret sent) {
        com.google.cloud.secretmanager.v1.Secret found;
        try {
            found = client.getSecret(path);
        } catch (ApiException lookupFailed) {
            return Optional.empty(); // reported as the ALREADY_EXISTS it is
        }
        if (!found.getLabelsMap().equals(sent.getLabelsMap())
                || !found.getAnnotationsMap().equals(sent.getAnnotationsMap())) {
            return Optional.empty();
        }
        try {
            client.getSecretVersion(path + "/versions/latest");
            return Optional.empty(); // it has a value already: not the one this call is about to store
        } catch (ApiException e) {
            return e.getStatusCode().getCode() == StatusCode.Code.NOT_FOUND ? Optional.of(found) : Optional.empty();
        }
    }

    private SecretVersion addVersion(SecretName name, String secretPath, SecretValue value) {
        byte[] bytes = value.bytes();
        AddSecretVersionRequest request = AddSecretVersionRequest.newBuilder().setParent(secretPath)
                .setPayload(SecretPayload.newBuilder().setData(ByteString.copyFrom(bytes)).setDataCrc32C(crc32c(bytes)))
                .build();
        java.util.Arrays.fill(bytes, (byte) 0);
        return call(Operation.PUT, GcpRpc.ADD_VERSION, name, secretPath, () -> client.addSecretVersion(request));
    }

    private com.google.cloud.secretmanager.v1.Secret updateAnnotationsAndLabels(SecretName name,
            com.google.cloud.secretmanager.v1.Secret secret) {
        UpdateSecretRequest request = UpdateSecretRequest.newBuilder().setSecret(secret)
                .setUpdateMask(FieldMask.newBuilder().addPaths("labels").addPaths("annotations")).build();
        return call(Operation.PUT, GcpRpc.UPDATE_SECRET, name, secret.getName(), () -> client.updateSecret(request));
    }

    /** The managed label goes to labels (filterable); every other tag to annotations, which keep it exactly. */
    private void splitTags(Map<String, String> tags, com.google.cloud.secretmanager.v1.Secret.Builder secret) {
        tags.forEach((k, v) -> {
            if (k.equals(settings.labelKey())) {
                secret.putLabels(k, v);
            } else {
                secret.putAnnotations(k, v);
            }
        });
    }

    private void deleteOnce(String secretPath, SecretStoreException failure) {
        try {
            client.deleteSecret(secretPath);
        } catch (ApiException e) {
            failure.addSuppressed(new IllegalStateException("the new secret " + secretPath
                    + " could not be removed after its value failed to be stored (" + e.getStatusCode().getCode() + ")"));
        }
    }

    /** Values are written as text; one written by another tool that is not UTF-8 is returned as bytes, intact. */
    private static boolean isUtf8(byte[] data) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    /** @param version the current version, or {@code null} when unknown: its number, and its create time as updatedAt */
    private SecretMetadata metadata(SecretName name, com.google.cloud.secretmanager.v1.Secret s, SecretVersion version) {
        Map<String, String> tags = new LinkedHashMap<>(s.getAnnotationsMap());
        tags.remove(settings.labelKey());
        tags.putAll(s.getLabelsMap());
        SecretMetadata.Builder b = SecretMetadata.builder(name).nativeId(s.getName()).tags(tags);
        if (version != null) {
            b.version(versionId(version.getName()));
            if (version.hasCreateTime()) {
                b.updatedAt(instant(version.getCreateTime()));
            }
        }
        if (s.hasCreateTime()) {
            b.createdAt(instant(s.getCreateTime()));
        }
        if (s.hasExpireTime()) {
            b.expiresAt(instant(s.getExpireTime()));
        }
        return b.build();
    }

    private SecretNotFoundException notFound(SecretName name, String path) {
        return new SecretNotFoundException(GcpErrors.PROVIDER, null, name, "Secret Manager has no secret " + path,
                null, null);
    }

    /** The start of a portable prefix that every codec passes through unchanged (letters, digits, '-'). */
    private static String passThroughRun(String portable) {
        int end = 0;
        while (end < portable.length() && (Character.isLetterOrDigit(portable.charAt(end)) && portable.charAt(end) < 128
                || portable.charAt(end) == '-')) {
            end++;
        }
        return portable.substring(0, end);
    }

    private String path(String secretId) {
        return settings.parent() + "/secrets/" + secretId;
    }

    private static String secretId(String resourceName) {
        return resourceName.substring(resourceName.lastIndexOf('/') + 1);
    }

    private static String versionId(String versionName) {
        return versionName.substring(versionName.lastIndexOf('/') + 1);
    }

    static long crc32c(byte[] data) {
        CRC32C crc = new CRC32C();
        crc.update(data);
        return crc.getValue();
    }

    private static Timestamp timestamp(Instant at) {
        return Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano()).build();
    }

    private static Instant instant(Timestamp t) {
        return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
    }
}
