package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Masking replaces every secret and every reference with **********")
class MaskingTest {

    @Test
    @DisplayName("secret values of the chosen oneOf branch, and references anywhere, are masked; the rest is untouched")
    void masks() {
        JsonNode spec = Json.resource("specs/source-postgres.json");
        JsonNode config = Json.parse("""
                {"host": "db", "port": 5432, "database": "app", "username": "u", "password": "hunter2",
                 "jdbc_url_params": {"_secret": "airbyte_workspace_w_secret_00000000-0000-4000-8000-000000000000_v3"},
                 "tunnel_method": {"tunnel_method": "SSH_KEY_AUTH", "tunnel_host": "b", "tunnel_port": 22, "tunnel_user": "j",
                                   "ssh_key": "-----BEGIN OPENSSH PRIVATE KEY-----"}}""");
        assertThat(ConfigMasker.mask(spec, config)).isEqualTo(Json.parse("""
                {"host": "db", "port": 5432, "database": "app", "username": "u", "password": "**********",
                 "jdbc_url_params": "**********",
                 "tunnel_method": {"tunnel_method": "SSH_KEY_AUTH", "tunnel_host": "b", "tunnel_port": 22, "tunnel_user": "j",
                                   "ssh_key": "**********"}}"""));
        assertThat(config.get("password").textValue()).as("the input is not changed").isEqualTo("hunter2");
    }

    @Test
    @DisplayName("a config matching no branch has the secret fields of every branch masked")
    void noBranchMatches() {
        JsonNode spec = Json.resource("specs/source-postgres.json");
        JsonNode config = Json.parse("""
                {"tunnel_method": {"tunnel_method": "SOMETHING_NEW", "ssh_key": "k", "tunnel_user_password": "p"}}""");
        JsonNode masked = ConfigMasker.mask(spec, config);
        assertThat(masked.at("/tunnel_method/ssh_key").textValue()).isEqualTo("**********");
        assertThat(masked.at("/tunnel_method/tunnel_user_password").textValue()).isEqualTo("**********");
    }
}
