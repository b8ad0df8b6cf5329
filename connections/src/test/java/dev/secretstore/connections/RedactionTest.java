package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("No secret value appears in any toString, message or report")
class RedactionTest {

    private static final String CANARY = "canary-7f3e9a1c";
    private static final JsonNode SPEC = Json.resource("specs/source-salesforce.json");
    private static final SecretScope SCOPE = SecretScope.workspace("ws-r");

    @Test
    @DisplayName("split results, prepared updates, hydration and config errors, sweep reports")
    void canaryNeverPrinted() {
        JsonNode config = Json.parse("""
                {"client_id": "id", "client_secret": "%1$s-a", "refresh_token": "%1$s-b"}""".formatted(CANARY));
        List<String> printed = new ArrayList<>();
        SplitConfig split = SecretSplitter.split(SPEC, config, SCOPE);
        printed.add(split.toString());
        split.secrets().forEach(s -> printed.add(s.toString()));
        MemoryProvider memory = MemoryProvider.withTags();
        try (SecretStore store = memory.open()) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            JsonNode saved = secrets.create(SPEC, config, SCOPE);
            printed.add(saved.toString());
            PreparedUpdate update = secrets.prepareUpdate(SPEC, saved, Json.parse("""
                    {"client_id": "id", "client_secret": "%1$s-c", "refresh_token": "%1$s-b"}""".formatted(CANARY)), SCOPE);
            printed.add(update.toString());
            printed.add(update.config().toString());
            store.delete(SecretName.of(saved.at("/refresh_token/_secret").textValue()));
            Throwable hydration = catchThrowable(() -> secrets.hydrate(saved));
            assertThat(hydration).isInstanceOf(HydrationException.class);
            printed.add(hydration.getMessage());
            printed.add(hydration.toString());
            Throwable mask = catchThrowable(() -> secrets.prepareUpdate(SPEC, Json.parse("{}"), Json.parse("""
                    {"client_id": "%s", "client_secret": "**********", "refresh_token": "**********"}""".formatted(CANARY)), SCOPE));
            assertThat(mask).isInstanceOf(ConnectionConfigException.class);
            printed.add(mask.getMessage());
            printed.addAll(secrets.sweeper(null, Duration.ZERO).sweep(Set.of(), true).lines());
        }
        assertThat(printed).isNotEmpty().allSatisfy(text -> assertThat(text).doesNotContain(CANARY));
    }
}
