package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.emulator.aws.AwsSecretsManagerEmulator;
import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.emulator.aws.Fault;
import dev.secretstore.emulator.aws.SecretSeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Hydration through the AWS provider (official SDK, real socket) against the AWS emulator, whose request log
 * counts what the service would bill: BatchGetSecretValue takes at most 20 secrets a call.
 */
@DisplayName("Against the AWS emulator: 1,000 configs of 3 secrets hydrate in ⌈3,000 / 20⌉ = 150 BatchGetSecretValue calls")
class AwsEmulatorHydrationTest {

    private static final SecretScope SCOPE = SecretScope.workspace("ws-aws");
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    @Test
    @DisplayName("batched across configs, at 5 ms latency per call, and not one GetSecretValue")
    void thousandConfigs() {
        try (AwsSecretsManagerEmulator emulator = AwsSecretsManagerEmulator.builder().port(0).build().start()) {
            List<JsonNode> saved = new ArrayList<>();
            List<JsonNode> full = new ArrayList<>();
            for (int i = 0; i < 1000; i++) {
                ObjectNode sanitised = JSON.objectNode().put("host", "db-" + i);
                ObjectNode expected = JSON.objectNode().put("host", "db-" + i);
                for (String field : List.of("password", "client_secret", "refresh_token")) {
                    SecretCoordinate coordinate = SecretCoordinate.of(SCOPE, UUID.randomUUID(), 1);
                    String value = field + "-" + i;
                    // Planted as secretstore would have written them: managed tag, coordinate names.
                    emulator.plantSecret(SecretSeed.builder(coordinate.toString()).secretString(value)
                            .tag("AirbyteManaged", "true").build());
                    sanitised.set(field, SecretReference.managed(coordinate, null, false).toJson());
                    expected.put(field, value);
                }
                saved.add(sanitised);
                full.add(expected);
            }
            try (SecretStore store = SecretStores.open(config(emulator))) {
                ConnectionSecrets secrets = ConnectionSecrets.of(store);
                emulator.setFault("BatchGetSecretValue", Fault.latency(Duration.ofMillis(5)));
                Map<String, Long> before = emulator.requestCounts();
                List<JsonNode> hydrated = secrets.hydrateAll(saved);
                Map<String, Long> after = emulator.requestCounts();

                assertThat(hydrated).isEqualTo(full);
                assertThat(delta(before, after, "BatchGetSecretValue")).isEqualTo((3000 + 19) / 20);
                assertThat(delta(before, after, "GetSecretValue")).isZero();

                long one = emulator.requestCount("BatchGetSecretValue");
                assertThat(secrets.hydrate(saved.get(42))).isEqualTo(full.get(42));
                assertThat(emulator.requestCount("BatchGetSecretValue") - one).as("one config, 3 secrets").isEqualTo(1);
            }
        }
    }

    private static long delta(Map<String, Long> before, Map<String, Long> after, String operation) {
        return after.getOrDefault(operation, 0L) - before.getOrDefault(operation, 0L);
    }

    private static Map<String, Object> config(AwsSecretsManagerEmulator emulator) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("provider", "aws");
        config.put("auth_type", "ACCESS_KEY");
        config.put("awsAccessKey", DefaultIdentity.ADMIN_ACCESS_KEY_ID);
        config.put("awsSecretAccessKey", DefaultIdentity.ADMIN_SECRET_ACCESS_KEY);
        config.put("awsRegion", DefaultIdentity.REGION);
        config.put("endpoint", emulator.endpoint().toString());
        config.put("tagKey", "AirbyteManaged");
        return config;
    }
}
