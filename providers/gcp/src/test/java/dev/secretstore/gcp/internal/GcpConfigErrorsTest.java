package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretStores;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every malformed GCP config is refused with the field named and no part of a key quoted. No emulator needed. */
@DisplayName("gcp config errors")
class GcpConfigErrorsTest {

    /** Looks like key material; must never be echoed. */
    static final String CANARY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQCcanary";
    static final String GOOD_KEY = "{\"type\":\"service_account\",\"project_id\":\"my-project\",\"private_key_id\":\"abc\","
            + "\"private_key\":\"-----BEGIN PRIVATE KEY-----\\n" + CANARY + "\\n-----END PRIVATE KEY-----\\n\","
            + "\"client_email\":\"sa@my-project.iam.gserviceaccount.com\",\"client_id\":\"1\"}";

    static Map<String, Object> base() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("provider", "gcp");
        c.put("auth_type", "SERVICE_ACCOUNT_KEY");
        c.put("projectId", "my-project");
        c.put("credentialsJson", GOOD_KEY);
        return c;
    }

    static Map<String, Object> with(Consumer<Map<String, Object>> change) {
        Map<String, Object> c = base();
        change.accept(c);
        return c;
    }

    static Stream<Arguments> malformed() {
        return Stream.of(
                Arguments.of("projectId", with(c -> c.remove("projectId"))),
                Arguments.of("projectId", with(c -> c.put("projectId", "My Project"))),
                Arguments.of("auth_type", with(c -> c.put("auth_type", "API_KEY"))),
                Arguments.of("labelKey", with(c -> c.put("labelKey", "Airbyte-Managed"))),
                Arguments.of("credentialsJson", with(c -> c.remove("credentialsJson"))),
                Arguments.of("credentialsJson", with(c -> c.put("credentialsJson", "{\"private_key\": \"" + CANARY))),
                Arguments.of("credentialsJson", with(c -> c.put("credentialsJson", CANARY))),
                Arguments.of("credentialsJson", with(c -> c.put("credentialsJson",
                        GOOD_KEY.replace("service_account", "authorized_user")))),
                Arguments.of("credentialsJson", with(c -> c.put("credentialsJson",
                        GOOD_KEY.replace("\"client_email\"", "\"client_mail\"")))),
                Arguments.of("credentialsJson", with(c -> {
                    c.put("auth_type", "WORKLOAD_IDENTITY");
                })),
                Arguments.of("endpoint", with(c -> c.put("endpoint", "http://127.0.0.1:8080"))),
                Arguments.of("endpoint", with(c -> c.put("endpoint", "not a host"))),
                Arguments.of("region", with(c -> c.put("region", "Europe West"))),
                Arguments.of("namePrefix", with(c -> c.put("namePrefix", "air/byte"))),
                Arguments.of("readConcurrency", with(c -> c.put("readConcurrency", 0))),
                Arguments.of("readRate", with(c -> c.put("readRate", 0))),
                Arguments.of("readRate", with(c -> c.put("readRate", 10_001))),
                Arguments.of("readRate", with(c -> c.put("readRate", "fast"))),
                Arguments.of("readRate", with(c -> c.put("readRate", 2.5))),
                Arguments.of("retry.maxAttempts", with(c -> c.put("retry", Map.of("maxAttempts", 0)))),
                Arguments.of("retry.initialBackof", with(c -> c.put("retry", Map.of("initialBackof", "PT1S")))),
                Arguments.of("retry.maxBackoff", with(c -> c.put("retry", Map.of("maxBackoff", "5 seconds")))),
                Arguments.of("caCertificateFile", with(c -> c.put("caCertificateFile", "/nonexistent/ca.pem"))),
                // Key material pasted into the wrong field, or under a misspelled name, is not quoted either.
                Arguments.of("projectId", with(c -> c.put("projectId", GOOD_KEY))),
                Arguments.of("labelKey", with(c -> c.put("labelKey", CANARY))),
                Arguments.of("endpoint", with(c -> c.put("endpoint", GOOD_KEY))),
                Arguments.of("namePrefix", with(c -> c.put("namePrefix", GOOD_KEY))),
                Arguments.of("credentialJson", with(c -> c.put("credentialJson", c.remove("credentialsJson")))),
                Arguments.of("credentialsJson", base()));
    }

    @ParameterizedTest(name = "{0}: {index}")
    @MethodSource("malformed")
    @DisplayName("a malformed config names the field and quotes no part of the key")
    void refusedWithTheFieldNamed(String field, Map<String, Object> config) {
        InvalidConfigException e = catchThrowableOfType(() -> SecretStores.open(config).close(),
                InvalidConfigException.class);

        assertThat(e).as("opening %s", field).isNotNull();
        assertThat(e.problems()).extracting(ConfigProblem::field).contains(field);
        assertThat(e.getMessage()).doesNotContain(CANARY).doesNotContain("BEGIN PRIVATE KEY");
        assertThat(String.valueOf(e.problems())).doesNotContain(CANARY);
        for (Throwable t = e; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(CANARY);
        }
    }

    @Test
    @DisplayName("a config is recognised as gcp by its shape, without a provider field")
    void recognisedByShape() {
        Map<String, Object> c = base();
        c.remove("provider");
        InvalidConfigException e = catchThrowableOfType(() -> SecretStores.open(c).close(), InvalidConfigException.class);
        // The well-formed but fake key reaches the key parser: refused there, as gcp's, field named.
        assertThat(e.provider()).isEqualTo("gcp");
        assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly("credentialsJson");
    }

    @Test
    @DisplayName("the key is a secret field: it never appears in the config's description")
    void keyIsSecret() {
        assertThat(new dev.secretstore.gcp.GcpSecretStoreProvider().configFields())
                .filteredOn(f -> f.name().equals("credentialsJson")).singleElement()
                .satisfies(f -> assertThat(f.secret()).isTrue());
        assertThat(List.of("SERVICE_ACCOUNT_KEY", "WORKLOAD_IDENTITY")).allMatch(t -> new dev.secretstore.gcp
                .GcpSecretStoreProvider().configFields().get(0).allowedValues().contains(t));
    }

    @Test
    @DisplayName("readRate is optional: absent means 750 AccessSecretVersion calls a second, 1-10000 accepted")
    void readRateDefaultsAndRange() {
        List<dev.secretstore.ConfigField> fields = GcpConfigFields.fields();
        assertThat(GcpStoreSettings.from(dev.secretstore.spi.StoreConfig.of(base(), fields)).readRate()).isEqualTo(750);
        assertThat(GcpConfigFields.validate(dev.secretstore.spi.StoreConfig.of(with(c -> c.put("readRate", 1)), fields)))
                .extracting(ConfigProblem::field).doesNotContain("readRate");
        assertThat(GcpConfigFields.validate(dev.secretstore.spi.StoreConfig.of(
                with(c -> c.put("readRate", 10_000)), fields)))
                .extracting(ConfigProblem::field).doesNotContain("readRate");
    }
}
