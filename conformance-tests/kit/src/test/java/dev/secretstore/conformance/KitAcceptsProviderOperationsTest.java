package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.DeleteOptions;
import dev.secretstore.ListOptions;
import dev.secretstore.Operation;
import dev.secretstore.Page;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The kit checks the operation on a denied write, but a provider cannot know it (the user's put runs the
 * SPI's create): a provider that labels its exceptions with its own SPI method still passes, because the
 * engine sets the operation the user called.
 */
@DisplayName("The kit on a provider that labels exceptions with its SPI method's operation")
class KitAcceptsProviderOperationsTest {

    @Test
    @DisplayName("every denied-write test passes, put included (the provider said create, tag or describe)")
    void deniedWritesPass() {
        List<TestExecutionResult> results = new ArrayList<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectNestedMethod(List.of(LabelsWithSpiMethod.class), SecretStoreConformanceKit.LeastPrivilege.class,
                        "writeThroughReadOnlyStoreIsDenied", DeniedWrite.class.getName())).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest()) {
                            results.add(result);
                        }
                    }
                });

        assertThat(results).hasSize(DeniedWrite.values().length)
                .allSatisfy(r -> assertThat(r.getStatus()).as("%s", r).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    static class LabelsWithSpiMethod extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(SpiMethodLabels::new, Map.of());
        }
    }

    /** The local provider, re-throwing every denial with the operation of the SPI method it came from. */
    private static final class SpiMethodLabels implements SecretStoreProvider {
        private final SecretStoreProvider local;

        SpiMethodLabels(SecretStoreProvider local) {
            this.local = local;
        }

        @Override
        public String name() {
            return "spi-method-labels-local";
        }

        @Override
        public String description() {
            return "the local provider, labelling denials with its SPI method";
        }

        @Override
        public Set<Capability> capabilities() {
            return local.capabilities();
        }

        @Override
        public List<ConfigField> configFields() {
            return local.configFields();
        }

        @Override
        public SecretStoreSpi open(StoreConfig config) {
            SecretStoreSpi delegate = local.open(config);
            return new SecretStoreSpi() {
                @Override
                public StoreLimits limits() {
                    return delegate.limits();
                }

                @Override
                public String managedTagKey() {
                    return delegate.managedTagKey();
                }

                @Override
                public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
                    return labelled(Operation.CREATE, name, () -> delegate.create(name, value, tags));
                }

                @Override
                public SecretMetadata addVersion(SecretName name, SecretValue value) {
                    return labelled(Operation.PUT, name, () -> delegate.addVersion(name, value));
                }

                @Override
                public void updateTags(SecretName name, Map<String, String> tags) {
                    labelled(Operation.TAG, name, () -> {
                        delegate.updateTags(name, tags);
                        return null;
                    });
                }

                @Override
                public Optional<SecretMetadata> describe(SecretName name) {
                    return labelled(Operation.DESCRIBE, name, () -> delegate.describe(name));
                }

                @Override
                public Secret read(SecretName name, Optional<String> version) {
                    return labelled(Operation.READ, name, () -> delegate.read(name, version));
                }

                @Override
                public Page<SecretMetadata> list(ListOptions options) {
                    return delegate.list(options);
                }

                @Override
                public void delete(SecretName name, DeleteOptions options) {
                    labelled(Operation.DELETE, name, () -> {
                        delegate.delete(name, options);
                        return null;
                    });
                }

                @Override
                public SecretMetadata restore(SecretName name) {
                    return labelled(Operation.RESTORE, name, () -> delegate.restore(name));
                }

                @Override
                public void checkName(SecretName name) {
                    delegate.checkName(name);
                }

                @Override
                public void close() {
                    delegate.close();
                }
            };
        }

        private static <T> T labelled(Operation spiMethod, SecretName name, Supplier<T> call) {
            try {
                return call.get();
            } catch (AccessDeniedException denied) {
                // The provider name is left to the engine too: the delegate names itself "local".
                throw new AccessDeniedException(null, spiMethod, name, denied.detail(),
                        denied.remediation().orElse(null), denied);
            }
        }
    }
}
