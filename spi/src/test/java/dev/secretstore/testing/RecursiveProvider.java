package dev.secretstore.testing;

import dev.secretstore.SecretStores;

/** A provider that calls back into discovery while being loaded. */
public final class RecursiveProvider extends DiscoveryOnlyProvider {

    public RecursiveProvider() {
        super("recursive", "recursive");
        SecretStores.installedProviders();
    }
}
