package dev.secretstore.connections;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@link SecretSplitter#split}: the sanitised config, where every secret is a
 * {@link SecretReference}, and the secrets still to be written. {@code toString} shows coordinates and
 * paths, never a value.
 */
public final class SplitConfig {

    private final JsonNode sanitised;
    private final List<PendingSecret> secrets;

    SplitConfig(JsonNode sanitised, List<PendingSecret> secrets) {
        this.sanitised = Objects.requireNonNull(sanitised, "sanitised");
        this.secrets = List.copyOf(secrets);
    }

    /** @return the config to persist: a fresh copy, with references where the secrets were */
    public JsonNode sanitised() {
        return sanitised.deepCopy();
    }

    /** @return the secrets to write before the sanitised config is persisted */
    public List<PendingSecret> secrets() {
        return secrets;
    }

    @Override
    public String toString() {
        return "SplitConfig[sanitised=" + sanitised + ", secrets=" + secrets + "]";
    }
}
