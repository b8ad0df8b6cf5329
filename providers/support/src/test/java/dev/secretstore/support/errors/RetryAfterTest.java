package dev.secretstore.support.errors;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("RetryAfter")
class RetryAfterTest {

    final Clock clock = Clock.fixed(Instant.parse("2015-10-21T07:28:00Z"), ZoneOffset.UTC);

    @Test
    @DisplayName("reads a number of seconds")
    void seconds() {
        assertThat(RetryAfter.parse("120", clock)).contains(Duration.ofSeconds(120));
        assertThat(RetryAfter.parse(" 0 ", clock)).contains(Duration.ZERO);
    }

    @Test
    @DisplayName("reads an HTTP-date as the time until it, zero once passed")
    void httpDate() {
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:30 GMT", clock)).contains(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:00:00 GMT", clock)).contains(Duration.ZERO);
    }

    @Test
    @DisplayName("caps what it reads at one hour")
    void capped() {
        assertThat(RetryAfter.parse("86400", clock)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("99999999999999999999", clock)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.parse("Thu, 22 Oct 2015 07:28:00 GMT", clock)).contains(RetryAfter.MAX);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "-5", "1.5", "soon", "2015-10-21T07:28:30Z"})
    @DisplayName("anything else is no hint")
    void unreadable(String value) {
        assertThat(RetryAfter.parse(value, clock)).isEmpty();
        assertThat(RetryAfter.parse(null)).isEmpty();
    }

    @Test
    @DisplayName("seconds from elsewhere (an error body) convert too; negative or NaN is no hint")
    void ofSeconds() {
        assertThat(RetryAfter.ofSeconds(1.5)).contains(Duration.ofMillis(1500));
        assertThat(RetryAfter.ofSeconds(1e12)).contains(RetryAfter.MAX);
        assertThat(RetryAfter.ofSeconds(-1)).isEmpty();
        assertThat(RetryAfter.ofSeconds(Double.NaN)).isEmpty();
    }
}
