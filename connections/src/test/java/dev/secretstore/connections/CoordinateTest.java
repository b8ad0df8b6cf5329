package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.SecretName;
import java.util.UUID;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Coordinates: airbyte_<scope type>_<scope id>_secret_<uuid>_v<n>")
class CoordinateTest {

    private static final UUID ID = UUID.fromString("5f3c2b1a-0e9d-4c8b-a7f6-e5d4c3b2a190");

    @Test
    @DisplayName("workspace and organization coordinates, their next versions, and parsing back")
    void shape() {
        SecretCoordinate ws = SecretCoordinate.of(SecretScope.workspace("0d8f3c1e-6a5b-4c2d-9e8f-7a6b5c4d3e2f"), ID, 1);
        assertThat(ws).hasToString("airbyte_workspace_0d8f3c1e-6a5b-4c2d-9e8f-7a6b5c4d3e2f_secret_" + ID + "_v1");
        assertThat(ws.next()).hasToString("airbyte_workspace_0d8f3c1e-6a5b-4c2d-9e8f-7a6b5c4d3e2f_secret_" + ID + "_v2");
        SecretCoordinate org = SecretCoordinate.of(SecretScope.organization("acme"), ID, 12);
        assertThat(org).hasToString("airbyte_organization_acme_secret_" + ID + "_v12");
        assertThat(SecretCoordinate.parse(org.toString())).contains(org);
        assertThat(SecretCoordinate.parse(ws.next().toString())).contains(ws.next());
        assertThat(SecretName.isValid(ws.toString())).isTrue();
    }

    @Test
    @DisplayName("anything else is not a managed coordinate")
    void notManaged() {
        assertThat(SecretCoordinate.parse("team/ads/token")).isEmpty();
        assertThat(SecretCoordinate.parse("airbyte_workspace_w_secret_" + ID + "_v0")).isEmpty();
        assertThat(SecretCoordinate.parse("airbyte_project_w_secret_" + ID + "_v1")).isEmpty();
        assertThat(SecretCoordinate.parse("airbyte_workspace_w_x_secret_" + ID + "_v1")).isEmpty();
        assertThat(SecretReference.fromJson(Json.parse("{\"_secret\": \"airbyte_workspace_w_secret_" + ID + "_v1\","
                + " \"_secret_external\": true}")).orElseThrow().isManaged()).as("marked external").isFalse();
        assertThat(SecretReference.fromJson(Json.parse("{\"_secret\": \"x\", \"other\": 1}"))).as("not only reference fields").isEmpty();
    }

    @Test
    @DisplayName("scopes: ids are UUIDs or slugs, parsed from workspace:<id> or organization:<id>")
    void scopes() {
        assertThat(SecretScope.parse("organization:acme-eu")).isEqualTo(SecretScope.organization("acme-eu"));
        assertThat(SecretScope.parse("workspace:ws-1")).hasToString("workspace:ws-1");
        assertThatThrownBy(() -> SecretScope.workspace("a_b")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretScope.parse("project:x")).isInstanceOf(IllegalArgumentException.class);
    }
}
