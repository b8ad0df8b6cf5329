package dev.secretstore.aws.internal;

import dev.secretstore.DeleteOptions;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.ListOptions;
import dev.secretstore.Operation;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.VerificationStep;
import dev.secretstore.support.concurrent.BoundedParallel;
import dev.secretstore.support.concurrent.RequestRate;
import dev.secretstore.support.names.NameCodec;
import dev.secretstore.support.names.NameCodecs;
import dev.secretstore.support.retry.RetryPolicy;
import dev.secretstore.support.retry.RetrySettings;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.APIErrorType;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.CreateSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.DeleteSecretRequest;
import software.amazon.awssdk.services.secretsmanager.model.DescribeSecretResponse;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.GetSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsRequest;
import software.amazon.awssdk.services.secretsmanager.model.ListSecretsResponse;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueRequest;
import software.amazon.awssdk.services.secretsmanager.model.PutSecretValueResponse;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;
import software.amazon.awssdk.services.secretsmanager.model.SecretValueEntry;
import software.amazon.awssdk.services.secretsmanager.model.Tag;

/**
 * One opened AWS Secrets Manager store: one SDK client, reused for the store's lifetime. Every call goes
 * through {@link Calls} (the retry policy, one idempotency token per call) and maps failures by error code.
 */
public final class AwsSecretStoreSpi implements dev.secretstore.spi.SecretStoreSpi {

    /** BatchGetSecretValue takes at most 20 secret ids per call. */
    static final int BATCH_LIMIT = 20;
    static final String CURRENT = "AWSCURRENT";
    /** Every portable name is an AWS name as it is; foreign names that are not portable decode to nothing. */
    static final NameCodec NAMES = NameCodecs.aws();
    private static final Pattern VERSION_ID = Pattern.compile("[\\w-]{32,64}");

    private final AwsSettings settings;
    private final AwsClients clients;
    private final SecretsManagerClient client;
    private final Calls calls;
    private final AwsErrors errors;
    private final StoreLimits limits;
    private final BoundedParallel batchReads;
    private final RequestRate batchRate;

    AwsSecretStoreSpi(AwsSettings settings, AwsClients clients, Calls calls, StoreLimits limits) {
        this.settings = settings;
        this.clients = clients;
        this.client = clients.secretsManager();
        this.calls = calls;
        this.errors = new AwsErrors(settings);
        this.limits = limits;
        this.batchReads = new BoundedParallel("secretstore-aws-read", settings.readConcurrency());
        this.batchRate = RequestRate.perSecond("secretstore-aws-read", settings.readRate());
    }

    /**
     * @param settings validated settings
     * @param retry    the retry settings of the config
     * @param limits   the provider's declared limits
     * @return the opened store; builds the clients, makes no request
     */
    public static AwsSecretStoreSpi open(AwsSettings settings, RetrySettings retry, StoreLimits limits) {
        return new AwsSecretStoreSpi(settings, AwsClients.open(settings),
                new Calls(RetryPolicy.create(AwsErrors.PROVIDER, retry)), limits);
    }

    /** For tests: a store whose role credentials count as stale {@code refreshMargin} before they expire. */
    static AwsSecretStoreSpi open(AwsSettings settings, RetrySettings retry, StoreLimits limits,
                                  Duration refreshMargin) {
        return new AwsSecretStoreSpi(settings, AwsClients.open(settings, refreshMargin),
                new Calls(RetryPolicy.create(AwsErrors.PROVIDER, retry)), limits);
    }

    @Override
    public StoreLimits limits() {
        return limits;
    }

    @Override
    public void checkName(SecretName name) {
        NAMES.encode(name);
    }

    @Override
    public String managedTagKey() {
        return settings.tagKey();
    }

    AwsSettings settings() {
        return settings;
    }

    // ---- writes -------------------------------------------------------------------------------

    @Override
    public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
        requireNonEmpty(name, value);
        // The managed tag and the user's tags travel in the CreateSecret call itself: a separate TagResource
        // that is denied would leave an untagged secret behind.
        CreateSecretResponse created = call(Operation.CREATE, name, "secretsmanager:CreateSecret", token -> {
            CreateSecretRequest.Builder request = CreateSecretRequest.builder()
                    .name(NAMES.encode(name))
                    .clientRequestToken(token)
                    .tags(toTags(tags));
            settings.kmsKeyArn().ifPresent(request::kmsKeyId);
            withValue(value, request::secretString, request::secretBinary);
            return client.createSecret(request.build());
        });
        return SecretMetadata.builder(name).nativeId(created.arn()).version(created.versionId()).tags(tags).build();
    }

    @Override
    public SecretMetadata addVersion(SecretName name, SecretValue value) {
        requireNonEmpty(name, value);
        PutSecretValueResponse put = call(Operation.PUT, name, "secretsmanager:PutSecretValue", token -> {
            PutSecretValueRequest.Builder request = PutSecretValueRequest.builder()
                    .secretId(NAMES.encode(name))
                    .clientRequestToken(token);
            withValue(value, request::secretString, request::secretBinary);
            return client.putSecretValue(request.build());
        });
        SecretMetadata described = describe(name).orElseThrow(() -> new SecretNotFoundException(AwsErrors.PROVIDER,
                null, name, "the secret disappeared after its new version was written", null, null));
        return described.toBuilder().version(put.versionId()).build();
    }

    @Override
    public void updateTags(SecretName name, Map<String, String> tags) {
        call(Operation.PUT, name, "secretsmanager:TagResource",
                token -> client.tagResource(r -> r.secretId(NAMES.encode(name)).tags(toTags(tags))));
    }

    /** Removes tags; used by verify's probe only. */
    void removeTags(SecretName name, List<String> keys) {
        call(Operation.VERIFY, name, "secretsmanager:UntagResource",
                token -> client.untagResource(r -> r.secretId(NAMES.encode(name)).tagKeys(keys)));
    }

    // ---- reads --------------------------------------------------------------------------------

    @Override
    public Optional<SecretMetadata> describe(SecretName name) {
        try {
            DescribeSecretResponse d = call(Operation.DESCRIBE, name, "secretsmanager:DescribeSecret",
                    token -> client.describeSecret(r -> r.secretId(NAMES.encode(name))));
            return Optional.of(toMetadata(name, d));
        } catch (SecretNotFoundException absent) {
            return Optional.empty();
        }
    }

    @Override
    public Secret read(SecretName name, Optional<String> version) {
        if (version.isPresent() && !VERSION_ID.matcher(version.get()).matches()) {
            // AWS version ids are 32–64 characters; anything else cannot name a version of this secret.
            throw new SecretNotFoundException(AwsErrors.PROVIDER, null, name,
                    "no such version: AWS version ids are 32 to 64 letters, digits, '-' or '_'",
                    "give a version id as list-versions or describe shows it", null);
        }
        GetSecretValueResponse r;
        try {
            r = call(Operation.READ, name, "secretsmanager:GetSecretValue", token -> {
                GetSecretValueRequest.Builder request = GetSecretValueRequest.builder().secretId(NAMES.encode(name));
                if (version.isPresent()) {
                    request.versionId(version.get());
                } else {
                    request.versionStage(CURRENT);
                }
                return client.getSecretValue(request.build());
            });
        } catch (dev.secretstore.AccessDeniedException denied) {
            throw notFoundIfAbsent(name, denied);
        }
        return new Secret(name, r.versionId(), toValue(r.secretString(), r.secretBinary()), r.createdDate());
    }

    @Override
    public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
        List<List<SecretName>> chunks = new ArrayList<>();
        for (int from = 0; from < names.size(); from += BATCH_LIMIT) {
            chunks.add(names.subList(from, Math.min(names.size(), from + BATCH_LIMIT)));
        }
        Map<SecretName, ReadResult> results = new LinkedHashMap<>();
        batchReads.map(chunks, this::readChunk).forEach(results::putAll);
        Map<SecretName, ReadResult> ordered = new LinkedHashMap<>();
        names.forEach(n -> ordered.put(n, results.get(n)));
        return ordered;
    }

    private Map<SecretName, ReadResult> readChunk(List<SecretName> chunk) {
        BatchGetSecretValueResponse response;
        try {
            // A permit per attempt, taken on the in-flight slot just before sending: the quota counts every request.
            response = call(Operation.READ_ALL, null, "secretsmanager:BatchGetSecretValue", token -> {
                batchRate.acquire();
                return client.batchGetSecretValue(r -> r.secretIdList(
                        chunk.stream().map(NAMES::encode).collect(Collectors.toList())));
            });
        } catch (dev.secretstore.AccessDeniedException batchDenied) {
            // An identity allowed GetSecretValue but not BatchGetSecretValue (a common read-only policy) still
            // gets its answers, one call per name.
            return readOneByOne(chunk);
        }
        Map<String, SecretName> byNative = new LinkedHashMap<>();
        chunk.forEach(n -> byNative.put(NAMES.encode(n), n));
        Map<SecretName, ReadResult> results = new LinkedHashMap<>();
        for (SecretValueEntry entry : response.secretValues()) {
            SecretName name = byNative.get(entry.name());
            if (name != null) {
                results.put(name, ReadResult.of(new Secret(name, entry.versionId(),
                        toValue(entry.secretString(), entry.secretBinary()), entry.createdDate())));
            }
        }
        for (APIErrorType error : response.errors()) {
            SecretName name = byNative.get(error.secretId());
            if (name != null) {
                SecretStoreException failure = errors.mapBatchError(error, name);
                if (failure instanceof dev.secretstore.AccessDeniedException) {
                    failure = notFoundIfAbsent(name, failure);
                }
                results.put(name, ReadResult.failed(name, failure));
            }
        }
        for (SecretName name : chunk) {
            results.computeIfAbsent(name, n -> ReadResult.failed(n, new SecretNotFoundException(AwsErrors.PROVIDER,
                    null, n, "BatchGetSecretValue returned neither a value nor an error for it", null, null)));
        }
        return results;
    }

    /**
     * IAM authorizes before it looks the secret up, so a read conditioned on the managed tag is denied for a
     * name that does not exist at all. DescribeSecret (which the recommended policy allows without the tag
     * condition) tells the two apart; when it is denied too, the denial stands.
     */
    private SecretStoreException notFoundIfAbsent(SecretName name, SecretStoreException denied) {
        try {
            if (describe(name).isEmpty()) {
                return new SecretNotFoundException(AwsErrors.PROVIDER, null, name, "no such secret", null, null);
            }
        } catch (SecretStoreException describeFailed) {
            // Not allowed to describe either: report the original denial.
        }
        return denied;
    }

    private Map<SecretName, ReadResult> readOneByOne(List<SecretName> chunk) {
        Map<SecretName, ReadResult> results = new LinkedHashMap<>();
        for (SecretName name : chunk) {
            try {
                results.put(name, ReadResult.of(read(name, Optional.empty())));
            } catch (SecretStoreException e) {
                results.put(name, ReadResult.failed(name, e));
            }
        }
        return results;
    }

    @Override
    public Page<SecretMetadata> list(ListOptions options) {
        String prefix = options.prefix().orElse("");
        List<Filter> filters = new ArrayList<>();
        // Server-side filters, so a store holding thousands of foreign secrets is not read whole.
        filters.add(Filter.builder().key(FilterNameStringType.TAG_KEY).values(settings.tagKey()).build());
        if (!prefix.isEmpty()) {
            filters.add(Filter.builder().key(FilterNameStringType.NAME).values(prefix).build());
        }
        ListSecretsResponse response = call(Operation.LIST, null, "secretsmanager:ListSecrets", token -> {
            ListSecretsRequest.Builder request = ListSecretsRequest.builder()
                    .filters(filters)
                    .maxResults(Math.max(1, Math.min(100, options.pageSize())));
            options.pageToken().ifPresent(request::nextToken);
            return client.listSecrets(request.build());
        });
        List<SecretMetadata> items = new ArrayList<>();
        for (SecretListEntry entry : response.secretList()) {
            Optional<SecretName> name = NAMES.decode(entry.name());
            // AWS matches the name filter without regard to case: keep exact prefixes only.
            if (name.isPresent() && name.get().value().startsWith(prefix)) {
                items.add(toMetadata(name.get(), entry));
            }
        }
        return Page.of(items, response.nextToken());
    }

    // ---- delete -------------------------------------------------------------------------------

    @Override
    public void delete(SecretName name, DeleteOptions options) {
        DeleteSecretRequest.Builder request = DeleteSecretRequest.builder().secretId(NAMES.encode(name));
        if (options.isForce()) {
            request.forceDeleteWithoutRecovery(true);
        } else {
            Duration window = options.recoveryWindow().orElse(Duration.ofDays(30));
            long days = window.toDays();
            if (days < 7 || days > 30 || !window.equals(Duration.ofDays(days))) {
                throw new InvalidRequestException(AwsErrors.PROVIDER, null, name,
                        "AWS recovery windows are whole days from 7 to 30", "give 7 to 30 days, or force", null);
            }
            request.recoveryWindowInDays(days);
        }
        DeleteSecretRequest built = request.build();
        calls.callWithAttempt(Operation.DELETE, name, attempt -> {
            try {
                return client.deleteSecret(built);
            } catch (SdkException e) {
                SecretStoreException failure = errors.map(e, name, "secretsmanager:DeleteSecret");
                // A retry that finds the secret gone, or already scheduled for deletion, means the attempt whose
                // response was lost did the work.
                if (!attempt.isFirst() && failure instanceof SecretNotFoundException) {
                    return null;
                }
                throw failure;
            }
        });
    }

    @Override
    public SecretMetadata restore(SecretName name) {
        call(Operation.RESTORE, name, "secretsmanager:RestoreSecret",
                token -> client.restoreSecret(r -> r.secretId(NAMES.encode(name))));
        return describe(name).orElseThrow(() -> new SecretNotFoundException(AwsErrors.PROVIDER, null, name,
                "the secret was restored but is gone", null, null));
    }

    // ---- verify -------------------------------------------------------------------------------

    @Override
    public List<VerificationStep> extraVerificationSteps(SecretName testSecret) {
        return new PolicyProbes(this, settings).run(testSecret);
    }

    /** Creates a secret with these tags only (no managed tag); used by verify's probe. */
    String createRaw(SecretName name, SecretValue value, Map<String, String> tags) {
        return call(Operation.VERIFY, name, "secretsmanager:CreateSecret", token -> {
            CreateSecretRequest.Builder request = CreateSecretRequest.builder().name(NAMES.encode(name))
                    .clientRequestToken(token);
            if (!tags.isEmpty()) {
                request.tags(toTags(tags));
            }
            settings.kmsKeyArn().ifPresent(request::kmsKeyId);
            withValue(value, request::secretString, request::secretBinary);
            return client.createSecret(request.build()).arn();
        });
    }

    @Override
    public void close() {
        try {
            batchReads.close();
        } finally {
            clients.close();
        }
    }

    // ---- helpers ------------------------------------------------------------------------------

    private <T> T call(Operation op, SecretName name, String action, java.util.function.Function<String, T> attempt) {
        return calls.call(op, name, token -> {
            try {
                return attempt.apply(token);
            } catch (SdkException e) {
                throw errors.map(e, name, action);
            }
        });
    }

    private static void requireNonEmpty(SecretName name, SecretValue value) {
        if (value.size() == 0) {
            throw new InvalidRequestException(AwsErrors.PROVIDER, null, name,
                    "AWS Secrets Manager cannot store an empty value (SecretString and SecretBinary need at least"
                            + " one character or byte)", "store at least one byte", null);
        }
    }

    private static void withValue(SecretValue value, java.util.function.Consumer<String> text,
                                  java.util.function.Consumer<SdkBytes> binary) {
        if (value.isText()) {
            text.accept(value.text());
        } else {
            binary.accept(SdkBytes.fromByteArray(value.bytes()));
        }
    }

    private static SecretValue toValue(String text, SdkBytes binary) {
        if (text != null) {
            return SecretValue.ofText(text);
        }
        return SecretValue.ofBytes(binary == null ? new byte[0] : binary.asByteArrayUnsafe());
    }

    private static List<Tag> toTags(Map<String, String> tags) {
        return tags.entrySet().stream().map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
                .collect(Collectors.toList());
    }

    private static Map<String, String> fromTags(List<Tag> tags) {
        Map<String, String> map = new LinkedHashMap<>();
        tags.forEach(t -> map.put(t.key(), t.value()));
        return map;
    }

    private static String currentVersion(Map<String, List<String>> stages) {
        return stages.entrySet().stream().filter(e -> e.getValue().contains(CURRENT)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    private static SecretMetadata toMetadata(SecretName name, DescribeSecretResponse d) {
        return SecretMetadata.builder(name).nativeId(d.arn()).version(currentVersion(d.versionIdsToStages()))
                .tags(fromTags(d.tags())).createdAt(d.createdDate()).updatedAt(d.lastChangedDate())
                .deletionDate(d.deletedDate()).build();
    }

    private static SecretMetadata toMetadata(SecretName name, SecretListEntry e) {
        return SecretMetadata.builder(name).nativeId(e.arn()).version(currentVersion(e.secretVersionsToStages()))
                .tags(fromTags(e.tags())).createdAt(e.createdDate()).updatedAt(e.lastChangedDate())
                .deletionDate(e.deletedDate()).build();
    }
}
