package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("a decorator field without its module")
class DecoratorFieldTest {

    @Test
    @DisplayName("'cache' without secretstore-cache on the class path names the artifact to add, and quotes nothing")
    void cacheWithoutModule() {
        assertThatThrownBy(() -> SecretStores.open(Map.of("provider", "memory", "cache", Map.of("ttl", "hunter2"))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("cache")
                .hasMessageContaining("dev.secretstore:secretstore-cache")
                .hasMessageNotContaining("hunter2");
    }

    @Test
    @DisplayName("another undeclared field stays an unknown-field error")
    void otherFieldsStayUnknown() {
        assertThatThrownBy(() -> SecretStores.open(Map.of("provider", "memory", "cahce", Map.of())))
                .isInstanceOf(InvalidConfigException.class).hasMessageContaining("cahce");
    }
}
