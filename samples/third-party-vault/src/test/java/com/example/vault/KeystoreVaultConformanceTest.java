package com.example.vault;

import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.SecretStoreConformanceKit;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the whole secretstore conformance kit against this provider. This is all a vendor writes: the kit
 * brings the tests; the fixture says how to open the stores it needs.
 */
class KeystoreVaultConformanceTest extends SecretStoreConformanceKit {

    @TempDir
    static Path directory;

    @Override
    protected ConformanceFixture fixture() {
        return new KeystoreVaultFixture(directory.resolve("vault.p12"));
    }
}
