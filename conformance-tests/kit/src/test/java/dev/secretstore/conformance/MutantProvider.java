package dev.secretstore.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.ReadResult;
import dev.secretstore.Secret;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.logging.StreamHandler;
import java.util.stream.Collectors;

/** The local provider (behind the fixture's retry policy) with the one bug of its {@link Mutant}. */
final class MutantProvider extends ForwardingProvider {

    private static final int NATIVE_BATCH_PAGE = 20;
    private static final int NATIVE_NAME_LIMIT = 200;

    private final Mutant mutant;
    /** A provider's own log file; held here because java.util.logging keeps loggers only weakly. */
    private final Logger ownLogger;
    private final Map<String, Secret> versionCache = new ConcurrentHashMap<>();
    private final Map<String, SecretMetadata> lastItemBeforeToken = new ConcurrentHashMap<>();

    MutantProvider(Mutant mutant, SecretStoreProvider delegate) {
        super(delegate);
        this.mutant = mutant;
        this.ownLogger = Logger.getLogger("broken.provider." + mutant.name().toLowerCase(Locale.ROOT));
        if (mutant == Mutant.LOGS_VALUES_TO_ITS_OWN_HANDLER) {
            ownLogger.setUseParentHandlers(false);
            ownLogger.addHandler(new StreamHandler(new ByteArrayOutputStream(), new SimpleFormatter()));
            ownLogger.setLevel(Level.INFO);
        }
    }

    @Override
    public String description() {
        return "the local provider with one bug: " + mutant.bug;
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        try {
            return super.open(config);
        } catch (AuthenticationFailedException e) {
            if (mutant != Mutant.CREDENTIAL_IN_AUTH_ERROR) {
                throw e;
            }
            throw new AuthenticationFailedException("the key '" + keyIn(config) + "' does not open this store");
        }
    }

    private static String keyIn(StoreConfig config) {
        try {
            return Files.readString(Path.of(config.requireString("keyFile"))).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    SecretStoreSpi wrap(SecretStoreSpi opened) {
        return new MutantSpi(opened);
    }

    private boolean is(Mutant bug) {
        return mutant == bug;
    }

    private final class MutantSpi extends ForwardingSpi {
        private volatile String lastWritten;

        MutantSpi(SecretStoreSpi delegate) {
            super(delegate);
        }

        @Override
        public void close() {
            if (is(Mutant.LOGS_VALUES_WHEN_CLOSED) && lastWritten != null) {
                System.err.println("broken provider: flushing buffered write " + lastWritten);
            }
            super.close();
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
            log(value);
            Map<String, String> stored = storedTags(tags);
            if (is(Mutant.DROPS_MANAGED_TAG)) {
                stored.remove(managedTagKey());
            }
            if (is(Mutant.DROPS_USER_TAGS)) {
                stored.keySet().retainAll(List.of(managedTagKey()));
            }
            if (is(Mutant.VALUE_IN_DESCRIPTION_TAG) && value.isText()) {
                stored.put("description", value.text());
            }
            try {
                if (is(Mutant.CREATE_IN_TWO_CALLS)) {
                    delegate.create(nativeName(name), SecretValue.ofText("pending"), stored);
                    return cached(name, denialMapped(() -> delegate.addVersion(nativeName(name), stored(value))), value);
                }
                return cached(name, denialMapped(() -> delegate.create(nativeName(name), stored(value), stored)), value);
            } catch (SecretAlreadyExistsException exists) {
                if (is(Mutant.BASE64_REQUEST_IN_ERROR) && value.isText()) {
                    String body = "{\"Name\":\"" + name + "\",\"SecretString\":\"" + value.text() + "\"}";
                    throw new SecretAlreadyExistsException("create failed (request "
                            + Base64.getEncoder().encodeToString(body.getBytes(UTF_8)) + "): already exists");
                }
                if (is(Mutant.URL_ENCODED_VALUE_IN_ERROR) && value.isText()) {
                    throw new SecretAlreadyExistsException("create failed for Name=" + name + "&SecretString="
                            + URLEncoder.encode(value.text(), UTF_8) + ": already exists");
                }
                throw exists;
            }
        }

        @Override
        public SecretMetadata addVersion(SecretName name, SecretValue value) {
            log(value);
            if (is(Mutant.PUT_REPORTS_STALE_VERSION)) {
                Optional<SecretMetadata> before = delegate.describe(nativeName(name));
                SecretMetadata written = denialMapped(() -> delegate.addVersion(nativeName(name), stored(value)));
                return before.orElse(written);
            }
            return cached(name, denialMapped(() -> delegate.addVersion(nativeName(name), stored(value))), value);
        }

        @Override
        public void updateTags(SecretName name, Map<String, String> tags) {
            Map<String, String> stored = storedTags(tags);
            if (is(Mutant.DROPS_USER_TAGS)) {
                stored.keySet().retainAll(List.of(managedTagKey()));
            }
            if (is(Mutant.REWRITES_TAGS_ON_UPDATE_ONLY)) {
                stored.replaceAll((key, value) -> key.equals(managedTagKey()) ? value : value.toLowerCase(Locale.ROOT));
            }
            denialMapped(() -> {
                delegate.updateTags(nativeName(name), stored);
                return null;
            });
        }

        @Override
        public Optional<SecretMetadata> describe(SecretName name) {
            Optional<SecretMetadata> found;
            try {
                found = delegate.describe(nativeName(name));
            } catch (ThrottledException throttled) {
                if (is(Mutant.THROTTLED_DESCRIBE_IS_ABSENT)) {
                    return Optional.empty();
                }
                throw throttled;
            } catch (StoreUnavailableException unavailable) {
                if (is(Mutant.UNAVAILABLE_DESCRIBE_IS_ABSENT)) {
                    return Optional.empty();
                }
                throw unavailable;
            }
            return found.map(this::reported);
        }

        @Override
        public Secret read(SecretName name, Optional<String> version) {
            try {
                return readNative(name, version);
            } catch (ThrottledException throttled) {
                if (is(Mutant.THROTTLING_AS_GENERIC_ERROR)) {
                    throw new SecretStoreException("the request failed (throttled)");
                }
                throw throttled;
            }
        }

        private Secret readNative(SecretName name, Optional<String> version) {
            if (is(Mutant.IGNORES_REQUESTED_VERSION)) {
                return delegate.read(nativeName(name), Optional.empty());
            }
            if (is(Mutant.CACHES_VERSIONS_ACROSS_DELETE) && version.isPresent()) {
                Secret cached = versionCache.get(name + "@" + version.get());
                if (cached != null) {
                    return cached;
                }
            }
            if (is(Mutant.LATEST_IS_LARGEST_VERSION_ID) && version.isEmpty()) {
                Optional<String> largest = delegate.describe(nativeName(name)).flatMap(this::largestVersionId);
                if (largest.isPresent()) {
                    return delegate.read(nativeName(name), largest);
                }
            }
            if (is(Mutant.TIMEOUT_SHORTER_THAN_LATENCY)) {
                long start = System.nanoTime();
                Secret secret = delegate.read(nativeName(name), version);
                if (System.nanoTime() - start > 100_000_000L) {
                    return delegate.read(nativeName(name), version); // "timed out": asked again
                }
                return secret;
            }
            Secret secret = delegate.read(nativeName(name), version);
            if (is(Mutant.TEXT_FLAG_LOST_IN_VERSION_READ) && version.isPresent()) {
                return new Secret(secret.name(), secret.version(), SecretValue.ofBytes(secret.value().bytes()),
                        secret.createdAt().orElse(null));
            }
            if (is(Mutant.BINARY_GUESSED_FROM_BYTES) && !secret.value().isText() && isUtf8(secret.value().bytes())) {
                return new Secret(secret.name(), secret.version(), SecretValue.ofText(new String(secret.value().bytes(), UTF_8)),
                        secret.createdAt().orElse(null));
            }
            return secret;
        }

        @Override
        public Map<SecretName, ReadResult> readAll(List<SecretName> names) {
            if (is(Mutant.READ_ALL_FIRST_PAGE_ONLY) && names.size() > NATIVE_BATCH_PAGE) {
                Map<SecretName, ReadResult> results = readOneByOne(names.subList(0, NATIVE_BATCH_PAGE));
                names.subList(NATIVE_BATCH_PAGE, names.size()).forEach(name -> results.put(name,
                        ReadResult.failed(name, new SecretNotFoundException("not in the batch response"))));
                return results;
            }
            Map<SecretName, ReadResult> results = readOneByOne(names);
            if (is(Mutant.SWALLOWS_BATCH_ERRORS)) {
                results.values().removeIf(result -> !result.isPresent());
            }
            if (is(Mutant.TEXT_FLAG_LOST_IN_READ_ALL)) {
                results.replaceAll((name, result) -> result.secret().map(secret -> ReadResult.of(new Secret(secret.name(),
                        secret.version(), SecretValue.ofBytes(secret.value().bytes()), secret.createdAt().orElse(null))))
                        .orElse(result));
            }
            return results;
        }

        @Override
        public Page<SecretMetadata> list(ListOptions options) {
            ListOptions asked = is(Mutant.IGNORES_PAGE_SIZE) ? options.toBuilder().pageSize(1000).build() : options;
            Page<SecretMetadata> page = delegate.list(asked);
            List<SecretMetadata> items = page.items().stream().map(this::reported).collect(Collectors.toCollection(ArrayList::new));
            String next = page.nextPageToken().orElse(null);
            if (is(Mutant.DROPS_LAST_ITEM_OF_EACH_PAGE) && next != null && !items.isEmpty()) {
                items.remove(items.size() - 1);
            }
            if (is(Mutant.REPEATS_ITEM_ACROSS_PAGES)) {
                options.pageToken().map(lastItemBeforeToken::get).ifPresent(repeated -> items.add(0, repeated));
                if (next != null && !items.isEmpty()) {
                    lastItemBeforeToken.put(next, items.get(items.size() - 1));
                }
            }
            return Page.of(items, next);
        }

        @Override
        public void delete(SecretName name, DeleteOptions options) {
            denialMapped(() -> {
                delegate.delete(nativeName(name), options);
                return null;
            });
        }

        @Override
        public SecretMetadata restore(SecretName name) {
            SecretMetadata restored = denialMapped(() -> delegate.restore(nativeName(name)));
            if (!is(Mutant.RESTORE_LOSES_USER_TAGS)) {
                return restored;
            }
            Secret latest = delegate.read(nativeName(name), Optional.empty());
            delegate.delete(nativeName(name), DeleteOptions.force());
            return delegate.create(nativeName(name), latest.value(), Map.of(managedTagKey(), "true"));
        }

        // ---- the bugs' helpers -----------------------------------------------------------------

        private SecretName nativeName(SecretName name) {
            String value = name.value();
            if (is(Mutant.FOLDS_SEPARATORS)) {
                value = value.replace('_', '-');
            } else if (is(Mutant.CASE_INSENSITIVE_NAMES)) {
                value = value.toLowerCase(Locale.ROOT);
            } else if (is(Mutant.TRUNCATES_LONG_NAMES) && value.length() > NATIVE_NAME_LIMIT) {
                value = value.substring(0, NATIVE_NAME_LIMIT).replaceAll("[^A-Za-z0-9]+$", "");
            }
            return SecretName.of(value);
        }

        private Map<String, String> storedTags(Map<String, String> tags) {
            Map<String, String> stored = new LinkedHashMap<>();
            tags.forEach((key, value) -> {
                if (key.equals(managedTagKey())) {
                    stored.put(key, value);
                } else if (is(Mutant.TAG_VALUES_IN_LABEL_SYNTAX)) {
                    stored.put(label(key), label(value));
                } else if (is(Mutant.STRIPS_NON_ASCII_FROM_TAGS)) {
                    stored.put(key, value.replaceAll("[^\\x00-\\x7F]", ""));
                } else {
                    stored.put(key, value);
                }
            });
            return stored;
        }

        private String label(String text) {
            return text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "_");
        }

        private SecretValue stored(SecretValue value) {
            if (is(Mutant.MANGLES_BINARY)) {
                return SecretValue.ofBytes(new String(value.bytes(), UTF_8).getBytes(UTF_8));
            }
            if (is(Mutant.TRUNCATES_VALUES_AT_THE_LIMIT) && value.size() == limits().maxValueBytes()) {
                byte[] cut = Arrays.copyOf(value.bytes(), value.size() - 1);
                return value.isText() ? SecretValue.ofText(new String(cut, UTF_8)) : SecretValue.ofBytes(cut);
            }
            return value;
        }

        private void log(SecretValue value) {
            if (value.isText()) {
                lastWritten = value.text();
            }
            if (is(Mutant.LOGS_VALUES_AT_DEBUG) && value.isText()) {
                System.getLogger("broken.provider").log(System.Logger.Level.DEBUG, "storing " + value.text());
            }
            if (is(Mutant.LOGS_VALUES_TO_ITS_OWN_HANDLER) && value.isText()) {
                ownLogger.fine("request body: " + value.text());
            }
        }

        private SecretMetadata reported(SecretMetadata metadata) {
            SecretMetadata.Builder builder = metadata.toBuilder();
            if (is(Mutant.DESCRIBE_REPORTS_THE_FIRST_VERSION)) {
                builder.version("1");
            }
            if (is(Mutant.LATEST_IS_LARGEST_VERSION_ID)) {
                largestVersionId(metadata).ifPresent(builder::version);
            }
            if (is(Mutant.UPDATED_AT_FROZEN)) {
                metadata.createdAt().ifPresent(builder::updatedAt);
            }
            if (is(Mutant.CREATED_AT_IS_LAST_WRITE)) {
                metadata.updatedAt().ifPresent(builder::createdAt);
            }
            return builder.build();
        }

        /** The version ids "1".."n" of a numbered store, and the one that sorts last as text. */
        private Optional<String> largestVersionId(SecretMetadata metadata) {
            return metadata.version().filter(v -> v.matches("\\d+")).map(latest -> {
                String largest = "";
                for (long id = 1; id <= Long.parseLong(latest); id++) {
                    String candidate = Long.toString(id);
                    if (candidate.compareTo(largest) > 0) {
                        largest = candidate;
                    }
                }
                return largest;
            });
        }

        private SecretMetadata cached(SecretName name, SecretMetadata written, SecretValue value) {
            if (is(Mutant.CACHES_VERSIONS_ACROSS_DELETE)) {
                written.version().ifPresent(version -> versionCache.put(name + "@" + version,
                        new Secret(name, version, value, null)));
            }
            return written;
        }

        private <T> T denialMapped(Supplier<T> write) {
            try {
                return write.get();
            } catch (AccessDeniedException denied) {
                if (is(Mutant.DENIAL_MAPPED_TO_NOT_FOUND)) {
                    throw new SecretNotFoundException("the secret was not found");
                }
                throw denied;
            }
        }

        private boolean isUtf8(byte[] bytes) {
            try {
                UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
                return true;
            } catch (CharacterCodingException e) {
                return false;
            }
        }
    }
}
