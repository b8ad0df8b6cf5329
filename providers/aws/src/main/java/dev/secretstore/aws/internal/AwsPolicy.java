package dev.secretstore.aws.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The least-privilege IAM identity policy we recommend, as {@code secretstore policy aws} prints it. Every
 * tag condition uses a single-valued operator ({@code StringEquals}) on the single-valued keys
 * {@code secretsmanager:ResourceTag/<tagKey>} and {@code aws:RequestTag/<tagKey>}: {@code ForAllValues} on
 * them holds when the tag is absent, so it would protect nothing. Only {@code aws:TagKeys}, which is
 * multi-valued, takes a set operator.
 */
public final class AwsPolicy {

    private final String tagKey;
    private final String kmsKeyArn;
    private final String namePrefix;
    private final boolean readOnly;

    private AwsPolicy(String tagKey, String kmsKeyArn, String namePrefix, boolean readOnly) {
        this.tagKey = tagKey;
        this.kmsKeyArn = kmsKeyArn;
        this.namePrefix = namePrefix;
        this.readOnly = readOnly;
    }

    /**
     * @param tagKey     the managed tag key
     * @param kmsKeyArn  the customer-managed key of the secrets, or empty
     * @param namePrefix the start of every secret name the identity may touch, or empty for any
     * @param readOnly   whether to print the read-only variant
     * @return the policy
     */
    public static AwsPolicy of(String tagKey, Optional<String> kmsKeyArn, Optional<String> namePrefix, boolean readOnly) {
        return new AwsPolicy(tagKey, kmsKeyArn.orElse(null), namePrefix.orElse(""), readOnly);
    }

    /** @return the policy document, pretty-printed JSON */
    public String json() {
        String secrets = "arn:aws:secretsmanager:*:*:secret:" + namePrefix + "*";
        String resourceTag = "secretsmanager:ResourceTag/" + tagKey;
        String requestTag = "aws:RequestTag/" + tagKey;
        List<String> statements = new ArrayList<>();
        statements.add(statement("ListAndBatchRead", "Allow",
                List.of("secretsmanager:ListSecrets", "secretsmanager:BatchGetSecretValue"), "*", null));
        statements.add(statement("DescribeSecrets", "Allow", List.of("secretsmanager:DescribeSecret"), secrets, null));
        List<String> managedActions = new ArrayList<>(List.of("secretsmanager:GetSecretValue",
                "secretsmanager:ListSecretVersionIds"));
        if (!readOnly) {
            managedActions.addAll(List.of("secretsmanager:PutSecretValue", "secretsmanager:DeleteSecret",
                    "secretsmanager:RestoreSecret"));
        }
        statements.add(statement(readOnly ? "ReadManagedSecrets" : "ReadAndChangeManagedSecrets", "Allow",
                managedActions, secrets, condition("StringEquals", resourceTag, "\"true\"")));
        if (!readOnly) {
            statements.add(statement("CreateOnlyManagedSecrets", "Allow", List.of("secretsmanager:CreateSecret"),
                    secrets, condition("StringEquals", requestTag, "\"true\"") + ",\n"
                            + condition("ForAnyValue:StringEquals", "aws:TagKeys", "[" + quote(tagKey) + "]")));
            statements.add(statement("TagOnlyAsManaged", "Allow", List.of("secretsmanager:TagResource"), secrets,
                    condition("StringEquals", requestTag, "\"true\"") + ",\n"
                            + condition("StringEqualsIfExists", resourceTag, "\"true\"")));
            statements.add(statement("NeverRemoveTheManagedTag", "Deny", List.of("secretsmanager:UntagResource"), "*",
                    condition("ForAnyValue:StringEquals", "aws:TagKeys", "[" + quote(tagKey) + "]")));
        }
        if (kmsKeyArn != null) {
            statements.add(statement("UseTheSecretsKey", "Allow", readOnly ? List.of("kms:Decrypt")
                    : List.of("kms:Decrypt", "kms:GenerateDataKey"), kmsKeyArn,
                    condition("StringLike", "kms:ViaService", "\"secretsmanager.*.amazonaws.com\"")));
        }
        return "{\n  \"Version\": \"2012-10-17\",\n  \"Statement\": [\n"
                + String.join(",\n", statements) + "\n  ]\n}\n";
    }

    private static String statement(String sid, String effect, List<String> actions, String resource,
                                    String conditions) {
        String action = actions.size() == 1 ? quote(actions.get(0))
                : actions.stream().map(AwsPolicy::quote).collect(Collectors.joining(", ", "[", "]"));
        StringBuilder sb = new StringBuilder();
        sb.append("    {\n      \"Sid\": ").append(quote(sid)).append(",\n      \"Effect\": ").append(quote(effect))
                .append(",\n      \"Action\": ").append(action).append(",\n      \"Resource\": ").append(quote(resource));
        if (conditions != null) {
            sb.append(",\n      \"Condition\": {\n").append(conditions).append("\n      }");
        }
        return sb.append("\n    }").toString();
    }

    private static String condition(String operator, String key, String jsonValue) {
        return "        " + quote(operator) + ": { " + quote(key) + ": " + jsonValue + " }";
    }

    private static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
