package dev.secretstore.connections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.secretstore.connections.internal.References;
import dev.secretstore.connections.internal.SecretFields;
import dev.secretstore.connections.internal.SecretMasks;
import java.util.Objects;

/**
 * Masks a config for API responses and logs: every secret value the spec marks, and every reference
 * wherever it is, becomes {@code **********}. Works on full, sanitised and mixed configs alike; sending a
 * masked config back through {@link SecretSplitter} keeps the previous secrets.
 *
 * <pre>{@code
 * log.info("saved {}", ConfigMasker.mask(spec, config));
 * }</pre>
 */
public final class ConfigMasker {

    /** The mask, {@code **********}. */
    public static final String MASK = SecretMasks.MASK;

    private ConfigMasker() {
    }

    /**
     * @param spec   the connector spec
     * @param config any config
     * @return a masked copy
     */
    public static JsonNode mask(JsonNode spec, JsonNode config) {
        Objects.requireNonNull(spec, "spec");
        JsonNode masked = Objects.requireNonNull(config, "config").deepCopy();
        for (JsonPath path : SecretFields.find(spec, config)) {
            masked = path.replace(masked, TextNode.valueOf(MASK));
        }
        for (JsonPath path : References.find(masked).keySet()) {
            masked = path.replace(masked, TextNode.valueOf(MASK));
        }
        return masked;
    }
}
