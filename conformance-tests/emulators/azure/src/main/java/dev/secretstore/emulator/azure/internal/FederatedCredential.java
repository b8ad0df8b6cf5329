package dev.secretstore.emulator.azure.internal;

import java.util.List;

/**
 * A federated identity credential of an app registration (workload identity federation): Entra exchanges a token
 * from {@code issuer} whose {@code sub} is {@code subject} and whose {@code aud} is one of {@code audiences}
 * (normally {@code api://AzureADTokenExchange}) for an access token of the app.
 */
public record FederatedCredential(String issuer, String subject, List<String> audiences) {
    public static final String DEFAULT_AUDIENCE = "api://AzureADTokenExchange";

    public FederatedCredential {
        audiences = List.copyOf(audiences);
    }
}
