package dev.secretstore.support.names;

import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.SecretName;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/** A {@link NameEncoding} behind a fixed native prefix: the one implementation of {@link NameCodec}. */
final class PrefixedNameCodec implements NameCodec {

    private final NameEncoding encoding;
    private final String prefix;

    PrefixedNameCodec(NameEncoding encoding, String prefix) {
        this.encoding = Objects.requireNonNull(encoding, "encoding");
        this.prefix = checkedPrefix(encoding, prefix);
    }

    private static String checkedPrefix(NameEncoding encoding, String prefix) {
        Objects.requireNonNull(prefix, "nativePrefix");
        for (int i = 0; i < prefix.length(); i++) {
            if (!encoding.isNativeChar(prefix.charAt(i))) {
                throw new IllegalArgumentException("a name prefix for " + encoding.targetName()
                        + " may contain only " + encoding.nativeAlphabet() + "; position " + (i + 1) + " is not one of them");
            }
        }
        if (prefix.length() >= encoding.maxNativeLength()) {
            throw new IllegalArgumentException("a name prefix for " + encoding.targetName() + " must be shorter than "
                    + encoding.maxNativeLength() + " characters, to leave room for a name");
        }
        return prefix;
    }

    @Override
    public String encode(SecretName name) {
        Objects.requireNonNull(name, "name");
        String nativeName = prefix + encoding.encode(name.value());
        if (nativeName.length() > encoding.maxNativeLength()) {
            throw new InvalidSecretNameException(null, null, name, tooLong(nativeName.length()),
                    "use a shorter name" + (name.value().length() < maxPortableLength()
                            ? ", or fewer of the characters that take an escape" : ""), null);
        }
        return nativeName;
    }

    private String tooLong(int nativeLength) {
        return "its " + encoding.targetName() + " name would be " + nativeLength + " characters"
                + (prefix.isEmpty() ? "" : " (with the prefix '" + prefix + "')") + ", over the limit of "
                + encoding.maxNativeLength() + ": at most " + maxPortableLength() + " portable characters fit, fewer "
                + "when the name has " + encoding.escapeCosts() + " (any name of at most "
                + maxPortableLengthAnyCharacters() + " characters fits)";
    }

    @Override
    public boolean fits(SecretName name) {
        return prefix.length() + encoding.encode(name.value()).length() <= encoding.maxNativeLength();
    }

    @Override
    public Optional<SecretName> decode(String nativeName) {
        Objects.requireNonNull(nativeName, "nativeName");
        if (nativeName.length() > encoding.maxNativeLength() || nativeName.length() <= prefix.length()
                || !nativeName.regionMatches(encoding.caseInsensitive(), 0, prefix, 0, prefix.length())) {
            return Optional.empty();
        }
        String body = nativeName.substring(prefix.length());
        if (encoding.caseInsensitive()) {
            body = body.toLowerCase(Locale.ROOT);
        }
        String portable = encoding.decode(body);
        // Only the canonical encoding of a valid name decodes: any other native name could otherwise alias
        // a name this codec would encode differently.
        if (portable == null || !SecretName.isValid(portable) || !encoding.encode(portable).equals(body)) {
            return Optional.empty();
        }
        return Optional.of(SecretName.of(portable));
    }

    @Override
    public boolean caseInsensitiveTarget() {
        return encoding.caseInsensitive();
    }

    @Override
    public int maxNativeLength() {
        return encoding.maxNativeLength();
    }

    @Override
    public int maxPortableLength() {
        return Math.min(SecretName.MAX_LENGTH, encoding.maxNativeLength() - prefix.length());
    }

    @Override
    public int maxPortableLengthAnyCharacters() {
        return Math.min(SecretName.MAX_LENGTH, encoding.guaranteedPortableLength(encoding.maxNativeLength() - prefix.length()));
    }

    @Override
    public String prefix() {
        return prefix;
    }

    @Override
    public String targetName() {
        return encoding.targetName();
    }

    @Override
    public NameCodec withPrefix(String nativePrefix) {
        return new PrefixedNameCodec(encoding, nativePrefix);
    }

    @Override
    public String toString() {
        return "NameCodec[" + encoding.targetName() + (prefix.isEmpty() ? "" : ", prefix '" + prefix + "'") + "]";
    }
}
