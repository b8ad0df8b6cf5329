package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.iam.Principal;
import dev.secretstore.emulator.aws.internal.protocol.AwsException;
import dev.secretstore.emulator.aws.internal.store.SecretRepository;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/** Dispatches {@code secretsmanager.<Op>} targets to the implemented operations. */
public final class SecretsManagerService {
    private final Map<String, Operation> operations = Map.ofEntries(
            Map.entry("CreateSecret", new CreateSecretOperation()),
            Map.entry("GetSecretValue", new GetSecretValueOperation()),
            Map.entry("BatchGetSecretValue", new BatchGetSecretValueOperation()),
            Map.entry("PutSecretValue", new PutSecretValueOperation()),
            Map.entry("UpdateSecret", new UpdateSecretOperation()),
            Map.entry("DescribeSecret", new DescribeSecretOperation()),
            Map.entry("ListSecrets", new ListSecretsOperation()),
            Map.entry("TagResource", new TagResourceOperation()),
            Map.entry("UntagResource", new UntagResourceOperation()),
            Map.entry("DeleteSecret", new DeleteSecretOperation()),
            Map.entry("RestoreSecret", new RestoreSecretOperation()));
    private final Authorizer authorizer = new Authorizer();
    private final SecretRepository repository;

    public SecretsManagerService(SecretRepository repository) {
        this.repository = repository;
    }

    public Set<String> operationNames() {
        return operations.keySet();
    }

    public boolean supports(String operation) {
        return operations.containsKey(operation);
    }

    public ObjectNode handle(String operation, JsonNode body, Principal principal, String region, Instant now) {
        Operation op = operations.get(operation);
        if (op == null) {
            throw AwsException.badRequest("UnknownOperationException", "Operation " + operation
                    + " is not implemented by this emulator.");
        }
        return op.handle(new OperationContext(body, principal, region, now, repository, authorizer));
    }
}
