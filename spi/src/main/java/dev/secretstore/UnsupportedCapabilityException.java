package dev.secretstore;

/**
 * The provider does not offer a {@link Capability}. The message always contains
 * {@code "This provider does not support X"} so tools and the conformance kit can recognise it.
 */
public class UnsupportedCapabilityException extends SecretStoreException {

    private final Capability capability;

    /**
     * @param provider   provider name, may be {@code null}
     * @param operation  operation, may be {@code null}
     * @param secretName secret, may be {@code null}
     * @param capability the missing capability
     */
    public UnsupportedCapabilityException(String provider, Operation operation, SecretName secretName,
                                          Capability capability) {
        super(provider, operation, secretName, standardMessage(capability), null, null);
        this.capability = capability;
    }

    /** @param capability the missing capability */
    public UnsupportedCapabilityException(Capability capability) {
        this(null, null, null, capability);
    }

    /**
     * The one fixed wording of "not supported".
     *
     * @param capability the capability
     * @return {@code "This provider does not support " + capability}
     */
    public static String standardMessage(Capability capability) {
        return "This provider does not support " + capability;
    }

    /** @return the missing capability */
    public Capability capability() {
        return capability;
    }

    @Override
    protected String kind() {
        return "not supported";
    }
}
