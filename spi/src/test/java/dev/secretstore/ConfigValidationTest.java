package dev.secretstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Configs malformed in every way CONFIGS.md allows, against test providers declaring those shapes. */
@DisplayName("Config validation")
class ConfigValidationTest {

    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYCANARYKEY";
    static final String ACCESS_KEY = "AKIACANARY7EXAMPLE";
    static final String CLIENT_SECRET = "canary-client-secret-value";
    static final String CREDENTIALS_JSON = "{\"type\":\"service_account\",\"private_key\":\"canary-pk\"}";

    static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static InvalidConfigException invalid(String type, Map<String, ?> config) {
        return catchThrowableOfType(() -> SecretStores.getInstance(type, config), InvalidConfigException.class);
    }

    static List<String> problems(InvalidConfigException e) {
        return e.problems().stream().map(ConfigProblem::toString).collect(Collectors.toList());
    }

    @Nested
    @DisplayName("AWS shape")
    class Aws {

        @Test
        @DisplayName("a valid IAM role config and a valid access key config open")
        void valid() {
            assertThat(SecretStores.getInstance("aws", map("auth_type", "IAM_ROLE",
                    "roleArn", "arn:aws:iam::123456789012:role/AirbyteSecretsRole", "awsRegion", "us-east-1",
                    "tagKey", "AirbyteManaged")).managedTagKey()).isEqualTo("AirbyteManaged");
            assertThat(SecretStores.getInstance("aws", map("auth_type", "ACCESS_KEY", "awsAccessKey", ACCESS_KEY,
                    "awsSecretAccessKey", SECRET_KEY, "awsRegion", "us-gov-west-1")).providerName()).isEqualTo("aws");
        }

        @Test
        @DisplayName("a misspelt field gets a did-you-mean")
        void didYouMean() {
            InvalidConfigException e = invalid("aws", map("auth_type", "IAM_ROLE",
                    "roleArn", "arn:aws:iam::123456789012:role/r", "awsRegin", "us-east-1"));
            assertThat(problems(e)).contains("awsRegin: unknown field; did you mean 'awsRegion'?",
                    "awsRegion: required field is missing (expected a string: region, e.g. us-east-1)");
        }

        @Test
        @DisplayName("a case or underscore variant of a field is suggested too")
        void caseVariant() {
            InvalidConfigException e = invalid("aws", map("auth_type", "IAM_ROLE", "role_arn", "x", "awsRegion", "us-east-1"));
            assertThat(problems(e)).contains("role_arn: unknown field; did you mean 'roleArn'?");
        }

        @Test
        @DisplayName("an unknown field with no close match lists the known fields")
        void unknownWithoutMatch() {
            InvalidConfigException e = invalid("aws", map("auth_type", "IAM_ROLE", "roleArn",
                    "arn:aws:iam::123456789012:role/r", "awsRegion", "us-east-1", "colour", "blue"));
            assertThat(problems(e)).singleElement().asString().startsWith("colour: unknown field; expected one of")
                    .contains("awsRegion");
        }

        @Test
        @DisplayName("roleArn is required for IAM_ROLE; key and secret for ACCESS_KEY")
        void authTypeDependent() {
            assertThat(problems(invalid("aws", map("auth_type", "IAM_ROLE", "awsRegion", "us-east-1"))))
                    .containsExactly("roleArn: required for auth_type IAM_ROLE");
            assertThat(problems(invalid("aws", map("auth_type", "ACCESS_KEY", "awsRegion", "us-east-1"))))
                    .containsExactly("awsAccessKey: required for auth_type ACCESS_KEY",
                            "awsSecretAccessKey: required for auth_type ACCESS_KEY");
        }

        @Test
        @DisplayName("auth_type must be one of the allowed values, case-sensitively")
        void allowedValues() {
            assertThat(problems(invalid("aws", map("auth_type", "iam_role", "awsRegion", "us-east-1"))))
                    .containsExactly("auth_type: expected one of IAM_ROLE, ACCESS_KEY (values are case-sensitive)");
            assertThat(problems(invalid("aws", map("auth_type", "TOKEN", "awsRegion", "us-east-1"))))
                    .containsExactly("auth_type: expected one of IAM_ROLE, ACCESS_KEY");
        }

        @Test
        @DisplayName("wrong types name the expected type")
        void wrongType() {
            assertThat(problems(invalid("aws", map("auth_type", 7, "awsRegion", true))))
                    .containsExactly("auth_type: expected a string", "awsRegion: expected a string");
        }

        @Test
        @DisplayName("a malformed role ARN and region are named with their expected form")
        void formats() {
            assertThat(problems(invalid("aws", map("auth_type", "IAM_ROLE", "roleArn", "arn:aws:iam::12:user/x",
                    "awsRegion", "US East"))))
                    .containsExactly("roleArn: expected an IAM role ARN (arn:<partition>:iam::<12 digits>:role/<name>)",
                            "awsRegion: expected a region name such as us-east-1");
        }

        @Test
        @DisplayName("externalId is only allowed with IAM_ROLE")
        void externalIdOnlyForRole() {
            assertThat(problems(invalid("aws", map("auth_type", "ACCESS_KEY", "awsAccessKey", ACCESS_KEY,
                    "awsSecretAccessKey", SECRET_KEY, "awsRegion", "us-east-1", "externalId", "x"))))
                    .containsExactly("externalId: only allowed with auth_type IAM_ROLE");
        }

        @Test
        @DisplayName("an http:// endpoint is refused off loopback and accepted on it")
        void endpoint() {
            Map<String, Object> base = map("auth_type", "IAM_ROLE", "roleArn", "arn:aws:iam::123456789012:role/r",
                    "awsRegion", "us-east-1");
            base.put("endpoint", "http://secretsmanager.example.com");
            assertThat(problems(invalid("aws", base))).singleElement().asString()
                    .startsWith("endpoint: http:// is accepted only for loopback hosts");
            base.put("endpoint", "http://127.0.0.1:4566");
            assertThat(SecretStores.getInstance("aws", base).providerName()).isEqualTo("aws");
        }

        @Test
        @DisplayName("every problem is reported at once, in one exception naming the provider")
        void allAtOnce() {
            InvalidConfigException e = invalid("aws", map("auth_type", "ACCESS_KEY", "awsSecretAcessKey", SECRET_KEY,
                    "endpoint", "http://10.0.0.1"));
            assertThat(problems(e)).containsExactlyInAnyOrder(
                    "awsSecretAcessKey: unknown field; did you mean 'awsSecretAccessKey'?",
                    "awsRegion: required field is missing (expected a string: region, e.g. us-east-1)",
                    "awsAccessKey: required for auth_type ACCESS_KEY",
                    "awsSecretAccessKey: required for auth_type ACCESS_KEY",
                    "endpoint: http:// is accepted only for loopback hosts (localhost, 127.0.0.1, ::1); expected an https:// URL");
            assertThat(e.provider()).isEqualTo("aws");
            assertThat(e.operation()).contains(Operation.OPEN);
            assertThat(e.getMessage()).startsWith("aws: open invalid config: 5 problems: ");
        }
    }

    @Nested
    @DisplayName("Azure shape")
    class Azure {

        Map<String, Object> valid() {
            return map("vaultUrl", "https://my-airbyte-vault.vault.azure.net/",
                    "tenantId", "12345678-1234-1234-1234-123456789012",
                    "clientId", "87654321-4321-4321-4321-210987654321", "clientSecret", CLIENT_SECRET);
        }

        @Test
        @DisplayName("a valid config opens")
        void opens() {
            assertThat(SecretStores.getInstance("azure", valid()).providerName()).isEqualTo("azure");
        }

        @Test
        @DisplayName("vaultUrl must be https, ids must be GUIDs, clientSecret is required")
        void rules() {
            Map<String, Object> c = valid();
            c.put("vaultUrl", "http://127.0.0.1:8443/");
            c.put("tenantId", "not-a-guid");
            c.remove("clientSecret");
            assertThat(problems(invalid("azure", c))).containsExactlyInAnyOrder(
                    "clientSecret: required field is missing (expected a string: client secret)",
                    "vaultUrl: expected an https:// URL",
                    "tenantId: expected a GUID (8-4-4-4-12 hexadecimal digits)");
        }

        @Test
        @DisplayName("authorityHost may be http:// on loopback only")
        void authority() {
            Map<String, Object> c = valid();
            c.put("authorityHost", "http://login.example.com/");
            assertThat(problems(invalid("azure", c))).singleElement().asString()
                    .startsWith("authorityHost: http:// is accepted only for loopback hosts");
            c.put("authorityHost", "http://localhost:9000/");
            assertThat(SecretStores.getInstance("azure", c).providerName()).isEqualTo("azure");
        }
    }

    @Nested
    @DisplayName("GCP shape")
    class Gcp {

        @Test
        @DisplayName("both auth types open and use the label key")
        void opens() {
            assertThat(SecretStores.getInstance("gcp", map("auth_type", "SERVICE_ACCOUNT_KEY", "projectId", "my-project",
                    "credentialsJson", CREDENTIALS_JSON)).managedTagKey()).isEqualTo("airbyte-managed");
            assertThat(SecretStores.getInstance("gcp", map("auth_type", "WORKLOAD_IDENTITY", "projectId", "my-project",
                    "labelKey", "owner-airbyte")).managedTagKey()).isEqualTo("owner-airbyte");
        }

        @Test
        @DisplayName("credentialsJson is required for SERVICE_ACCOUNT_KEY and refused for WORKLOAD_IDENTITY")
        void authTypeDependent() {
            assertThat(problems(invalid("gcp", map("auth_type", "SERVICE_ACCOUNT_KEY", "projectId", "my-project"))))
                    .containsExactly("credentialsJson: required for auth_type SERVICE_ACCOUNT_KEY");
            assertThat(problems(invalid("gcp", map("auth_type", "WORKLOAD_IDENTITY", "projectId", "my-project",
                    "credentialsJson", CREDENTIALS_JSON))))
                    .containsExactly("credentialsJson: only allowed with auth_type SERVICE_ACCOUNT_KEY");
        }

        @Test
        @DisplayName("a malformed project id and an off-loopback http endpoint are named")
        void formats() {
            assertThat(problems(invalid("gcp", map("auth_type", "WORKLOAD_IDENTITY", "projectId", "My_Project",
                    "endpoint", "http://secretmanager.internal:8080"))))
                    .containsExactly("projectId: expected a project id: 6-30 lowercase letters, digits or hyphens, starting with a letter",
                            "endpoint: http:// is accepted only for loopback hosts (localhost, 127.0.0.1, ::1); expected an https:// URL");
        }
    }

    @Nested
    @DisplayName("Local shape")
    class Local {

        @Test
        @DisplayName("everything is optional; readOnly must be a boolean")
        void optional() {
            assertThat(SecretStores.getInstance("local", Map.of()).providerName()).isEqualTo("local");
            assertThat(problems(invalid("local", map("readOnly", "sometimes"))))
                    .containsExactly("readOnly: expected a boolean (true or false)");
            assertThat(SecretStores.getInstance("local", map("readOnly", "true")).providerName()).isEqualTo("local");
        }

        @Test
        @DisplayName("keyFile and keyEnv exclude each other")
        void keyEitherOr() {
            assertThat(problems(invalid("local", map("keyFile", "/k", "keyEnv", "KEY"))))
                    .containsExactly("keyEnv: give either keyFile or keyEnv, not both");
        }
    }

    static Stream<Arguments> badConfigsWithCredentials() {
        return Stream.of(
                Arguments.of("aws", map("auth_type", "ACCESS_KEY", "awsAccessKey", ACCESS_KEY,
                        "awsSecretAccessKey", SECRET_KEY, "awsRegion", "moon")),
                Arguments.of("aws", map("auth_type", "ACCESS_KEY", "awsAccessKey", ACCESS_KEY,
                        "awsSecretAcessKey", SECRET_KEY, "awsRegion", "us-east-1")),
                Arguments.of("aws", map("auth_type", SECRET_KEY, "awsAccessKey", ACCESS_KEY,
                        "awsSecretAccessKey", SECRET_KEY, "awsRegion", SECRET_KEY, "endpoint", SECRET_KEY)),
                Arguments.of("aws", map("auth_type", "IAM_ROLE", "roleArn", SECRET_KEY, "awsRegion", "us-east-1",
                        "awsSecretAccessKey", SECRET_KEY)),
                Arguments.of("azure", map("vaultUrl", "http://" + CLIENT_SECRET, "tenantId", CLIENT_SECRET,
                        "clientId", CLIENT_SECRET, "clientSecret", CLIENT_SECRET)),
                Arguments.of("azure", map("vaultUrl", "https://v.vault.azure.net/", "clientSecrett", CLIENT_SECRET)),
                Arguments.of("azure", map("vaultUrl", "https://v.vault.azure.net/", "tenantId", "t", "clientId", "c",
                        "clientSecret", Map.of("nested", CLIENT_SECRET))),
                Arguments.of("gcp", map("auth_type", "WORKLOAD_IDENTITY", "projectId", "x",
                        "credentialsJson", CREDENTIALS_JSON)),
                Arguments.of("gcp", map("auth_type", "SERVICE_ACCOUNT_KEY", "projectId", "my-project",
                        "credentialJson", CREDENTIALS_JSON)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badConfigsWithCredentials")
    @DisplayName("no credential value appears in any config error message")
    void noCredentialInMessages(String type, Map<String, Object> config) {
        InvalidConfigException e = invalid(type, config);
        assertThat(e).as("config should be invalid").isNotNull();
        String everything = e.getMessage() + "\n" + e + "\n" + problems(e) + "\n" + e.remediation().orElse("");
        for (String credential : List.of(SECRET_KEY, ACCESS_KEY, CLIENT_SECRET, CREDENTIALS_JSON, "canary-pk")) {
            assertThat(everything).doesNotContain(credential);
        }
    }

    static Stream<Arguments> unclearShapesWithCredentials() {
        return Stream.of(
                Arguments.of("azure and gcp fields together", "ambiguous config", map("vaultUrl",
                        "https://v.vault.azure.net/", "clientSecret", CLIENT_SECRET, "projectId", "my-project",
                        "credentialsJson", CREDENTIALS_JSON)),
                Arguments.of("aws keys without auth_type or region", "auth_type: required field is missing",
                        map("awsAccessKey", ACCESS_KEY, "awsSecretAccessKey", SECRET_KEY)),
                Arguments.of("only unknown fields", "no installed provider recognises this config",
                        map("password", SECRET_KEY, "token", CLIENT_SECRET)),
                Arguments.of("a provider field naming no provider", "no such provider: acme",
                        map("provider", "acme", "clientSecret", CLIENT_SECRET)));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("unclearShapesWithCredentials")
    @DisplayName("open of an unrecognised, ambiguous or incomplete shape says so and quotes no credential value")
    void noCredentialWhenTheShapeIsUnclear(String description, String expected, Map<String, Object> config) {
        Throwable e = org.assertj.core.api.Assertions.catchThrowable(() -> SecretStores.open(config));
        assertThat(e).isInstanceOfAny(InvalidConfigException.class, NoSuchProviderException.class)
                .hasMessageContaining(expected);
        java.io.StringWriter trace = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(trace));
        for (String credential : List.of(SECRET_KEY, ACCESS_KEY, CLIENT_SECRET, CREDENTIALS_JSON, "canary-pk")) {
            assertThat(trace.toString()).doesNotContain(credential);
        }
    }

    @Test
    @DisplayName("a provider that quotes a secret value in its own problem is scrubbed by the facade")
    void providerQuotingSecretIsScrubbed() {
        dev.secretstore.spi.SecretStoreProvider leaky = new dev.secretstore.testing.MemoryProvider() {
            @Override
            public List<ConfigField> configFields() {
                return List.of(ConfigField.builder("token").secret(true).required(true).build());
            }

            @Override
            public List<ConfigProblem> validate(dev.secretstore.spi.StoreConfig c) {
                return List.of(ConfigProblem.of("token", "token '" + c.string("token").orElse("") + "' is too short"));
            }
        };
        InvalidConfigException e = catchThrowableOfType(() -> SecretStores.open(leaky, map("token", CLIENT_SECRET)),
                InvalidConfigException.class);
        assertThat(e.getMessage()).contains("token '***' is too short").doesNotContain(CLIENT_SECRET);
    }
}
