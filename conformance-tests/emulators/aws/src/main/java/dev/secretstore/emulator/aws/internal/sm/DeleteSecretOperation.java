package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.protocol.SecretsManagerErrors;
import dev.secretstore.emulator.aws.internal.store.Secret;
import java.time.Duration;
import java.time.Instant;

/**
 * DeleteSecret: schedules deletion after a 7–30 day recovery window (30 by default), or deletes at once with
 * ForceDeleteWithoutRecovery (also allowed on a secret already scheduled for deletion).
 */
final class DeleteSecretOperation implements Operation {

    @Override
    public ObjectNode handle(OperationContext ctx) {
        Long window = ctx.fields().number("RecoveryWindowInDays");
        Boolean forceField = ctx.fields().bool("ForceDeleteWithoutRecovery");
        boolean force = Boolean.TRUE.equals(forceField);
        // The range is checked first: AWS answers RecoveryWindowInDays=0 with ForceDeleteWithoutRecovery=true with
        // the range message (getmoto/moto#6461 quotes the real response).
        if (window != null && (window < 7 || window > 30)) {
            throw SecretsManagerErrors.invalidParameter(
                    "The RecoveryWindowInDays value must be between 7 and 30 days (inclusive).");
        }
        if (window != null && force) {
            throw SecretsManagerErrors.invalidParameter(
                    "You can't use ForceDeleteWithoutRecovery in conjunction with RecoveryWindowInDays.");
        }
        Secret secret = SecretTargeting.resolve(ctx, "secretsmanager:DeleteSecret", keys -> keys
                .put("secretsmanager:ForceDeleteWithoutRecovery", forceField == null ? null : forceField.toString())
                .put("secretsmanager:RecoveryWindowInDays", window == null ? null : window.toString()));
        ObjectNode response = SecretJson.arnAndName(secret);
        if (force) {
            ctx.repository().remove(secret);
            SecretJson.putTime(response, "DeletionDate", ctx.now());
            return response;
        }
        if (secret.isScheduledForDeletion()) {
            throw SecretsManagerErrors.markedForDeletion();
        }
        Instant deleteAt = ctx.now().plus(Duration.ofDays(window == null ? 30 : window));
        secret.scheduleDeletion(ctx.now(), deleteAt);
        SecretJson.putTime(response, "DeletionDate", deleteAt);
        return response;
    }
}
