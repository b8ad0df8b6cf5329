package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.VerificationStep.FailureKind;
import dev.secretstore.VerificationStep.Status;
import dev.secretstore.spi.VerificationStepKind;
import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("verify")
class VerifyTest {

    @Test
    @DisplayName("on a healthy store every step passes, is timed, and the test secret is gone")
    void healthy() {
        InMemorySpi spi = new InMemorySpi();
        SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());
        VerificationReport report = store.verify();
        assertThat(report.passed()).isTrue();
        assertThat(report.provider()).isEqualTo("memory");
        assertThat(report.steps()).extracting(VerificationStep::name)
                .containsExactly("create test secret", "read it back", "confirm its tags", "delete test secret");
        assertThat(report.steps()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(Status.PASSED);
            assertThat(s.duration().isNegative()).isFalse();
            assertThat(s.remediation()).isEmpty();
            assertThat(s.failureKind()).isEmpty();
        });
        assertThat(report.steps().get(0).detail()).hasValueSatisfying(d -> assertThat(d).contains("secretstore-verify-"));
        assertThat(spi.list(ListOptions.defaults()).items()).isEmpty();
        assertThat(report.toString()).contains("PASSED").contains("create test secret");
    }

    @Test
    @DisplayName("keep leaves the test secret, managed, and reports the delete as skipped")
    void keep() {
        InMemorySpi spi = new InMemorySpi();
        SecretStore store = SecretStores.open(new MemoryProvider(spi), Map.of());
        VerificationReport report = store.verify(VerifyOptions.keepTestSecret());
        assertThat(report.passed()).isTrue();
        assertThat(report.steps().get(3).status()).isEqualTo(Status.SKIPPED);
        assertThat(store.list(ListOptions.defaults()).items()).singleElement()
                .satisfies(m -> assertThat(m.name().value()).startsWith("secretstore-verify-"));
    }

    @Test
    @DisplayName("on a store that denies writes, create fails with a remediation and later steps are skipped")
    void deniesWrites() {
        SecretStore store = SecretStores.open(new MemoryProvider(), Map.of("readOnly", true));
        VerificationReport report = store.verify();
        assertThat(report.passed()).isFalse();
        VerificationStep create = report.steps().get(0);
        assertThat(create.status()).isEqualTo(Status.FAILED);
        assertThat(create.failureKind()).contains(FailureKind.ACCESS_DENIED);
        assertThat(create.detail()).hasValueSatisfying(d -> assertThat(d).contains("denied"));
        assertThat(create.remediation()).hasValueSatisfying(r ->
                assertThat(r).startsWith("the credentials lack permission for create: check the policy/role assignment"));
        assertThat(report.steps().subList(1, 4)).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(Status.SKIPPED);
            assertThat(s.failureKind()).isEmpty();
        });
    }

    @Test
    @DisplayName("a denied delete is a warning, not a failure, and names the secret left behind")
    void deleteDenied() {
        SecretStore store = SecretStores.open(new MemoryProvider(new InMemorySpi().denyDeletes()), Map.of());
        VerificationReport report = store.verify();
        assertThat(report.passed()).isTrue();
        VerificationStep delete = report.steps().get(3);
        assertThat(delete.status()).isEqualTo(Status.WARNING);
        assertThat(delete.failureKind()).contains(FailureKind.ACCESS_DENIED);
        assertThat(delete.detail()).hasValueSatisfying(d -> assertThat(d).contains("left behind").contains("secretstore-verify-"));
        assertThat(delete.remediation()).isPresent();
    }

    @Test
    @DisplayName("the provider's own remediation hint is preferred; authentication and outages get generic hints")
    void remediation() {
        MemoryProvider withHint = new MemoryProvider(new InMemorySpi().denyWrites()) {
            @Override
            public Optional<String> remediation(VerificationStepKind step, SecretStoreException failure) {
                return Optional.of("grant memory:Write on " + step);
            }
        };
        assertThat(SecretStores.open(withHint, Map.of()).verify().steps().get(0).remediation())
                .contains("grant memory:Write on CREATE");

        SecretStore expired = SecretStores.open(new MemoryProvider(new InMemorySpi()
                .failWith(() -> new AuthenticationFailedException("token expired"))), Map.of());
        assertThat(expired.verify().steps().get(0).remediation())
                .contains("check the credentials are valid and not expired");

        SecretStore down = SecretStores.open(new MemoryProvider(new InMemorySpi()
                .failWith(() -> new StoreUnavailableException("connect timed out"))), Map.of());
        assertThat(down.verify().steps().get(0).remediation()).hasValueSatisfying(r ->
                assertThat(r).contains("check network/endpoint/region"));
    }

    @Test
    @DisplayName("a provider filling both the exception's remediation and remediation(step, failure): its step hint wins, shown once")
    void oneRemediationPerStep() {
        InMemorySpi spi = new InMemorySpi().failWith(() -> new AccessDeniedException("memory", null, null,
                "write refused", "grant memory:Write (from the exception)", null));
        MemoryProvider both = new MemoryProvider(spi) {
            @Override
            public Optional<String> remediation(VerificationStepKind step, SecretStoreException failure) {
                return Optional.of("grant memory:Write on " + step + " (from the provider)");
            }
        };
        VerificationStep create = SecretStores.open(both, Map.of()).verify().steps().get(0);
        assertThat(create.remediation()).contains("grant memory:Write on CREATE (from the provider)");
        assertThat(create.detail()).hasValueSatisfying(d -> assertThat(d)
                .contains("write refused").doesNotContain("Remediation").doesNotContain("grant memory:Write"));
        assertThat(create.toString()).containsOnlyOnce("grant memory:Write");

        SecretStore exceptionOnly = SecretStores.open(new MemoryProvider(new InMemorySpi().failWith(() ->
                new AccessDeniedException("memory", null, null, "write refused", "grant memory:Write", null))), Map.of());
        VerificationStep step = exceptionOnly.verify().steps().get(0);
        assertThat(step.remediation()).contains("grant memory:Write");
        assertThat(step.toString()).containsOnlyOnce("grant memory:Write");
    }

    @Test
    @DisplayName("a failed step says what kind of store error caused it, from the exception's type")
    void failureKindFollowsTheStoreError() {
        assertThat(createStepFailingWith(() -> new AuthenticationFailedException("token expired")).failureKind())
                .contains(FailureKind.AUTHENTICATION_FAILED);
        assertThat(createStepFailingWith(() -> new StoreUnavailableException("connect timed out")).failureKind())
                .contains(FailureKind.UNAVAILABLE);
        assertThat(createStepFailingWith(() -> new ThrottledException("slow down")).failureKind())
                .contains(FailureKind.THROTTLED);
        assertThat(createStepFailingWith(() -> new NotManagedException("someone else's")).failureKind())
                .contains(FailureKind.NOT_MANAGED);
        // An unexpected RuntimeException is wrapped by the engine into the base SecretStoreException.
        assertThat(createStepFailingWith(() -> new IllegalStateException("provider bug")).failureKind())
                .contains(FailureKind.OTHER);
    }

    @Test
    @DisplayName("a failed delete carries its kind too: an outage during cleanup is UNAVAILABLE, not a warning")
    void failedDeleteHasAKind() {
        InMemorySpi spi = new InMemorySpi() {
            @Override
            public void delete(SecretName name, DeleteOptions options) {
                throw new StoreUnavailableException("memory", Operation.DELETE, name, "503 on delete", null, null);
            }
        };
        VerificationStep delete = SecretStores.open(new MemoryProvider(spi), Map.of()).verify().steps().get(3);

        assertThat(delete.status()).isEqualTo(Status.FAILED);
        assertThat(delete.failureKind()).contains(FailureKind.UNAVAILABLE);
    }

    @Test
    @DisplayName("a value that comes back different, or a missing managed tag, is CHECK_FAILED (no store error)")
    void ownCheckFailures() {
        InMemorySpi altersValues = new InMemorySpi() {
            @Override
            public synchronized Secret read(SecretName name, Optional<String> version) {
                Secret stored = super.read(name, version);
                return Secret.of(name, stored.version(), SecretValue.ofText("something else"));
            }
        };
        VerificationReport altered = SecretStores.open(new MemoryProvider(altersValues), Map.of()).verify();
        assertThat(altered.passed()).isFalse();
        assertThat(altered.steps().get(1).status()).isEqualTo(Status.FAILED);
        assertThat(altered.steps().get(1).failureKind()).contains(FailureKind.CHECK_FAILED);
        assertThat(altered.steps().get(3).status()).as("cleanup still runs").isEqualTo(Status.PASSED);
        assertThat(altered.steps().get(3).failureKind()).isEmpty();

        InMemorySpi dropsTags = new InMemorySpi() {
            @Override
            public synchronized Optional<SecretMetadata> describe(SecretName name) {
                return super.describe(name).map(m -> SecretMetadata.builder(name).nativeId(m.nativeId()).build());
            }
        };
        VerificationStep tags = SecretStores.open(new MemoryProvider(dropsTags), Map.of()).verify().steps().get(2);
        assertThat(tags.status()).isEqualTo(Status.FAILED);
        assertThat(tags.failureKind()).contains(FailureKind.CHECK_FAILED);
    }

    private static VerificationStep createStepFailingWith(Supplier<RuntimeException> failure) {
        SecretStore store = SecretStores.open(new MemoryProvider(new InMemorySpi().failWith(failure)), Map.of());
        VerificationStep create = store.verify().steps().get(0);
        assertThat(create.status()).isEqualTo(Status.FAILED);
        return create;
    }

    @Test
    @DisplayName("FailureKind.of maps every exception type, the most specific first, provider subclasses like their parent")
    void failureKindMapping() {
        assertThat(FailureKind.of(new AccessDeniedException("x"))).isEqualTo(FailureKind.ACCESS_DENIED);
        assertThat(FailureKind.of(new AuthenticationFailedException("x"))).isEqualTo(FailureKind.AUTHENTICATION_FAILED);
        assertThat(FailureKind.of(new StoreUnavailableException("x"))).isEqualTo(FailureKind.UNAVAILABLE);
        assertThat(FailureKind.of(new ThrottledException("x"))).isEqualTo(FailureKind.THROTTLED);
        assertThat(FailureKind.of(new SecretNotFoundException("x"))).isEqualTo(FailureKind.NOT_FOUND);
        assertThat(FailureKind.of(new SecretAlreadyExistsException("x"))).isEqualTo(FailureKind.ALREADY_EXISTS);
        assertThat(FailureKind.of(new NotManagedException("x"))).isEqualTo(FailureKind.NOT_MANAGED);
        assertThat(FailureKind.of(new InvalidRequestException("x"))).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(FailureKind.of(new InvalidSecretNameException("x"))).isEqualTo(FailureKind.INVALID_REQUEST);
        assertThat(FailureKind.of(new InvalidConfigException("p", java.util.List.of(ConfigProblem.of("f", "m")))))
                .isEqualTo(FailureKind.INVALID_CONFIG);
        assertThat(FailureKind.of(new SecretIntegrityException("x"))).isEqualTo(FailureKind.INTEGRITY);
        assertThat(FailureKind.of(new SecretStoreException("x"))).isEqualTo(FailureKind.OTHER);
        class VendorDenied extends AccessDeniedException {
            private static final long serialVersionUID = 1L;

            VendorDenied() {
                super("vendor says no");
            }
        }
        assertThat(FailureKind.of(new VendorDenied())).isEqualTo(FailureKind.ACCESS_DENIED);
    }

    @Test
    @DisplayName("a step built without a failure kind has none; a kind on a passed or skipped step is refused")
    void failureKindOnlyOnProblems() {
        VerificationStep legacy = new VerificationStep(VerificationStepKind.CREATE, Status.FAILED, Duration.ZERO,
                "failed", "fix it", true);
        assertThat(legacy.failureKind()).isEmpty();
        assertThat(new VerificationStep(VerificationStepKind.DELETE, Status.WARNING, Duration.ZERO, null, null, true,
                FailureKind.ACCESS_DENIED).failureKind()).contains(FailureKind.ACCESS_DENIED);
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                new VerificationStep(VerificationStepKind.CREATE, Status.PASSED, Duration.ZERO, null, null, true,
                        FailureKind.OTHER)).withMessageContaining("PASSED");
        org.assertj.core.api.Assertions.assertThatIllegalArgumentException().isThrownBy(() ->
                new VerificationStep(VerificationStepKind.READ_BACK, Status.SKIPPED, Duration.ZERO, null, null, true,
                        FailureKind.OTHER));
    }
}
