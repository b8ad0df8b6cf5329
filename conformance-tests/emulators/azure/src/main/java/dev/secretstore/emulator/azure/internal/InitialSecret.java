package dev.secretstore.emulator.azure.internal;

import java.util.Map;

/** A secret that exists before any client call: from the state file, or planted through the control API. */
public record InitialSecret(String name, String value, String contentType, Map<String, String> tags,
                            boolean enabled) {
    public InitialSecret {
        tags = tags == null ? Map.of() : Map.copyOf(tags);
    }

    @Override
    public String toString() {
        return "InitialSecret[name=" + name + ", value=*** redacted ***]";
    }
}
