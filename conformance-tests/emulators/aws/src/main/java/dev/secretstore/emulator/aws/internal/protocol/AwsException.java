package dev.secretstore.emulator.aws.internal.protocol;

/**
 * An error the emulator answers with, in the shape the real service uses: an error code (JSON {@code __type},
 * Query {@code Code}), an HTTP status and a message. Messages never contain secret values.
 */
public class AwsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String code;
    private final int status;

    public AwsException(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    public static AwsException badRequest(String code, String message) {
        return new AwsException(code, 400, message);
    }
}
