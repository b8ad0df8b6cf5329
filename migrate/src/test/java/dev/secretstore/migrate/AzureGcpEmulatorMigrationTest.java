package dev.secretstore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.azure.AzureKeyVaultEmulator;
import dev.secretstore.emulator.azure.EmulatorDefaults;
import dev.secretstore.emulator.gcp.SecretManagerEmulator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations between the Azure and GCP providers, each over its official client to its emulator: Azure -> GCP and
 * GCP -> Azure, verified; neither lists versions yet, so the latest version moves, as the report says.
 */
@DisplayName("Migration: Azure (emulator) <-> GCP (emulator)")
class AzureGcpEmulatorMigrationTest {

    static final int SECRETS = 20;
    static final String GCP_ADMIN = "admin@" + SecretManagerEmulator.DEFAULT_PROJECT + ".iam.gserviceaccount.com";

    @TempDir
    Path tmp;
    AzureKeyVaultEmulator azureEmulator;
    SecretManagerEmulator gcpEmulator;

    @BeforeEach
    void start() {
        azureEmulator = AzureKeyVaultEmulator.builder().start();
        gcpEmulator = SecretManagerEmulator.builder().build().start();
    }

    @AfterEach
    void stop() {
        azureEmulator.close();
        gcpEmulator.close();
    }

    private Map<String, Object> azureConfig() {
        Path pem = tmp.resolve("azure.pem");
        azureEmulator.writeCertificatePem(pem);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("provider", "azure");
        c.put("vaultUrl", azureEmulator.vaultUrl() + "/");
        c.put("tenantId", EmulatorDefaults.TENANT_ID);
        c.put("clientId", EmulatorDefaults.OFFICER_CLIENT_ID);
        c.put("clientSecret", EmulatorDefaults.OFFICER_CLIENT_SECRET);
        c.put("authorityHost", azureEmulator.authorityHost());
        c.put("caCertificateFile", pem.toString());
        c.put("retry", Map.of("maxAttempts", 3, "initialBackoff", "PT0.01S", "maxBackoff", "PT0.05S"));
        return c;
    }

    private Map<String, Object> gcpConfig() {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("provider", "gcp");
        c.put("projectId", SecretManagerEmulator.DEFAULT_PROJECT);
        c.put("endpoint", gcpEmulator.grpcTlsTarget());
        c.put("caCertificateFile", gcpEmulator.writeCertificate(tmp.resolve("gcp.pem")).toString());
        c.put("auth_type", "SERVICE_ACCOUNT_KEY");
        c.put("credentialsJson", gcpEmulator.control().keyFileJson(GCP_ADMIN));
        c.put("retry", Map.of("maxAttempts", 3, "initialBackoff", "PT0.005S", "maxBackoff", "PT0.02S"));
        return c;
    }

    @Test
    @DisplayName("Azure -> GCP and GCP -> Azure: every secret once, its latest value verified, its tags kept")
    void bothWays() {
        try (SecretStore azure = SecretStores.open(azureConfig()); SecretStore gcp = SecretStores.open(gcpConfig())) {
            for (int i = 0; i < SECRETS; i++) {
                SecretName a = SecretName.of("fromazure_" + i);
                azure.create(a, SecretValue.ofText("a-" + i), Map.of("team", "t" + (i % 3)));
                azure.put(a, SecretValue.ofText("a-" + i + "-latest"));
                gcp.create(SecretName.of("fromgcp_" + i), SecretValue.ofText("g-" + i), Map.of("team", "g"));
            }

            MigrationReport toGcp = Migration.builder(azure, gcp).prefix("fromazure_")
                    .journal(tmp.resolve("a2g.journal")).build().run();
            MigrationReport toAzure = Migration.builder(gcp, azure).prefix("fromgcp_")
                    .journal(tmp.resolve("g2a.journal")).build().run();

            assertThat(toGcp.succeeded()).as("%s", toGcp.failures()).isTrue();
            assertThat(toGcp.copied()).isEqualTo(SECRETS);
            assertThat(toGcp.history()).contains("latest version only").contains("'azure'");
            assertThat(toAzure.succeeded()).as("%s", toAzure.failures()).isTrue();
            assertThat(toAzure.copied()).isEqualTo(SECRETS);
            for (int i = 0; i < SECRETS; i++) {
                SecretName a = SecretName.of("fromazure_" + i);
                SecretName g = SecretName.of("fromgcp_" + i);
                assertThat(gcp.read(a).value().text()).isEqualTo("a-" + i + "-latest");
                assertThat(gcp.describe(a).tags()).containsEntry("team", "t" + (i % 3));
                assertThat(azure.read(g).value().text()).isEqualTo("g-" + i);
                assertThat(azure.describe(g).tags()).containsEntry("team", "g");
            }
            try (var all = gcp.listAll("fromazure_")) {
                assertThat(all.map(m -> m.name().value()).toList()).hasSize(SECRETS).doesNotHaveDuplicates();
            }

            MigrationReport again = Migration.builder(azure, gcp).prefix("fromazure_")
                    .journal(tmp.resolve("a2g.journal")).build().run();
            assertThat(again.alreadyMigrated()).isEqualTo(SECRETS);
            assertThat(again.versionsCopied()).isZero();
        }
    }
}
