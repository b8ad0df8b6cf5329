package dev.secretstore.connections;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.SecretStore;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("Real connector spec shapes: the right fields become references, and hydration gives the config back")
class ConnectorSpecFixturesTest {

    private static final SecretScope SCOPE = SecretScope.workspace("0d8f3c1e-6a5b-4c2d-9e8f-7a6b5c4d3e2f");
    private static final Pattern COORDINATE = Pattern.compile(
            "airbyte_workspace_0d8f3c1e-6a5b-4c2d-9e8f-7a6b5c4d3e2f_secret_[0-9a-f-]{36}_v1");

    @TempDir
    Path tmp;
    SecretStore store;
    ConnectionSecrets secrets;

    @BeforeEach
    void open() {
        store = LocalStores.open(tmp);
        secrets = ConnectionSecrets.of(store);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    @DisplayName("Postgres, SSH password tunnel and verify-ca SSL: the secrets of the chosen branches only")
    void postgresPasswordTunnel() {
        JsonNode config = Json.parse("""
                {"host": "db.internal", "port": 5432, "database": "app", "schemas": ["public"], "username": "airbyte",
                 "password": "pg-pass-1",
                 "ssl_mode": {"mode": "verify-ca", "ca_certificate": "-----BEGIN CERTIFICATE-----\\nMIIB", "client_certificate": "cert-not-secret",
                              "client_key": "-----BEGIN PRIVATE KEY-----\\nMIIE", "client_key_password": "key-pass"},
                 "replication_method": {"method": "CDC", "replication_slot": "slot", "publication": "pub"},
                 "tunnel_method": {"tunnel_method": "SSH_PASSWORD_AUTH", "tunnel_host": "bastion", "tunnel_port": 22,
                                   "tunnel_user": "jump", "tunnel_user_password": "tunnel-pass"}}""");
        assertSecretsAt("source-postgres", config, "$.password", "$.ssl_mode.ca_certificate", "$.ssl_mode.client_key",
                "$.ssl_mode.client_key_password", "$.tunnel_method.tunnel_user_password");
    }

    @Test
    @DisplayName("Postgres, SSH key tunnel and SSL disabled: the key is secret, the other branches' fields are absent")
    void postgresKeyTunnel() {
        JsonNode config = Json.parse("""
                {"host": "db.internal", "port": 5432, "database": "app", "username": "airbyte", "password": "pg-pass-2",
                 "ssl_mode": {"mode": "disable"},
                 "tunnel_method": {"tunnel_method": "SSH_KEY_AUTH", "tunnel_host": "bastion", "tunnel_port": 22,
                                   "tunnel_user": "jump", "ssh_key": "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3Bl"}}""");
        assertSecretsAt("source-postgres", config, "$.password", "$.tunnel_method.ssh_key");
    }

    @Test
    @DisplayName("Postgres without a tunnel and without a password: nothing to write")
    void postgresNoSecrets() {
        JsonNode config = Json.parse("""
                {"host": "db.internal", "port": 5432, "database": "app", "username": "airbyte",
                 "tunnel_method": {"tunnel_method": "NO_TUNNEL"}}""");
        assertSecretsAt("source-postgres", config);
    }

    @Test
    @DisplayName("S3 destination: both keys secret, the format oneOf holds none")
    void s3() {
        JsonNode config = Json.parse("""
                {"access_key_id": "AKIAEXAMPLEKEY000001", "secret_access_key": "s3-secret-access-key",
                 "s3_bucket_name": "lake", "s3_bucket_path": "raw", "s3_bucket_region": "eu-west-1",
                 "format": {"format_type": "Parquet", "compression_codec": "SNAPPY", "page_size_kb": 1024}}""");
        assertSecretsAt("destination-s3", config, "$.access_key_id", "$.secret_access_key");
    }

    @Test
    @DisplayName("Google Ads OAuth block: developer token, client secret, refresh and access tokens, not the client id")
    void googleAdsOauth() {
        JsonNode config = Json.parse("""
                {"credentials": {"developer_token": "dev-token", "client_id": "1234.apps.googleusercontent.com",
                                 "client_secret": "GOCSPX-secret", "refresh_token": "1//refresh", "access_token": "ya29.access"},
                 "customer_id": "1234567890", "start_date": "2024-01-01",
                 "custom_queries_array": [{"query": "SELECT campaign.id FROM campaign", "table_name": "campaigns"}]}""");
        assertSecretsAt("source-google-ads", config, "$.credentials.developer_token", "$.credentials.client_secret",
                "$.credentials.refresh_token", "$.credentials.access_token");
    }

    @Test
    @DisplayName("Salesforce OAuth at the top level: client secret and refresh token")
    void salesforceOauth() {
        JsonNode config = Json.parse("""
                {"is_sandbox": false, "auth_type": "Client", "client_id": "3MVG9-client", "client_secret": "sf-secret",
                 "refresh_token": "5Aep-refresh", "start_date": "2024-01-01T00:00:00Z",
                 "streams_criteria": [{"criteria": "starts with", "value": "Account"}]}""");
        assertSecretsAt("source-salesforce", config, "$.client_secret", "$.refresh_token");
    }

    @Test
    @DisplayName("Arrays of objects, anyOf branches per element, $ref items, arrays of secrets and additional properties")
    void arraysAndAdditionalProperties() {
        JsonNode config = Json.parse("""
                {"base_url": "https://api.example.com",
                 "accounts": [
                   {"account_id": "a1", "auth": {"auth_type": "api_key", "api_key": "key-one"}},
                   {"account_id": "a2", "auth": {"auth_type": "basic", "username": "u2", "password": "pass-two"}}],
                 "request_headers": [{"name": "X-Api-Key", "value": "header-one"}, {"name": "X-Tenant", "value": "header-two"}],
                 "fallback_tokens": ["token-one", "token-two"],
                 "extra_credentials": {"warehouse": "wh-secret", "signing key": "sign-secret"},
                 "labels": {"team": "data"}}""");
        assertSecretsAt("source-http-api", config, "$.accounts[0].auth.api_key", "$.accounts[1].auth.password",
                "$.request_headers[0].value", "$.request_headers[1].value", "$.fallback_tokens[0]",
                "$.fallback_tokens[1]", "$.extra_credentials.warehouse", "$.extra_credentials['signing key']");
    }

    private void assertSecretsAt(String spec, JsonNode config, String... expectedPaths) {
        JsonNode specNode = Json.resource("specs/" + spec + ".json");
        SplitConfig split = SecretSplitter.split(specNode, config, SCOPE);
        assertThat(split.secrets()).extracting(s -> s.path().toString()).containsExactlyInAnyOrder(expectedPaths);
        for (PendingSecret secret : split.secrets()) {
            assertThat(secret.coordinate().toString()).matches(COORDINATE);
            assertThat(secret.path().find(split.sanitised())).isEqualTo(secret.reference().toJson());
        }
        List<String> values = split.secrets().stream().map(s -> s.value().text()).toList();
        assertThat(values).containsExactlyInAnyOrderElementsOf(
                List.of(expectedPaths).stream().map(p -> textAt(config, p)).toList());
        for (String value : values) {
            assertThat(split.sanitised().toString()).doesNotContain(value);
            assertThat(ConfigMasker.mask(specNode, config).toString()).doesNotContain(value);
        }

        JsonNode saved = secrets.create(specNode, config, SCOPE);
        values.forEach(value -> assertThat(saved.toString()).doesNotContain(value));
        assertThat(secrets.hydrate(saved)).isEqualTo(config);
        assertThat(ConfigMasker.mask(specNode, saved)).as("a sanitised config masks like the full one")
                .isEqualTo(ConfigMasker.mask(specNode, config));
    }

    private static String textAt(JsonNode config, String path) {
        JsonNode node = config.at(path.replace("$", "").replace("['signing key']", "/signing key")
                .replaceAll("\\[(\\d+)]", "/$1").replace('.', '/'));
        return node.textValue();
    }
}
