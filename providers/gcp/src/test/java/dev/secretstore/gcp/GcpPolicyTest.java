package dev.secretstore.gcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretStores;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The printed least-privilege setup; the emulator fixtures grant exactly what it prints (see EmulatorWorld). */
@DisplayName("gcp policy")
class GcpPolicyTest {

    @Test
    @DisplayName("prints gcloud commands granting the admin role with a name-prefix condition on the project number")
    void globalSecrets() {
        String text = SecretStores.recommendedPolicy("gcp", Map.of("project", "my-project",
                "service-account", "airbyte@my-project.iam.gserviceaccount.com", "name-prefix", "airbyte_")).orElseThrow();

        assertThat(text).contains("PROJECT_NUMBER=\"$(gcloud projects describe my-project --format='value(projectNumber)')\"")
                .contains("gcloud services enable secretmanager.googleapis.com --project my-project")
                .contains("gcloud projects add-iam-policy-binding my-project \\")
                .contains("--member=serviceAccount:airbyte@my-project.iam.gserviceaccount.com \\")
                .contains("--role=roles/secretmanager.admin \\")
                .contains("--condition=\"expression=resource.name.startsWith(\\\"projects/${PROJECT_NUMBER}/secrets/airbyte_\\\")"
                        + " || (resource.type == \\\"cloudresourcemanager.googleapis.com/Project\\\""
                        + " && resource.name == \\\"projects/${PROJECT_NUMBER}\\\"),title=secretstore airbyte_,")
                .contains("\"namePrefix\": \"airbyte_\"");
    }

    @Test
    @DisplayName("regional secrets: the condition names the location, and the config the region")
    void regionalSecrets() {
        String text = SecretStores.recommendedPolicy("gcp", Map.of("project", "my-project",
                "service-account", "airbyte@my-project.iam.gserviceaccount.com", "name-prefix", "ab-",
                "region", "europe-west4")).orElseThrow();

        assertThat(text).contains("projects/${PROJECT_NUMBER}/locations/europe-west4/secrets/ab-")
                .contains("secretmanager.googleapis.com/Location")
                .contains("\"region\": \"europe-west4\"");
    }

    @Test
    @DisplayName("the name prefix defaults to airbyte_")
    void defaultPrefix() {
        String text = SecretStores.recommendedPolicy("gcp", Map.of("project", "my-project",
                "service-account", "airbyte@my-project.iam.gserviceaccount.com")).orElseThrow();

        assertThat(text).contains("/secrets/airbyte_");
    }

    static Stream<Arguments> malformedOptions() {
        return Stream.of(
                Arguments.of("project", "my-project; touch pwned"),
                Arguments.of("project", "123456789012"),
                Arguments.of("name-prefix", "air\"byte"),
                Arguments.of("name-prefix", "$(touch pwned)"),
                Arguments.of("region", "Europe West"),
                Arguments.of("service-account", "sa@p.iam.gserviceaccount.com --role=roles/owner"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("malformedOptions")
    @DisplayName("an option the store config would refuse is refused by name, never printed into the shell commands")
    void malformedOptionsRefused(String option, String value) {
        Map<String, String> options = new LinkedHashMap<>(Map.of("project", "my-project",
                "service-account", "airbyte@my-project.iam.gserviceaccount.com", "name-prefix", "airbyte_"));
        options.put(option, value);

        InvalidConfigException e = catchThrowableOfType(() -> SecretStores.recommendedPolicy("gcp", options),
                InvalidConfigException.class);

        assertThat(e).as("policy with a malformed %s", option).isNotNull();
        assertThat(e.problems()).extracting(ConfigProblem::field).containsExactly(option);
        assertThat(e.getMessage()).doesNotContain(value);
    }
}
