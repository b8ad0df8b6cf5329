package dev.secretstore.aws;

import dev.secretstore.conformance.ConfiguredStoreConformanceTest;
import org.junit.jupiter.api.DisplayName;

/**
 * The whole kit against a real AWS account, when configs come through the environment
 * ({@code SECRETSTORE_CONFORMANCE_CONFIG}, and optionally {@code SECRETSTORE_CONFORMANCE_READONLY_CONFIG} and
 * {@code SECRETSTORE_CONFORMANCE_BAD_CREDENTIALS_CONFIG}, or the matching {@code -Dsecretstore.conformance.*}
 * properties); skipped with that reason otherwise. See the module README.
 */
@DisplayName("conformance kit: aws, a real account from the environment")
class AwsAccountConformanceTest extends ConfiguredStoreConformanceTest {
}
