package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import java.util.Map;

/** A foreign secret's raw value and tags, read around the kit's attempts to change it. */
final class ForeignSnapshot {

    private final byte[] value;
    private final Map<String, String> tags;

    private ForeignSnapshot(byte[] value, Map<String, String> tags) {
        this.value = value;
        this.tags = tags;
    }

    static ForeignSnapshot of(ForeignSecretPlanter planter, SecretName name) {
        return new ForeignSnapshot(planter.readValue(name), Map.copyOf(planter.readTags(name)));
    }

    void assertUnchanged(ForeignSecretPlanter planter, SecretName name) {
        assertThat(planter.readValue(name)).as("raw value of foreign secret %s", name).isEqualTo(value);
        assertThat(planter.readTags(name)).as("raw tags of foreign secret %s", name).isEqualTo(tags);
    }
}
