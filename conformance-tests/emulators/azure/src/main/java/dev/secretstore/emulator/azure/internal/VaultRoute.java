package dev.secretstore.emulator.azure.internal;

import dev.secretstore.emulator.azure.Operation;
import java.util.Arrays;
import java.util.Optional;

/** Which secret operation a request addresses, with the secret name and version from its path. */
public record VaultRoute(Operation operation, String name, String version, DataAction action) {

    /** Empty when the path and method name no secret operation the emulator serves. */
    public static Optional<VaultRoute> of(String method, String path) {
        String[] parts = Arrays.stream(path.split("/")).skip(1).toArray(String[]::new);
        if (parts.length == 0) {
            return Optional.empty();
        }
        String collection = parts[0].toLowerCase(java.util.Locale.ROOT);
        if (collection.equals("secrets")) {
            return secrets(method, parts);
        }
        if (collection.equals("deletedsecrets")) {
            return deletedSecrets(method, parts);
        }
        return Optional.empty();
    }

    private static Optional<VaultRoute> secrets(String method, String[] parts) {
        if (parts.length == 1) {
            return when(method.equals("GET"), Operation.GET_SECRETS, null, null, DataAction.READ_METADATA);
        }
        String name = parts[1];
        if (parts.length == 2) {
            return switch (method) {
                case "PUT" -> route(Operation.SET_SECRET, name, null, DataAction.SET_SECRET);
                case "GET" -> route(Operation.GET_SECRET, name, null, DataAction.GET_SECRET);
                case "PATCH" -> route(Operation.UPDATE_SECRET, name, null, DataAction.UPDATE);
                case "DELETE" -> route(Operation.DELETE_SECRET, name, null, DataAction.DELETE);
                default -> Optional.empty();
            };
        }
        if (parts.length == 3 && parts[2].equals("versions")) {
            return when(method.equals("GET"), Operation.GET_SECRET_VERSIONS, name, null, DataAction.READ_METADATA);
        }
        if (parts.length == 3) {
            return switch (method) {
                case "GET" -> route(Operation.GET_SECRET, name, parts[2], DataAction.GET_SECRET);
                case "PATCH" -> route(Operation.UPDATE_SECRET, name, parts[2], DataAction.UPDATE);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private static Optional<VaultRoute> deletedSecrets(String method, String[] parts) {
        if (parts.length == 1) {
            return when(method.equals("GET"), Operation.GET_DELETED_SECRETS, null, null, DataAction.READ_METADATA);
        }
        String name = parts[1];
        if (parts.length == 2) {
            return switch (method) {
                case "GET" -> route(Operation.GET_DELETED_SECRET, name, null, DataAction.READ_METADATA);
                case "DELETE" -> route(Operation.PURGE_DELETED_SECRET, name, null, DataAction.PURGE);
                default -> Optional.empty();
            };
        }
        if (parts.length == 3 && parts[2].equals("recover")) {
            return when(method.equals("POST"), Operation.RECOVER_DELETED_SECRET, name, null, DataAction.RECOVER);
        }
        return Optional.empty();
    }

    private static Optional<VaultRoute> when(boolean matches, Operation operation, String name, String version,
                                             DataAction action) {
        return matches ? route(operation, name, version, action) : Optional.empty();
    }

    private static Optional<VaultRoute> route(Operation operation, String name, String version, DataAction action) {
        return Optional.of(new VaultRoute(operation, name, version, action));
    }
}
