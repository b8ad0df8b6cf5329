package dev.secretstore.emulator.azure.internal;

import java.time.Instant;

/** One client secret of an app registration and when it expires. */
public record ClientSecretEntry(String value, Instant expires) {
    @Override
    public String toString() {
        return "ClientSecretEntry[value=*** redacted ***, expires=" + expires + "]";
    }
}
