package dev.secretstore.migrate.internal;

import dev.secretstore.SecretValue;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The digest a migration compares values by: HMAC-SHA256 keyed with the journal's random salt, over the value's
 * kind (text or bytes) and its bytes. Keyed, so that the journal, which keeps these digests, gives no
 * precomputed-table shortcut to a short password; it remains a salted hash, so the journal is kept private.
 */
public final class ValueDigest {

    private static final String ALGORITHM = "HmacSHA256";
    private static final String PREFIX = "hmac-sha256:";

    private final SecretKeySpec key;

    public ValueDigest(byte[] salt) {
        this.key = new SecretKeySpec(salt.clone(), ALGORITHM);
    }

    /** @return the digest of the value, which stays usable (its copy of the bytes is zeroed here) */
    public String of(SecretValue value) {
        byte[] bytes = value.bytes();
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            mac.update((byte) (value.isText() ? 't' : 'b'));
            mac.update(bytes);
            return PREFIX + HexFormat.of().formatHex(mac.doFinal());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    @Override
    public String toString() {
        return "ValueDigest[" + ALGORITHM + "]";
    }
}
