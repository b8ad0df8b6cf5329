package dev.secretstore.support.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.spi.StoreConfig;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("RetrySettings")
class RetrySettingsTest {

    static StoreConfig config(Object retry) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("awsRegion", "us-east-1");
        if (retry != null) {
            map.put("retry", retry);
        }
        return StoreConfig.of("aws", map, List.of(RetrySettings.configField()));
    }

    static List<String> problems(Object retry) {
        return RetrySettings.validate(config(retry)).stream().map(ConfigProblem::toString).collect(Collectors.toList());
    }

    @Test
    @DisplayName("defaults: 4 attempts, 0.2 s doubling up to 5 s, 30 s in total")
    void defaults() {
        RetrySettings d = RetrySettings.defaults();
        assertThat(d.maxAttempts()).isEqualTo(4);
        assertThat(d.initialBackoff()).isEqualTo(Duration.parse("PT0.2S"));
        assertThat(d.maxBackoff()).isEqualTo(Duration.parse("PT5S"));
        assertThat(d.maxElapsed()).isEqualTo(Duration.parse("PT30S"));
        assertThat(RetrySettings.builder().build()).isEqualTo(d);
    }

    @Test
    @DisplayName("the config field is an optional object, described with its defaults")
    void field() {
        ConfigField f = RetrySettings.configField();
        assertThat(f.name()).isEqualTo("retry");
        assertThat(f.type()).isEqualTo(ConfigField.Type.OBJECT);
        assertThat(f.required()).isFalse();
        assertThat(f.secret()).isFalse();
        assertThat(f.description()).contains("maxAttempts", "PT0.2S", "PT5S", "PT30S");
    }

    @Test
    @DisplayName("an absent retry field means the defaults")
    void absent() {
        assertThat(problems(null)).isEmpty();
        assertThat(RetrySettings.from(config(null))).isEqualTo(RetrySettings.defaults());
    }

    @Test
    @DisplayName("the documented example is read as written; absent keys keep their defaults")
    void readsConfig() {
        RetrySettings s = RetrySettings.from(config(Map.of("maxAttempts", 6, "initialBackoff", "PT0.05S",
                "maxBackoff", "PT2S", "maxElapsed", "PT10S")));
        assertThat(s).isEqualTo(RetrySettings.builder().maxAttempts(6).initialBackoff(Duration.ofMillis(50))
                .maxBackoff(Duration.ofSeconds(2)).maxElapsed(Duration.ofSeconds(10)).build());

        RetrySettings partial = RetrySettings.from(config(Map.of("maxAttempts", "2")));
        assertThat(partial).isEqualTo(RetrySettings.defaults().toBuilder().maxAttempts(2).build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "11", "-1", "four", "4.5", "99999999999"})
    @DisplayName("maxAttempts out of range or not a whole number is named, without the value")
    void badAttempts(String value) {
        Object given = value.equals("4.5") ? (Object) 4.5 : value.equals("99999999999") ? (Object) 99_999_999_999L : value;
        List<String> p = problems(Map.of("maxAttempts", given));
        assertThat(p).containsExactly("retry.maxAttempts: expected a whole number from 1 to 10 (attempts in total, "
                + "the first included)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"200ms", "0.2", "PT", "P1Y", "canary-7c1e"})
    @DisplayName("a duration that is not ISO-8601 is named, and the message is the same whatever the value")
    void badDuration(String value) {
        List<String> p = problems(Map.of("initialBackoff", value));
        assertThat(p).containsExactly("retry.initialBackoff: expected an ISO-8601 duration such as PT0.2S");
    }

    @Test
    @DisplayName("a duration given as a number is refused: the unit would be a guess")
    void durationAsNumber() {
        assertThat(problems(Map.of("maxElapsed", 30))).containsExactly(
                "retry.maxElapsed: expected an ISO-8601 duration such as PT0.2S");
    }

    @Test
    @DisplayName("durations out of range are named with the range")
    void durationRanges() {
        assertThat(problems(Map.of("initialBackoff", "PT0S"))).containsExactly(
                "retry.initialBackoff: expected an ISO-8601 duration such as PT0.2S from PT0.001S to PT5M");
        assertThat(problems(Map.of("maxBackoff", "-PT1S"))).containsExactly(
                "retry.maxBackoff: expected an ISO-8601 duration such as PT0.2S from PT0.001S to PT5M");
        assertThat(problems(Map.of("maxElapsed", "PT2H"))).containsExactly(
                "retry.maxElapsed: expected an ISO-8601 duration such as PT0.2S from PT0.001S to PT1H");
        assertThat(problems(Map.of("initialBackoff", "PT10S", "maxBackoff", "PT1S"))).containsExactly(
                "retry.initialBackoff: must not be longer than retry.maxBackoff");
    }

    @Test
    @DisplayName("an unknown key is named with a did-you-mean; every problem is reported at once")
    void unknownKeys() {
        Map<String, Object> retry = new LinkedHashMap<>();
        retry.put("maxAtempts", 3);
        retry.put("jitter", "full");
        retry.put("maxBackoff", "soon");
        assertThat(problems(retry)).containsExactly(
                "retry.maxAtempts: unknown field; did you mean 'maxAttempts'?",
                "retry.jitter: unknown field; expected one of maxAttempts, initialBackoff, maxBackoff, maxElapsed",
                "retry.maxBackoff: expected an ISO-8601 duration such as PT0.2S");
    }

    @Test
    @DisplayName("a retry field that is not an object is named")
    void notAnObject() {
        assertThat(problems("PT5S")).containsExactly(
                "retry: expected an object with any of maxAttempts, initialBackoff, maxBackoff, maxElapsed");
    }

    @Test
    @DisplayName("from() refuses an invalid object with the same field-named problems")
    void fromInvalid() {
        assertThatThrownBy(() -> RetrySettings.from(config(Map.of("maxAttempts", 0))))
                .isInstanceOf(InvalidConfigException.class)
                .hasMessageContaining("retry.maxAttempts: expected a whole number from 1 to 10");
    }

    @Test
    @DisplayName("the builder applies the same ranges")
    void builderRanges() {
        assertThatThrownBy(() -> RetrySettings.builder().maxAttempts(0).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retry.maxAttempts");
        assertThatThrownBy(() -> RetrySettings.builder().initialBackoff(Duration.ofSeconds(10)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("retry.initialBackoff");
        assertThat(RetrySettings.defaults().toBuilder().maxAttempts(10).build().maxAttempts()).isEqualTo(10);
    }
}
