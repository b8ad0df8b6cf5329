package dev.secretstore.emulator.azure.internal;

/** An Entra tenant: its GUID and an optional domain name that the token endpoint also accepts. */
public record Tenant(String id, String domain) {
}
