package dev.secretstore.emulator.azure.internal;

import java.util.Set;

/** The data-plane api-versions the emulator accepts: those the current SDKs send and their predecessors. */
public final class ApiVersions {
    public static final String LATEST = "2026-04-01";
    private static final Set<String> SUPPORTED = Set.of(
            "2016-10-01", "7.0", "7.1", "7.2", "7.3", "7.4", "7.5", "7.6", "2025-07-01", LATEST);

    private ApiVersions() {
    }

    public static boolean isSupported(String version) {
        return SUPPORTED.contains(version);
    }
}
