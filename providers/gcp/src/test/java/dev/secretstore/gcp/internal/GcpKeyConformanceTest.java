package dev.secretstore.gcp.internal;

import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.SecretStoreConformanceKit;
import org.junit.jupiter.api.DisplayName;

@DisplayName("gcp conformance, service-account keys (emulator, gRPC over TLS)")
class GcpKeyConformanceTest extends SecretStoreConformanceKit {

    @Override
    protected ConformanceFixture fixture() {
        return new GcpFixture(GcpFixture.Auth.SERVICE_ACCOUNT_KEY);
    }
}
