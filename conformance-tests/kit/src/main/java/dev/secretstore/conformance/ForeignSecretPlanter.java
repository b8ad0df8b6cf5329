package dev.secretstore.conformance;

import dev.secretstore.SecretName;
import dev.secretstore.SecretValue;
import java.util.Map;

/**
 * Writes and inspects secrets that are not ours: secrets without {@code <managedTagKey>=true}, as a
 * person or another tool would have created them, bypassing the {@link dev.secretstore.SecretStore}
 * engine. The kit plants one, tries to change it through the engine, and then reads it back raw to
 * prove it is byte-for-byte unchanged.
 *
 * <p>{@link SpiForeignSecretPlanter} implements this for any provider through its public SPI.
 */
public interface ForeignSecretPlanter {

    /**
     * Creates a secret directly in the backing service.
     *
     * @param tags the secret's only tags; the kit never passes {@code <managedTagKey>=true}, but may pass
     *             {@code <managedTagKey>=false} to plant a secret that looks managed to a careless reader
     */
    void plant(SecretName name, SecretValue value, Map<String, String> tags);

    /** The planted secret's current value, read directly from the backing service. */
    byte[] readValue(SecretName name);

    /** The planted secret's current tags, read directly from the backing service. */
    Map<String, String> readTags(SecretName name);

    /** Removes a planted secret for good; called by the kit after each test. Absent secrets are ignored. */
    void remove(SecretName name);
}
