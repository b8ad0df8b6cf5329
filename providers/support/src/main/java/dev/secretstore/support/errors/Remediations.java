package dev.secretstore.support.errors;

/**
 * Remediation hints that mean the same on every cloud, for the exceptions the providers throw (each
 * provider adds its cloud's own causes). Short, actionable, never naming a value.
 */
public final class Remediations {

    /** For {@link dev.secretstore.ThrottledException}. */
    public static final String THROTTLED = "the store is limiting the request rate: retry later, spread the load, or "
            + "allow more time with the config's retry settings (retry.maxAttempts, retry.maxElapsed)";

    /** For {@link dev.secretstore.StoreUnavailableException} from a 5xx answer. */
    public static final String SERVER_ERROR = "the store failed on its side: retry later, and check the cloud's "
            + "service health page if it persists";

    /** For {@link dev.secretstore.StoreUnavailableException} from a connection failure, reset or timeout. */
    public static final String UNREACHABLE = "the store could not be reached: check the network path (proxy, "
            + "firewall, VPC endpoint, DNS) and the endpoint in the config, then retry";

    private Remediations() {
    }
}
