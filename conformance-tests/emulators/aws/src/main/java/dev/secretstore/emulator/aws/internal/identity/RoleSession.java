package dev.secretstore.emulator.aws.internal.identity;

import dev.secretstore.emulator.aws.internal.iam.PolicyDocument;
import java.time.Instant;

/** Temporary credentials issued by AssumeRole. {@code toString} leaves the secret parts out. */
public record RoleSession(String accessKeyId, String secretAccessKey, String sessionToken, Instant expiration,
                          IamRole role, String sessionName, PolicyDocument sessionPolicy) {

    public String assumedRoleArn() {
        return "arn:aws:sts::" + role.accountId() + ":assumed-role/" + role.name() + "/" + sessionName;
    }

    public String assumedRoleId() {
        return role.roleId() + ":" + sessionName;
    }

    @Override
    public String toString() {
        return "RoleSession[" + accessKeyId + " for " + assumedRoleArn() + " until " + expiration + "]";
    }
}
