package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.SecretStores;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The policy {@code secretstore policy aws} prints. The kit runs against the emulator with exactly this text
 * (see {@link EmulatedAccount}); here its shape is checked statement by statement.
 */
class AwsPolicyTest {

    private static JsonNode policy(Map<String, String> options) throws Exception {
        String text = SecretStores.recommendedPolicy("aws", options).orElseThrow();
        return new ObjectMapper().readTree(text);
    }

    private static JsonNode statement(JsonNode policy, String sid) {
        return StreamSupport.stream(policy.get("Statement").spliterator(), false)
                .filter(s -> s.get("Sid").asText().equals(sid)).findFirst().orElseThrow();
    }

    private static List<String> actions(JsonNode statement) {
        JsonNode a = statement.get("Action");
        return a.isArray() ? StreamSupport.stream(a.spliterator(), false).map(JsonNode::asText)
                .collect(Collectors.toList()) : List.of(a.asText());
    }

    @Test
    @DisplayName("reads, updates and DeleteSecret need StringEquals on secretsmanager:ResourceTag/<tagKey>")
    void resourceTagCondition() throws Exception {
        JsonNode s = statement(policy(Map.of("tag-key", "TeamManaged")), "ReadAndChangeManagedSecrets");
        assertThat(actions(s)).contains("secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue",
                "secretsmanager:DeleteSecret", "secretsmanager:RestoreSecret");
        assertThat(s.at("/Condition/StringEquals/secretsmanager:ResourceTag~1TeamManaged").asText()).isEqualTo("true");
    }

    @Test
    @DisplayName("CreateSecret needs aws:RequestTag/<tagKey> = true and the key among aws:TagKeys")
    void createConditions() throws Exception {
        JsonNode s = statement(policy(Map.of()), "CreateOnlyManagedSecrets");
        assertThat(actions(s)).containsExactly("secretsmanager:CreateSecret");
        assertThat(s.at("/Condition/StringEquals/aws:RequestTag~1AirbyteManaged").asText()).isEqualTo("true");
        assertThat(s.at("/Condition/ForAnyValue:StringEquals/aws:TagKeys/0").asText()).isEqualTo("AirbyteManaged");
    }

    @Test
    @DisplayName("tagging only sets <tagKey>=true, and removing the managed tag is denied")
    void taggingConditions() throws Exception {
        JsonNode policy = policy(Map.of());
        JsonNode tag = statement(policy, "TagOnlyAsManaged");
        assertThat(tag.at("/Condition/StringEquals/aws:RequestTag~1AirbyteManaged").asText()).isEqualTo("true");
        JsonNode untag = statement(policy, "NeverRemoveTheManagedTag");
        assertThat(untag.get("Effect").asText()).isEqualTo("Deny");
        assertThat(actions(untag)).containsExactly("secretsmanager:UntagResource");
        assertThat(untag.at("/Condition/ForAnyValue:StringEquals/aws:TagKeys/0").asText()).isEqualTo("AirbyteManaged");
    }

    @Test
    @DisplayName("ListSecrets and BatchGetSecretValue on \"*\", as they require; no ForAllValues anywhere")
    void listAndNoForAllValues() throws Exception {
        Map<String, String> options = new HashMap<>(Map.of("kms-key-arn",
                "arn:aws:kms:us-east-1:123456789012:key/1234abcd-12ab-34cd-56ef-1234567890ab", "name-prefix", "airbyte/"));
        JsonNode policy = policy(options);
        JsonNode list = statement(policy, "ListAndBatchRead");
        assertThat(actions(list)).containsExactly("secretsmanager:ListSecrets", "secretsmanager:BatchGetSecretValue");
        assertThat(list.get("Resource").asText()).isEqualTo("*");
        assertThat(policy.toString()).doesNotContain("ForAllValues");
        assertThat(statement(policy, "DescribeSecrets").get("Resource").asText())
                .isEqualTo("arn:aws:secretsmanager:*:*:secret:airbyte/*");
        assertThat(actions(statement(policy, "UseTheSecretsKey"))).containsExactly("kms:Decrypt", "kms:GenerateDataKey");
    }

    @Test
    @DisplayName("the read-only variant allows no write")
    void readOnly() throws Exception {
        JsonNode policy = policy(Map.of("read-only", "true"));
        assertThat(policy.toString()).doesNotContain("CreateSecret").doesNotContain("PutSecretValue")
                .doesNotContain("DeleteSecret").doesNotContain("TagResource");
        assertThat(actions(statement(policy, "ReadManagedSecrets"))).contains("secretsmanager:GetSecretValue");
    }
}
