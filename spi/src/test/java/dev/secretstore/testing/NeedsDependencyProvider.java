package dev.secretstore.testing;

/**
 * Stands for a provider jar whose SDK dependency is missing: loaded by {@link IsolatedProviderLoader}
 * with {@link SdkClient} hidden, its constructor fails with NoClassDefFoundError.
 */
public final class NeedsDependencyProvider extends DiscoveryOnlyProvider {

    private final Object client = new SdkClient();

    public NeedsDependencyProvider() {
        super("needs-dependency", "needs an SDK client");
    }

    @Override
    public String description() {
        return String.valueOf(client);
    }

    /** The "dependency". */
    public static final class SdkClient {
    }
}
