package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.DeleteOptions;
import dev.secretstore.Operation;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    private static final class SpiMethodLabels extends ForwardingProvider {

        SpiMethodLabels(SecretStoreProvider local) {
            super(local);
        }

        @Override
        SecretStoreSpi wrap(SecretStoreSpi opened) {
            return new ForwardingSpi(opened) {
                @Override
                public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
                    return labelled(Operation.CREATE, name, () -> super.create(name, value, tags));
                }

                @Override
                public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags,
                                             Instant expiresAt) {
                    return labelled(Operation.CREATE, name, () -> super.create(name, value, tags, expiresAt));
                }

                @Override
                public SecretMetadata addVersion(SecretName name, SecretValue value) {
                    return labelled(Operation.PUT, name, () -> super.addVersion(name, value));
                }

                @Override
                public void updateTags(SecretName name, Map<String, String> tags) {
                    labelled(Operation.TAG, name, () -> {
                        super.updateTags(name, tags);
                        return null;
                    });
                }

                @Override
                public Optional<SecretMetadata> describe(SecretName name) {
                    return labelled(Operation.DESCRIBE, name, () -> super.describe(name));
                }

                @Override
                public void delete(SecretName name, DeleteOptions options) {
                    labelled(Operation.DELETE, name, () -> {
                        super.delete(name, options);
                        return null;
                    });
                }

                @Override
                public SecretMetadata restore(SecretName name) {
                    // A provider naming the SPI method it was in; RESTORE is the user's here, TAG is not.
                    return labelled(Operation.TAG, name, () -> super.restore(name));
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
