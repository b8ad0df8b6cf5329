package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.VerificationStep.Status;
import dev.secretstore.spi.VerificationStepKind;
import dev.secretstore.testing.InMemorySpi;
import dev.secretstore.testing.MemoryProvider;
import java.util.Map;
import java.util.Optional;
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
        assertThat(create.detail()).hasValueSatisfying(d -> assertThat(d).contains("denied"));
        assertThat(create.remediation()).hasValueSatisfying(r ->
                assertThat(r).startsWith("the credentials lack permission for create: check the policy/role assignment"));
        assertThat(report.steps().subList(1, 4)).allSatisfy(s -> assertThat(s.status()).isEqualTo(Status.SKIPPED));
    }

    @Test
    @DisplayName("a denied delete is a warning, not a failure, and names the secret left behind")
    void deleteDenied() {
        SecretStore store = SecretStores.open(new MemoryProvider(new InMemorySpi().denyDeletes()), Map.of());
        VerificationReport report = store.verify();
        assertThat(report.passed()).isTrue();
        VerificationStep delete = report.steps().get(3);
        assertThat(delete.status()).isEqualTo(Status.WARNING);
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
}
