package dev.secretstore.conformance;

import org.junit.jupiter.api.DisplayName;

/** The kit tests itself on the simplest provider: the local store must pass it whole. */
@DisplayName("secretstore conformance kit on the local provider")
class LocalStoreConformanceTest extends SecretStoreConformanceKit {

    @Override
    protected ConformanceFixture fixture() {
        return LocalFixture.inTemporaryDirectory();
    }
}
