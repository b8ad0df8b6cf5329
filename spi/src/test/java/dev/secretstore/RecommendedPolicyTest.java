package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.testing.PolicyProvider;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("SecretStores.recommendedPolicy")
class RecommendedPolicyTest {

    @Test
    @DisplayName("hands the checked options to the provider and returns its text")
    void returnsProviderText() {
        assertThat(SecretStores.recommendedPolicy("policy-test", Map.of("tag-key", "Team")))
                .hasValue("allow if tag Team=true");
        assertThat(SecretStores.policyOptions("policy-test")).extracting(ConfigField::name)
                .containsExactly("tag-key", "kms-key-arn");
    }

    @Test
    @DisplayName("an unknown option is refused with a did-you-mean, a missing required one is named; no value quoted")
    void refusesBadOptions() {
        assertThatThrownBy(() -> SecretStores.recommendedPolicy("policy-test", Map.of("tag-kee", "hunter2")))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("tag-kee").hasMessageContaining("tag-key")
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> SecretStores.recommendedPolicy("policy-test", Map.of()))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("tag-key");
    }

    @Test
    @DisplayName("a provider without a recommendation returns empty; an unknown provider is 'no such provider'")
    void emptyAndUnknown() {
        assertThat(SecretStores.recommendedPolicy("memory", Map.of())).isEmpty();
        assertThatThrownBy(() -> SecretStores.recommendedPolicy("nope", Map.of()))
                .isInstanceOf(NoSuchProviderException.class).hasMessageStartingWith("no such provider: nope");
    }

    @Test
    @DisplayName("the provider's text is produced without opening a store")
    void opensNothing() {
        int before = PolicyProvider.opens();
        SecretStores.recommendedPolicy("policy-test", Map.of("tag-key", "Team"));
        assertThat(PolicyProvider.opens()).isEqualTo(before);
    }
}
