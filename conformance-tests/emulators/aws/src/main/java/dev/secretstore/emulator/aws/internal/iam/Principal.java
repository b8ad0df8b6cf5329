package dev.secretstore.emulator.aws.internal.iam;

import java.util.List;

/**
 * Who is calling: an IAM user, or a role session obtained with AssumeRole.
 *
 * @param arn the ARN AWS reports in denials ({@code arn:aws:iam::…:user/x} or {@code arn:aws:sts::…:assumed-role/r/s})
 * @param userName set for IAM users only (the {@code aws:username} key)
 * @param roleArn set for role sessions only: the IAM role ARN a trust policy names
 * @param sessionPolicies the inline session policy passed to AssumeRole, empty when none
 */
public record Principal(String arn, String accountId, String userId, String userName, String roleArn,
                        List<PolicyDocument> identityPolicies, List<PolicyDocument> sessionPolicies) {

    public boolean isRoleSession() {
        return roleArn != null;
    }

    public String type() {
        return isRoleSession() ? "AssumedRole" : "User";
    }

    /** The ARNs a trust policy's {@code Principal.AWS} may name to mean this caller. */
    public List<String> trustArns() {
        return isRoleSession() ? List.of(arn, roleArn) : List.of(arn);
    }
}
