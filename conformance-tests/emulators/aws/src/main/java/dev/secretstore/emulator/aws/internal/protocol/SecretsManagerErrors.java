package dev.secretstore.emulator.aws.internal.protocol;

/** The Secrets Manager errors with the messages the real service sends. */
public final class SecretsManagerErrors {
    public static final String MARKED_FOR_DELETION =
            "You can't perform this operation on the secret because it was marked for deletion.";

    private SecretsManagerErrors() {
    }

    public static AwsException notFound() {
        return AwsException.badRequest("ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
    }

    public static AwsException markedForDeletion() {
        return AwsException.badRequest("InvalidRequestException", MARKED_FOR_DELETION);
    }

    public static AwsException createOnScheduledName() {
        return AwsException.badRequest("InvalidRequestException",
                "You can't create this secret because a secret with this name is already scheduled for deletion.");
    }

    public static AwsException alreadyExists(String name) {
        return AwsException.badRequest("ResourceExistsException",
                "The operation failed because the secret " + name + " already exists.");
    }

    public static AwsException versionExists() {
        return AwsException.badRequest("ResourceExistsException",
                "You can't modify an existing version, you can only create a new version.");
    }

    public static AwsException invalidParameter(String message) {
        return AwsException.badRequest("InvalidParameterException", message);
    }

    public static AwsException invalidRequest(String message) {
        return AwsException.badRequest("InvalidRequestException", message);
    }

    /** The generic shape AWS uses for a violated model constraint. */
    public static AwsException validation(String member, String constraint) {
        return AwsException.badRequest("ValidationException",
                "1 validation error detected: Value at '" + member + "' failed to satisfy constraint: " + constraint);
    }

    public static AwsException invalidName() {
        return AwsException.badRequest("ValidationException",
                "Invalid name. Must be a valid name containing alphanumeric characters, or any of the following: -/_+=.@!");
    }

    public static AwsException throttling() {
        return AwsException.badRequest("ThrottlingException", "Rate exceeded");
    }

    public static AwsException internalError() {
        return new AwsException("InternalServiceError", 500, "An error occurred on the server side.");
    }

    public static AwsException serialization(String detail) {
        return AwsException.badRequest("SerializationException", detail);
    }
}
