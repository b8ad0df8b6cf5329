package dev.secretstore.emulator.aws.internal.identity;

import dev.secretstore.emulator.aws.internal.iam.PolicyDocument;
import java.util.List;

/** An IAM role: who may assume it (trust policy), for how long, and what its sessions may do. */
public record IamRole(String accountId, String name, String roleId, PolicyDocument trustPolicy,
                      int maxSessionDurationSeconds, List<PolicyDocument> policies) {

    public String arn() {
        return "arn:aws:iam::" + accountId + ":role/" + name;
    }
}
