package dev.secretstore.support.names;

import dev.secretstore.SecretName;
import java.util.Optional;

/**
 * An injective, reversible mapping from portable {@link SecretName}s to one cloud's native secret names
 * (its alphabet and length), which keeps ordinary names readable: letters, digits and most separators pass
 * through, and only what the cloud cannot hold becomes a short escape. Two different portable names never
 * map to the same native name — on a case-insensitive cloud, not even ignoring case — and
 * {@code decode(encode(n))} is {@code n}. Implementations are immutable and thread-safe.
 *
 * <pre>{@code
 * NameCodec codec = NameCodecs.gcp().withPrefix(config.string("namePrefix").orElse(""));
 * String secretId = codec.encode(name);              // before any I/O: InvalidSecretNameException if too long
 * codec.decode(listed.getSecretId())                 // empty for secrets this codec did not name
 *      .ifPresent(n -> page.add(toMetadata(n, listed)));
 * }</pre>
 *
 * <p>A provider calls {@link #encode} from {@link dev.secretstore.spi.SecretStoreSpi#checkName}, so a name
 * that cannot fit is refused by the engine before any I/O, and sets
 * {@link dev.secretstore.StoreLimits#maxNameLength()} to {@link #maxPortableLength()}.
 * See {@link NameCodecs} for the three mappings.
 */
public interface NameCodec {

    /**
     * @param name a portable name
     * @return its native name, starting with {@link #prefix()}
     * @throws dev.secretstore.InvalidSecretNameException if the native name would be longer than
     *     {@link #maxNativeLength()}; the message states the maximum in portable characters
     */
    String encode(SecretName name);

    /**
     * @param nativeName a name as the cloud reports it
     * @return the portable name that encodes to it (ignoring case where the cloud does), or empty when no
     *     portable name does: a foreign secret, a name without the prefix, a name in another encoding
     */
    Optional<SecretName> decode(String nativeName);

    /**
     * @param name a portable name
     * @return whether {@link #encode} accepts it
     */
    boolean fits(SecretName name);

    /** @return whether the cloud compares names ignoring case (Azure Key Vault) */
    boolean caseInsensitiveTarget();

    /** @return the longest native name the cloud accepts, the prefix included */
    int maxNativeLength();

    /**
     * The longest portable name that fits at all: one whose every character passes through unchanged
     * (e.g. lowercase letters, digits and '-' on every cloud). A name with characters that take an escape
     * fits only if its encoding does, which {@link #encode} checks. This is the value for
     * {@link dev.secretstore.StoreLimits#maxNameLength()}: a lower one would refuse names that fit (the
     * Airbyte coordinates, 101 characters, on Azure).
     *
     * @return {@code min(SecretName.MAX_LENGTH, maxNativeLength() - prefix().length())}
     */
    int maxPortableLength();

    /**
     * @return the longest portable name that fits whatever its characters (every character taking its
     *     longest escape)
     */
    int maxPortableLengthAnyCharacters();

    /** @return the prefix every native name starts with; empty when there is none */
    String prefix();

    /** @return the cloud's name for messages, e.g. {@code "Azure Key Vault"} */
    String targetName();

    /**
     * @param nativePrefix a prefix in the cloud's alphabet, e.g. {@code "airbyte-"}; empty for none
     * @return a codec of the same mapping whose native names all start with this prefix (replacing any
     *     prefix this codec has); its {@link #decode} returns empty for names without it
     * @throws IllegalArgumentException if the prefix has a character the cloud does not allow in names,
     *     or leaves no room for a name
     */
    NameCodec withPrefix(String nativePrefix);
}
