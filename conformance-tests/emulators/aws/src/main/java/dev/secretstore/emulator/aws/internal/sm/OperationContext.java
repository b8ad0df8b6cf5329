package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.emulator.aws.internal.iam.Principal;
import dev.secretstore.emulator.aws.internal.store.SecretRepository;
import java.time.Instant;

/** Everything one Secrets Manager operation needs: the parsed body, the caller and the shared state. */
record OperationContext(JsonNode body, Principal principal, String region, Instant now, SecretRepository repository,
                        Authorizer authorizer) {

    String accountId() {
        return principal.accountId();
    }

    /** Leaves out the body: it may hold a secret value. */
    @Override
    public String toString() {
        return "OperationContext[" + principal.arn() + " in " + region + "]";
    }

    JsonFields fields() {
        return new JsonFields(body);
    }
}
