package dev.secretstore.gcp;

import dev.secretstore.conformance.ConfiguredStoreConformanceTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The kit against a real Google Cloud project, from config files named by SECRETSTORE_CONFORMANCE_CONFIG (and
 * _READONLY_CONFIG, _BAD_CREDENTIALS_CONFIG) or the matching system properties; skipped with that hint otherwise
 * (reported as one skipped class with the reason, see {@link RequiresProjectConfig}). See the module README.
 */
@DisplayName("gcp conformance against a configured project")
@ExtendWith(RequiresProjectConfig.class)
class GcpConfiguredConformanceTest extends ConfiguredStoreConformanceTest {
}
