package dev.secretstore;

/**
 * A value is larger than {@link StoreLimits#maxValueBytes()}. Raised by the engine before any I/O,
 * so nothing is written. The message states the size and the limit, never the content.
 */
public class SecretTooLargeException extends InvalidRequestException {

    private final int size;
    private final int limit;

    /**
     * @param provider   provider name
     * @param operation  operation
     * @param secretName secret concerned
     * @param size       size of the value in bytes
     * @param limit      the provider's limit in bytes
     */
    public SecretTooLargeException(String provider, Operation operation, SecretName secretName, int size, int limit) {
        super(provider, operation, secretName,
                "value is " + size + " bytes; the limit is " + limit + " bytes",
                "store a smaller value or split it across several secrets", null);
        this.size = size;
        this.limit = limit;
    }

    /** @return size of the rejected value in bytes */
    public int size() {
        return size;
    }

    /** @return the limit in bytes */
    public int limit() {
        return limit;
    }

    @Override
    protected String kind() {
        return "too large";
    }
}
