package dev.secretstore.gcp.internal;

import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.SecretStoreConformanceKit;
import org.junit.jupiter.api.DisplayName;

@DisplayName("gcp conformance, WORKLOAD_IDENTITY (Application Default Credentials from an emulator key file)")
class GcpAdcConformanceTest extends SecretStoreConformanceKit {

    @Override
    protected ConformanceFixture fixture() {
        return new GcpFixture(GcpFixture.Auth.APPLICATION_DEFAULT);
    }
}
