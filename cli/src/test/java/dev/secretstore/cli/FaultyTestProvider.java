package dev.secretstore.cli;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An in-memory provider for the CLI's tests that fails on request ({@code "fault"}), for the outcomes the
 * local store cannot produce: an unavailable or throttling store, a store that may create but not delete,
 * a credential rejected when opening or only on first use, and a store that returns another value than
 * it was given (or its own token). Registered through src/test/resources/META-INF/services.
 */
public final class FaultyTestProvider implements SecretStoreProvider {

    static final String NAME = "faulty-test";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "in-memory store for the CLI's tests that fails on request";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TAGS);
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(
                ConfigField.builder("fault").required(true)
                        .allowedValues("unavailable", "throttled", "deny-delete", "bad-token", "reject-token-on-use",
                                "alter-values", "return-token").description("what fails").build(),
                ConfigField.builder("token").secret(true).description("a credential that must never be echoed").build());
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        String fault = config.requireString("fault");
        if (fault.equals("bad-token")) {
            throw new AuthenticationFailedException(NAME, null, null, "the token was rejected",
                    "check the token", null);
        }
        return new Store(fault, config.string("token").orElse(""));
    }

    private static final class Store implements SecretStoreSpi {
        private final String fault;
        private final String token;
        private final Map<SecretName, byte[]> values = new ConcurrentHashMap<>();
        private final Map<SecretName, Map<String, String>> tags = new ConcurrentHashMap<>();

        Store(String fault, String token) {
            this.fault = fault;
            this.token = token;
        }

        @Override
        public StoreLimits limits() {
            return StoreLimits.defaults();
        }

        @Override
        public String managedTagKey() {
            return "AirbyteManaged";
        }

        @Override
        public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> newTags) {
            if (fault.equals("unavailable")) {
                throw new StoreUnavailableException(NAME, null, name, "the service answered 503",
                        "try again later", null);
            }
            if (fault.equals("throttled")) {
                throw new ThrottledException(NAME, null, name, "rate exceeded", "try again later", null, null);
            }
            if (fault.equals("reject-token-on-use")) {
                // Like a cloud client that only meets the identity service on its first call.
                throw new AuthenticationFailedException(NAME, null, name, "the token was rejected",
                        "check the token", null);
            }
            values.put(name, value.bytes());
            tags.put(name, new TreeMap<>(newTags));
            return metadata(name);
        }

        @Override
        public SecretMetadata addVersion(SecretName name, SecretValue value) {
            return create(name, value, tags.getOrDefault(name, Map.of()));
        }

        @Override
        public void updateTags(SecretName name, Map<String, String> newTags) {
            tags.get(name).putAll(newTags);
        }

        @Override
        public Optional<SecretMetadata> describe(SecretName name) {
            return values.containsKey(name) ? Optional.of(metadata(name)) : Optional.empty();
        }

        @Override
        public Secret read(SecretName name, Optional<String> version) {
            byte[] value = values.get(name);
            if (value == null) {
                throw new SecretNotFoundException(NAME, null, name, "no such secret", null, null);
            }
            if (fault.equals("alter-values")) {
                return Secret.of(name, "1", SecretValue.ofText("not what was written"));
            }
            if (fault.equals("return-token")) {
                // A badly broken provider: its credential comes back as the value, into the kit's failure message.
                return Secret.of(name, "1", SecretValue.ofText(token));
            }
            return Secret.of(name, "1", SecretValue.ofBytes(value));
        }

        @Override
        public Page<SecretMetadata> list(ListOptions options) {
            return Page.last(values.keySet().stream().sorted().map(this::metadata).toList());
        }

        @Override
        public void delete(SecretName name, DeleteOptions options) {
            if (fault.equals("deny-delete")) {
                throw new AccessDeniedException(NAME, null, name, "the policy does not allow DeleteSecret",
                        "allow delete, or clean up by hand", null);
            }
            values.remove(name);
            tags.remove(name);
        }

        private SecretMetadata metadata(SecretName name) {
            return SecretMetadata.builder(name).nativeId("memory:" + name).version("1").tags(tags.get(name)).build();
        }
    }
}
