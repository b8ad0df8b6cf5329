package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.VerificationStep.FailureKind;
import dev.secretstore.VerificationStep.Status;
import dev.secretstore.spi.VerificationStepKind;
import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("verify: a store's own checks and its permission propagation wait")
class VerifyStoreChecksTest {

    @Test
    @DisplayName("store checks run after the tag check, while the test secret exists, and never fail the verification")
    void storeChecksRunBeforeCleanup() {
        List<SecretName> seen = new ArrayList<>();
        InMemorySpi spi = new InMemorySpi() {
            @Override
            public List<VerificationStep> extraVerificationSteps(SecretName testSecret) {
                seen.add(testSecret);
                assertThat(describe(testSecret)).isPresent();
                return List.of(
                        VerificationStep.storeCheck("probe: create untagged", Status.WARNING, Duration.ofMillis(3),
                                "allowed", "require the tag on create", FailureKind.CHECK_FAILED),
                        VerificationStep.storeCheck("probe: untag", Status.PASSED, Duration.ofMillis(2), "denied",
                                null, null));
            }
        };
        VerificationReport report = SecretStores.open(new MemoryProvider(spi), Map.of()).verify();

        assertThat(report.passed()).isTrue();
        assertThat(report.steps()).extracting(VerificationStep::name).containsExactly("create test secret",
                "read it back", "confirm its tags", "probe: create untagged", "probe: untag", "delete test secret");
        VerificationStep warning = report.steps().get(3);
        assertThat(warning.kind()).isEqualTo(VerificationStepKind.STORE_CHECK);
        assertThat(warning.required()).isFalse();
        assertThat(warning.failureKind()).contains(FailureKind.CHECK_FAILED);
        assertThat(seen).hasSize(1);
        assertThat(spi.list(ListOptions.defaults()).items()).isEmpty();
    }

    @Test
    @DisplayName("a store check that throws becomes a warning naming the failure, and cleanup still runs")
    void throwingStoreCheckIsAWarning() {
        InMemorySpi spi = new InMemorySpi() {
            @Override
            public List<VerificationStep> extraVerificationSteps(SecretName testSecret) {
                throw new AccessDeniedException("memory", Operation.TAG, testSecret, "untag refused", null, null);
            }
        };
        VerificationReport report = SecretStores.open(new MemoryProvider(spi), Map.of()).verify();

        assertThat(report.passed()).isTrue();
        VerificationStep checks = report.steps().get(3);
        assertThat(checks.name()).isEqualTo("store checks");
        assertThat(checks.status()).isEqualTo(Status.WARNING);
        assertThat(checks.failureKind()).contains(FailureKind.ACCESS_DENIED);
        assertThat(report.steps().get(4).status()).isEqualTo(Status.PASSED);
    }

    @Test
    @DisplayName("a store check cannot be built as FAILED")
    void storeCheckNeverFails() {
        assertThatThrownBy(() -> VerificationStep.storeCheck("x", Status.FAILED, Duration.ZERO, null, null,
                FailureKind.OTHER)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("within the store's propagation wait a denied create is tried again until it is allowed")
    void waitsForPermissionsToPropagate() {
        AtomicInteger creates = new AtomicInteger();
        InMemorySpi spi = new InMemorySpi() {
            @Override
            public synchronized SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
                if (creates.incrementAndGet() <= 2) {
                    throw new AccessDeniedException("memory", null, name, "role assignment not yet visible", null, null);
                }
                return super.create(name, value, tags);
            }

            @Override
            public Duration permissionPropagationWait() {
                return Duration.ofSeconds(30);
            }
        };
        VerificationReport report = SecretStores.open(new MemoryProvider(spi), Map.of()).verify();

        assertThat(report.passed()).isTrue();
        assertThat(creates.get()).isEqualTo(3);
    }

    @Test
    @DisplayName("without a propagation wait a denied create is attempted once and reported")
    void noWaitByDefault() {
        AtomicInteger creates = new AtomicInteger();
        InMemorySpi spi = new InMemorySpi() {
            @Override
            public synchronized SecretMetadata create(SecretName name, SecretValue value, Map<String, String> tags) {
                creates.incrementAndGet();
                throw new AccessDeniedException("memory", null, name, "denied", null, null);
            }
        };
        VerificationReport report = SecretStores.open(new MemoryProvider(spi), Map.of()).verify();

        assertThat(report.passed()).isFalse();
        assertThat(creates.get()).isEqualTo(1);
    }
}
