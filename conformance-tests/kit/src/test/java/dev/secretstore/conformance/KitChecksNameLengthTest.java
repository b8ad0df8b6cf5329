package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectNestedMethod;

import dev.secretstore.InvalidRequestException;
import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import dev.secretstore.StoreLimits;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * The name-length checks run for every store instead of being skipped for those that declare the portable
 * maximum (255), and catch a provider that declares more than its native names hold.
 */
@DisplayName("The kit's name-length checks")
class KitChecksNameLengthTest {

    private static final String OVER = "nameOverTheStoresMaximumLengthIsRejectedBeforeAnyIo";
    private static final String AT = "nameOfExactlyTheMaximumLengthRoundTrips";
    private static final String SEPARATED = "separatorHeavyNameOfTheMaximumLengthRoundTripsOrIsRefusedEarly";

    @Test
    @DisplayName("a store that declares 255 runs every length check (the over-long one through SecretName.of) and passes, none skipped")
    void portableMaximum() {
        for (String test : List.of(OVER, AT, SEPARATED)) {
            assertThat(run(Declares255.class, test)).as(test).singleElement()
                    .satisfies(r -> assertThat(r.getStatus()).as("%s", r).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        }
    }

    @Test
    @DisplayName("a store that declares less than 255 gets a name one over its maximum, refused by the engine before any I/O")
    void shorterMaximum() {
        for (String test : List.of(OVER, AT, SEPARATED)) {
            assertThat(run(Declares100.class, test)).as(test).singleElement()
                    .satisfies(r -> assertThat(r.getStatus()).as("%s", r).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
        }
    }

    @Test
    @DisplayName("a provider that declares 255 while its native names stop at 200 fails both at-the-limit tests")
    void overDeclaredMaximum() {
        for (String test : List.of(AT, SEPARATED)) {
            assertThat(run(Declares255HoldsOnly200.class, test)).as(test).singleElement().satisfies(r -> {
                assertThat(r.getStatus()).isEqualTo(TestExecutionResult.Status.FAILED);
                assertThat(r.getThrowable().orElseThrow()).hasMessageContaining("native name longer than 200");
            });
        }
    }

    @Test
    @DisplayName("a provider whose checkName refuses the separator-heavy name at the limit (its encoding is longer) passes")
    void refusedEarlyByCheckName() {
        assertThat(run(RefusesDotsInCheckName.class, SEPARATED)).singleElement()
                .satisfies(r -> assertThat(r.getStatus()).as("%s", r).isEqualTo(TestExecutionResult.Status.SUCCESSFUL));
    }

    private static List<TestExecutionResult> run(Class<?> kit, String method) {
        List<TestExecutionResult> results = new ArrayList<>();
        LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectNestedMethod(List.of(kit), SecretStoreConformanceKit.Names.class, method)).build(),
                new TestExecutionListener() {
                    @Override
                    public void executionFinished(TestIdentifier test, TestExecutionResult result) {
                        if (test.isTest()) {
                            results.add(result);
                        }
                    }
                });
        return results;
    }

    // Kits over the local provider with other declared and native name limits; nested, so the build never
    // runs them except through this test.

    static class Declares255 extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> new NameLimits(local, 255, Integer.MAX_VALUE), Map.of());
        }
    }

    static class Declares100 extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> new NameLimits(local, 100, 100), Map.of());
        }
    }

    static class Declares255HoldsOnly200 extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> new NameLimits(local, 255, 200), Map.of());
        }
    }

    static class RefusesDotsInCheckName extends SecretStoreConformanceKit {
        @Override
        protected ConformanceFixture fixture() {
            return LocalFixture.inTemporaryDirectory(local -> new NameLimits(local, 255, 255, true), Map.of());
        }
    }

    /**
     * The local provider declaring {@code declared} as its name limit, refusing names over {@code nativeLimit}
     * when writing, and (with {@code escapesDots}) refusing in checkName long names whose dots an imagined
     * codec would escape past the limit.
     */
    private static final class NameLimits extends ForwardingProvider {
        private final int declared;
        private final int nativeLimit;
        private final boolean escapesDots;

        NameLimits(SecretStoreProvider local, int declared, int nativeLimit) {
            this(local, declared, nativeLimit, false);
        }

        NameLimits(SecretStoreProvider local, int declared, int nativeLimit, boolean escapesDots) {
            super(local);
            this.declared = declared;
            this.nativeLimit = nativeLimit;
            this.escapesDots = escapesDots;
        }

        @Override
        SecretStoreSpi wrap(SecretStoreSpi opened) {
            return new ForwardingSpi(opened) {
                @Override
                public StoreLimits limits() {
                    return super.limits().toBuilder().maxNameLength(declared).build();
                }

                @Override
                public void checkName(SecretName name) {
                    super.checkName(name);
                    long dots = name.value().chars().filter(c -> c == '.').count();
                    if (escapesDots && name.value().length() + 2 * dots > nativeLimit) {
                        throw new InvalidSecretNameException("encoded, the name is longer than " + nativeLimit);
                    }
                }

                @Override
                public SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
                    // What a cloud answers for a name its native rules do not hold (AWS: ValidationException).
                    if (name.value().length() > nativeLimit) {
                        throw new InvalidRequestException("native name longer than " + nativeLimit + " characters");
                    }
                    return super.create(name, value, tags);
                }
            };
        }
    }
}
