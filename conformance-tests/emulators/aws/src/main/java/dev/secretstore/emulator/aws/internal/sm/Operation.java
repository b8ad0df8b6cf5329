package dev.secretstore.emulator.aws.internal.sm;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** One Secrets Manager API operation. */
interface Operation {
    ObjectNode handle(OperationContext context);
}
