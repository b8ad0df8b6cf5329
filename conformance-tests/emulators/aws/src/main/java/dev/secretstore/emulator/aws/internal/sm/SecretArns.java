package dev.secretstore.emulator.aws.internal.sm;

import dev.secretstore.emulator.aws.internal.identity.IdGenerator;

/** Secret ARNs end in a hyphen and six random characters, so a re-created name gets a new ARN. */
public final class SecretArns {
    private SecretArns() {
    }

    public static String newArn(String region, String accountId, String name) {
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + name + "-"
                + IdGenerator.alphanumeric(6);
    }
}
