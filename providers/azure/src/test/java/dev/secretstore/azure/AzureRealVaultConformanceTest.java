package dev.secretstore.azure;

import dev.secretstore.conformance.ConfiguredStoreConformanceTest;

/**
 * The kit against a real vault, from config files named by {@code SECRETSTORE_CONFORMANCE_CONFIG} (and optionally
 * {@code SECRETSTORE_CONFORMANCE_READONLY_CONFIG}, {@code SECRETSTORE_CONFORMANCE_BAD_CREDENTIALS_CONFIG}) or the
 * matching {@code secretstore.conformance.*} system properties; skipped, with that reason, without them. See the
 * module README.
 */
class AzureRealVaultConformanceTest extends ConfiguredStoreConformanceTest {
}
