package dev.secretstore.emulator.aws.internal.sigv4;

/**
 * Why a request failed authentication. Each protocol maps the kind to its own error code and status (JSON
 * services answer 400 with e.g. {@code UnrecognizedClientException}; STS answers 403 with e.g.
 * {@code InvalidClientTokenId}).
 */
public final class AuthFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public enum Kind { MISSING, INCOMPLETE, UNKNOWN_KEY, BAD_SIGNATURE, SIGNATURE_EXPIRED, EXPIRED_TOKEN }

    private final Kind kind;

    public AuthFailure(Kind kind, String message) {
        super(message, null, false, false);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }
}
