package dev.secretstore.azure;

import dev.secretstore.SecretStores;
import java.util.Map;

/** Run by {@link ListingLoadsNoSdkClassTest} in a JVM of its own: lists providers and prints the Azure policy. */
public final class ListProvidersMain {
    private ListProvidersMain() {
    }

    public static void main(String[] args) {
        SecretStores.installedProviders().forEach(p -> System.out.println("provider " + p.name()));
        SecretStores.recommendedPolicy("azure", Map.of("vault-url", "https://v.vault.azure.net/",
                "client-id", "87654321-4321-4321-4321-210987654321")).ifPresent(p -> System.out.println("policy ok"));
    }
}
