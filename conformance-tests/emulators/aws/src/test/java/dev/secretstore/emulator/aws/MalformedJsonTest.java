package dev.secretstore.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.emulator.aws.internal.control.StateDocument;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Malformed state and admin bodies are refused by position: the JSON parser's own message quotes the offending
 * token, which in these documents is often a secret access key or a secret value written without quotes.
 */
class MalformedJsonTest {
    private static final String KEY = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";
    private static AwsSecretsManagerEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().build().start();
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    void stateFileErrorNamesThePositionNotTheToken() {
        String state = "{\"accounts\": [{\"id\": \"123456789012\", \"users\": [{\"name\": \"carol\",\n"
                + "  \"accessKeys\": [{\"accessKeyId\": \"AKIACAROL00000000001\", \"secretAccessKey\": " + KEY + "}]}]}]}";

        assertThatThrownBy(() -> StateDocument.parse(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state is not valid JSON (line 2, column")
                .hasMessageNotContaining(KEY);
    }

    @Test
    void adminEndpointRefusesMalformedBodiesWithoutEchoingThem() {
        AdminHttp.Reply state = AdminHttp.call(emulator.endpoint(), "POST", "state",
                "{\"accounts\": [{\"users\": [{\"accessKeys\": [{\"secretAccessKey\": " + KEY + "}]}]}]}");
        AdminHttp.Reply secret = AdminHttp.call(emulator.endpoint(), "POST", "secrets",
                "{\"name\": \"planted\", \"secretString\": " + KEY + "}");
        AdminHttp.Reply fault = AdminHttp.call(emulator.endpoint(), "PUT", "faults/GetSecretValue",
                "{\"kind\": " + KEY + "}");

        assertThat(state.status()).isEqualTo(400);
        assertThat(state.body()).contains("state is not valid JSON (line 1, column").doesNotContain(KEY);
        assertThat(secret.status()).isEqualTo(400);
        assertThat(secret.body()).contains("secret is not valid JSON (line 1, column").doesNotContain(KEY);
        assertThat(fault.status()).isEqualTo(400);
        assertThat(fault.body()).contains("body is not valid JSON (line 1, column").doesNotContain(KEY);
    }
}
