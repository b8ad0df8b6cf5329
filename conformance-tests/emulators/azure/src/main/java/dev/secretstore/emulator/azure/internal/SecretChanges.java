package dev.secretstore.emulator.azure.internal;

import java.util.Map;
import java.util.Optional;

/** The fields a set or PATCH request carries; empty means "not given". */
public record SecretChanges(Optional<String> contentType, Optional<Map<String, String>> tags,
                            Optional<Boolean> enabled, Optional<Long> notBefore, Optional<Long> expires) {

    public static SecretChanges none() {
        return new SecretChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty());
    }
}
