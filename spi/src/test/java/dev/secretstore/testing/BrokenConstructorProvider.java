package dev.secretstore.testing;

/** A provider whose constructor throws; only ever listed in a test's own service file. */
public final class BrokenConstructorProvider extends DiscoveryOnlyProvider {

    public BrokenConstructorProvider() {
        super("broken", "never constructed");
        throw new IllegalStateException("boom: cannot initialise the broken provider");
    }
}
