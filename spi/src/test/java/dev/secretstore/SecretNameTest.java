package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("SecretName")
class SecretNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "db/password", "a.b_c-d/e9",
            "airbyte_workspace_5f3b1c9e-6a4d-4e2b-9f00-1c2d3e4f5a6b_secret_0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9_v1"})
    @DisplayName("accepts portable names")
    void accepts(String name) {
        assertThat(SecretName.of(name).value()).isEqualTo(name);
        assertThat(SecretName.isValid(name)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is rejected: {1}")
    @CsvSource(delimiter = '|', value = {
            "''|must not be empty",
            "has space|position 4 (a space)",
            "pass$word|position 5 ('$')",
            "-leading|must start with a letter or digit",
            "trailing/|must end with a letter or digit",
            "a//b|must not contain '//'",
            "a..b|must not contain '..'",
            "é|position 1"})
    @DisplayName("rejects names and says which rule")
    void rejects(String name, String rule) {
        assertThatThrownBy(() -> SecretName.of(name)).isInstanceOf(InvalidSecretNameException.class)
                .hasMessageContaining(rule);
    }

    @Test
    @DisplayName("allows 255 characters and rejects 256")
    void length() {
        assertThat(SecretName.of("a".repeat(255)).value()).hasSize(255);
        assertThatThrownBy(() -> SecretName.of("a".repeat(256))).isInstanceOf(InvalidSecretNameException.class)
                .hasMessageContaining("at most 255");
    }

    @Test
    @DisplayName("rejects null")
    void rejectsNull() {
        assertThatThrownBy(() -> SecretName.of(null)).isInstanceOf(InvalidSecretNameException.class);
    }

    @Test
    @DisplayName("compares by value and prints as the name")
    void valueSemantics() {
        assertThat(SecretName.of("a_b")).isEqualTo(SecretName.of("a_b")).isNotEqualTo(SecretName.of("a-b"));
        assertThat(SecretName.of("a").compareTo(SecretName.of("b"))).isNegative();
        assertThat(SecretName.of("db/x")).hasToString("db/x");
    }
}
