package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.emulator.azure.internal.StateParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * A malformed state document is refused by position: the JSON parser's own message quotes the offending token,
 * which in a state file is often a client secret or a secret value written without quotes.
 */
@DisplayName("Malformed state is refused by position, without echoing the offending token")
class MalformedStateTest {
    private static final String CLIENT_SECRET = "Xy8QclientSecretValueNotQuoted";
    private static AzureKeyVaultEmulator emulator;

    @BeforeAll
    static void start() {
        emulator = AzureKeyVaultEmulator.builder().start();
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    @DisplayName("the parser's error names line and column, not the token")
    void parserNamesThePosition() {
        String state = "{\"apps\": [{\"clientId\": \"c\",\n \"secrets\": [{\"value\": " + CLIENT_SECRET + "}]}]}";

        assertThatThrownBy(() -> StateParser.parse(state)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("state is not valid JSON (line 2, column")
                .hasMessageNotContaining(CLIENT_SECRET)
                .hasNoCause();
    }

    @Test
    @DisplayName("POST /_emulator/state answers 400 without the token")
    void adminEndpointDoesNotEchoTheToken() {
        RawHttp raw = new RawHttp(EmulatorClients.trusting(emulator.certificate()));

        RawHttp.Reply reply = raw.postJson(emulator.vaultUrl() + "/_emulator/state",
                "{\"secrets\": [{\"name\": \"s\", \"value\": " + CLIENT_SECRET + "}]}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.body()).contains("state is not valid JSON (line 1, column").doesNotContain(CLIENT_SECRET);
    }
}
