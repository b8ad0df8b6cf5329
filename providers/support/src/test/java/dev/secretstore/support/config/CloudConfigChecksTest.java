package dev.secretstore.support.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@DisplayName("CloudConfigChecks")
class CloudConfigChecksTest {

    static Optional<ConfigProblem> check(BiFunction<StoreConfig, String, Optional<ConfigProblem>> check, Object value) {
        return check.apply(StoreConfig.of("test", Map.of("f", value), List.of()), "f");
    }

    static void valid(BiFunction<StoreConfig, String, Optional<ConfigProblem>> check, String... values) {
        for (String v : values) {
            assertThat(check(check, v)).as(v).isEmpty();
        }
    }

    /** Invalid, named after the field, and the value not repeated. */
    static String invalid(BiFunction<StoreConfig, String, Optional<ConfigProblem>> check, String value) {
        Optional<ConfigProblem> p = check(check, value);
        assertThat(p).as(value).isPresent();
        assertThat(p.get().field()).isEqualTo("f");
        assertThat(p.get().message()).as("message for %s", value).doesNotContain(value);
        return p.get().message();
    }

    @Test
    @DisplayName("an absent field or a non-string (reported by the facade as a type problem) passes")
    void absentOrNotText() {
        StoreConfig empty = StoreConfig.of("test", Map.of(), List.of());
        assertThat(CloudConfigChecks.awsRegion(empty, "f")).isEmpty();
        assertThat(check(CloudConfigChecks::gcpProjectId, 42)).isEmpty();
    }

    @Test
    @DisplayName("endpoint: https anywhere, http only on loopback")
    void endpoint() {
        valid(CloudConfigChecks::endpoint, "https://secretsmanager.us-east-1.amazonaws.com", "http://127.0.0.1:4566",
                "http://localhost:8080/", "http://[::1]:9000", "http://127.1.2.3");
        assertThat(invalid(CloudConfigChecks::endpoint, "http://vault.internal.example:8200"))
                .contains("http:// is accepted only for loopback hosts");
        invalid(CloudConfigChecks::endpoint, "ftp://127.0.0.1");
        invalid(CloudConfigChecks::endpoint, "not a url");
    }

    @Test
    @DisplayName("httpsUrl: https only, even on loopback")
    void httpsUrl() {
        valid(CloudConfigChecks::httpsUrl, "https://my-airbyte-vault.vault.azure.net/", "https://127.0.0.1:8443/");
        assertThat(invalid(CloudConfigChecks::httpsUrl, "http://127.0.0.1:8443/")).isEqualTo("expected an https:// URL");
    }

    @Test
    @DisplayName("awsRegion: region names of every partition")
    void awsRegion() {
        valid(CloudConfigChecks::awsRegion, "us-east-1", "eu-central-2", "us-gov-west-1", "cn-northwest-1",
                "ap-southeast-3", "il-central-1", "us-isob-east-1");
        invalid(CloudConfigChecks::awsRegion, "useast1");
        invalid(CloudConfigChecks::awsRegion, "us-west");
        invalid(CloudConfigChecks::awsRegion, "N. Virginia");
        assertThat(invalid(CloudConfigChecks::awsRegion, "US-EAST-1")).contains("lower case");
    }

    @Test
    @DisplayName("awsRoleArn: role ARNs with paths in every partition; a user ARN or account id is called out")
    void awsRoleArn() {
        valid(CloudConfigChecks::awsRoleArn, "arn:aws:iam::123456789012:role/AirbyteSecretsRole",
                "arn:aws:iam::123456789012:role/service-role/team/Airbyte+Role=1,a.b@c-d",
                "arn:aws-us-gov:iam::123456789012:role/x", "arn:aws-cn:iam::123456789012:role/x");
        assertThat(invalid(CloudConfigChecks::awsRoleArn, "arn:aws:iam::123456789012:user/alice")).contains("a user's ARN");
        assertThat(invalid(CloudConfigChecks::awsRoleArn, "210987654321")).contains("account id");
        invalid(CloudConfigChecks::awsRoleArn, "arn:aws:iam::12345:role/x");
        invalid(CloudConfigChecks::awsRoleArn, "arn:aws:sts::123456789012:assumed-role/x/session");
        invalid(CloudConfigChecks::awsRoleArn, "MySecretsRole");
    }

    @Test
    @DisplayName("awsKmsKeyArn: key ARNs (single- and multi-region) and alias ARNs")
    void awsKmsKeyArn() {
        valid(CloudConfigChecks::awsKmsKeyArn, "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab",
                "arn:aws:kms:eu-west-1:123456789012:key/mrk-1234abcd12ab34cd56ef1234567890ab",
                "arn:aws:kms:us-east-1:123456789012:alias/airbyte-secrets");
        invalid(CloudConfigChecks::awsKmsKeyArn, "9876abcd-12ab-34cd-56ef-1234567890ab");
        invalid(CloudConfigChecks::awsKmsKeyArn, "alias/airbyte-secrets");
        invalid(CloudConfigChecks::awsKmsKeyArn, "arn:aws:kms:us-east-1:123456789012:key/not-a-key");
    }

    @Test
    @DisplayName("guid: 8-4-4-4-12 hexadecimal digits")
    void guid() {
        valid(CloudConfigChecks::guid, "12345678-1234-1234-1234-123456789012", "ABCDEF01-abcd-ef01-2345-6789abcdef01");
        assertThat(invalid(CloudConfigChecks::guid, "contoso.onmicrosoft.com")).contains("GUID");
    }

    @Test
    @DisplayName("gcpProjectId: project ids; a project number or display name is called out")
    void gcpProjectId() {
        valid(CloudConfigChecks::gcpProjectId, "my-project", "my-project-123", "abcdef", "example.com:my-project");
        assertThat(invalid(CloudConfigChecks::gcpProjectId, "123456789012")).contains("project number");
        assertThat(invalid(CloudConfigChecks::gcpProjectId, "My Project")).contains("project name");
        invalid(CloudConfigChecks::gcpProjectId, "short");
        invalid(CloudConfigChecks::gcpProjectId, "ends-with-hyphen-");
        invalid(CloudConfigChecks::gcpProjectId, "1starts-with-digit");
        invalid(CloudConfigChecks::gcpProjectId, "a".repeat(31));
    }

    @ParameterizedTest
    @ValueSource(strings = {"airbyte-managed", "airbyte_managed", "a", "größe", "k1"})
    @DisplayName("gcpLabelKey: lowercase keys, international letters allowed")
    void gcpLabelKeyValid(String key) {
        valid(CloudConfigChecks::gcpLabelKey, key);
    }

    @Test
    @DisplayName("gcpLabelKey: upper case is called out; other shapes are refused")
    void gcpLabelKeyInvalid() {
        assertThat(invalid(CloudConfigChecks::gcpLabelKey, "AirbyteManaged")).contains("lower case");
        invalid(CloudConfigChecks::gcpLabelKey, "1key");
        invalid(CloudConfigChecks::gcpLabelKey, "airbyte.managed");
        invalid(CloudConfigChecks::gcpLabelKey, "k".repeat(64));
    }

    @Test
    @DisplayName("readRate: absent or 1 to 10,000 passes; 0, -1 and 10,001 are refused by name, the value not repeated")
    void readRate() {
        assertThat(CloudConfigChecks.readRate(StoreConfig.of("test", Map.of(), List.of()), "f")).isEmpty();
        for (int ok : new int[] {1, 50, 10_000}) {
            assertThat(check(CloudConfigChecks::readRate, ok)).as("%d", ok).isEmpty();
        }
        for (int bad : new int[] {0, -1, 10_001}) {
            Optional<ConfigProblem> p = check(CloudConfigChecks::readRate, bad);
            assertThat(p).as("%d", bad).isPresent();
            assertThat(p.get().field()).isEqualTo("f");
            assertThat(p.get().message()).isEqualTo("expected a whole number of requests per second from 1 to 10000");
        }
    }
}
