package dev.secretstore.cli.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("A failed kit test's reason on the command line")
class FailureReasonTest {

    @Test
    @DisplayName("keeps the whole AssertJ message: description, expectation and actual value")
    void wholeMessage() {
        AssertionError failure = new AssertionError("[value read back from a/b] \nexpected: \"v1\"\n but was: \"v2\"");

        assertThat(FailureReason.of(failure, Set.of()))
                .isEqualTo("AssertionError: [value read back from a/b]\nexpected: \"v1\"\n but was: \"v2\"");
    }

    @Test
    @DisplayName("masks every credential, the longer of two overlapping ones whole")
    void masksCredentials() {
        AssertionError failure = new AssertionError("expected: \"x\"\n but was: \"token-123-extended\" near token-123");

        assertThat(FailureReason.of(failure, List.of("token-123", "token-123-extended")))
                .isEqualTo("AssertionError: expected: \"x\"\n but was: \"***\" near ***");
    }

    @Test
    @DisplayName("masks a credential printed as a byte array, in Base64 or in hex")
    void masksEncodedCredentials() {
        AssertionError failure = new AssertionError("expected: [1, 2]\n but was: [116, 111, 107, 101, 110]"
                + "\n(dG9rZW4, 746f6b656e, 746F6B656E)");

        assertThat(FailureReason.of(failure, Set.of("token")))
                .isEqualTo("AssertionError: expected: [1, 2]\n but was: [***]\n(***, ***, ***)");
    }

    @Test
    @DisplayName("is bounded in lines and characters, says what was left out, and cuts an over-long line instead of dropping it")
    void bounded() {
        String manyLines = String.join("\n", java.util.Collections.nCopies(40, "line"));
        String reason = FailureReason.of(new AssertionError(manyLines), Set.of());
        assertThat(reason.lines()).hasSize(FailureReason.MAX_LINES + 1);
        assertThat(reason).endsWith("... (24 more line(s); the JUnit XML report has the rest)");

        String huge = FailureReason.of(new AssertionError("but was: \"" + "x".repeat(10_000) + "\""), Set.of());
        assertThat(huge).startsWith("AssertionError: but was: \"xxx").hasSizeLessThan(FailureReason.MAX_CHARS + 80)
                .endsWith("... (cut; the JUnit XML report has the rest)");
    }
}
