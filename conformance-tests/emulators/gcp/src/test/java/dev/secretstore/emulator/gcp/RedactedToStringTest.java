package dev.secretstore.emulator.gcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.emulator.gcp.internal.DefaultPrincipal;
import dev.secretstore.emulator.gcp.internal.HttpExchange;
import dev.secretstore.emulator.gcp.internal.StateDocument;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Records print every component by default; the ones holding keys, tokens or payloads must not. */
class RedactedToStringTest {
  private static final String KEY_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDkeymaterial";
  private static final String PEM = "-----BEGIN PRIVATE KEY-----\n" + KEY_BODY + "\n-----END PRIVATE KEY-----\n";

  @Test
  void stateDocumentLeavesPrivateKeysOut() {
    StateDocument.KeySpec key = new StateDocument.KeySpec("key-1", PEM);
    StateDocument doc = new StateDocument(false, DefaultPrincipal.BUILT_IN, List.of(),
        List.of(new StateDocument.AccountSpec("app@p.iam.gserviceaccount.com", "p", List.of(key))), List.of(),
        List.of());

    assertThat(key.toString()).contains("key-1").doesNotContain(KEY_BODY).doesNotContain("BEGIN PRIVATE KEY");
    assertThat(doc.toString()).contains("key-1").doesNotContain(KEY_BODY);
    assertThat(key.privateKeyPem()).isEqualTo(PEM);
  }

  @Test
  void httpExchangeLeavesHeadersAndBodyOut() {
    String token = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJhcHAifQ.c2lnbmF0dXJl";
    byte[] body = "{\"payload\":{\"data\":\"dG9wLXNlY3JldA==\"}}".getBytes(StandardCharsets.UTF_8);
    HttpExchange exchange = new HttpExchange("POST", "/v1/projects/p/secrets/s:addVersion",
        Map.of("access_token", List.of(token)), Map.of("authorization", "Bearer " + token), body,
        (status, type, bytes, headers) -> { });

    assertThat(exchange.toString()).contains("POST", "/v1/projects/p/secrets/s:addVersion")
        .doesNotContain(token).doesNotContain("dG9wLXNlY3JldA==");
    assertThat(exchange.header("Authorization")).isEqualTo("Bearer " + token);
  }
}
