package dev.secretstore.emulator.aws.internal.identity;

import dev.secretstore.emulator.aws.internal.iam.PolicyDocument;
import java.util.List;
import java.util.Map;

/** An IAM user with its long-term access keys (id to secret) and identity policies. */
public record IamUser(String accountId, String name, String userId, Map<String, String> accessKeys,
                      List<PolicyDocument> policies) {

    public String arn() {
        return "arn:aws:iam::" + accountId + ":user/" + name;
    }

    @Override
    public String toString() {
        return "IamUser[" + arn() + ", keys=" + accessKeys.keySet() + "]";
    }
}
