package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The service's error bodies: {@code {"error":{"code","message","innererror":{"code"}}}}, worded as it words them. */
public final class KeyVaultErrors {
    private static final String HELP = " For help resolving this issue, please see https://go.microsoft.com/fwlink/?linkid=2125182";

    private KeyVaultErrors() {
    }

    public static EmulatorResponse response(int status, String code, String message, String innerCode) {
        ObjectNode error = Json.object().put("code", code).put("message", message);
        if (innerCode != null) {
            error.putObject("innererror").put("code", innerCode);
        }
        ObjectNode body = Json.object();
        body.set("error", error);
        return EmulatorResponse.json(status, body);
    }

    public static VaultException secretNotFound(String nameOrId) {
        return new VaultException(404, "SecretNotFound", "A secret with (name/id) " + nameOrId
                + " was not found in this key vault. If you recently deleted this secret you may be able to "
                + "recover it using the correct recovery command." + HELP, null);
    }

    /** GET (and purge) under {@code /deletedsecrets/}: a shorter message than the live side's, as recorded. */
    public static VaultException deletedSecretNotFound(String name) {
        return new VaultException(404, "SecretNotFound", "Deleted Secret not found: " + name, null);
    }

    public static VaultException deletedButRecoverable(String name) {
        return new VaultException(409, "Conflict", "Secret " + name + " is currently in a deleted but recoverable "
                + "state, and its name cannot be reused; in this state, the secret can only be recovered or purged.",
                "ObjectIsDeletedButRecoverable");
    }

    /** What the service answers for more than 15 tags: a generic message that names no property. */
    public static VaultException propertyHasInvalidValue() {
        return badParameter("Property has invalid value\r\n");
    }

    public static VaultException badParameter(String message) {
        return new VaultException(400, "BadParameter", message, null);
    }

    public static VaultException invalidName(String name) {
        return badParameter("The request URI contains an invalid name: " + name);
    }

    public static VaultException disabled(String operation) {
        return new VaultException(403, "Forbidden", "Operation " + operation + " is not allowed on a disabled secret.",
                "SecretDisabled");
    }

    public static EmulatorResponse internal(Exception e) {
        return response(500, "InternalServerError", "The emulator failed: " + e.getClass().getSimpleName(), null);
    }
}
