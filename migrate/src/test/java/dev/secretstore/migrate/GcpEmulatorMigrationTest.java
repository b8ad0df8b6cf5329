package dev.secretstore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.gcp.SecretManagerEmulator;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Migrations to and from the GCP provider, over the official client (gRPC, TLS) to the Secret Manager emulator. */
@DisplayName("Migration: local -> GCP (emulator) -> local")
class GcpEmulatorMigrationTest {

    static final int SECRETS = 30;
    static final String ADMIN = "admin@" + SecretManagerEmulator.DEFAULT_PROJECT + ".iam.gserviceaccount.com";

    @TempDir
    Path tmp;
    SecretManagerEmulator emulator;
    Map<String, Object> gcpConfig;

    @BeforeEach
    void start() {
        emulator = SecretManagerEmulator.builder().build().start();
        Path certificate = emulator.writeCertificate(tmp.resolve("emulator.pem"));
        gcpConfig = new LinkedHashMap<>();
        gcpConfig.put("provider", "gcp");
        gcpConfig.put("projectId", SecretManagerEmulator.DEFAULT_PROJECT);
        gcpConfig.put("endpoint", emulator.grpcTlsTarget());
        gcpConfig.put("caCertificateFile", certificate.toString());
        gcpConfig.put("auth_type", "SERVICE_ACCOUNT_KEY");
        gcpConfig.put("credentialsJson", emulator.control().keyFileJson(ADMIN));
        gcpConfig.put("retry", Map.of("maxAttempts", 3, "initialBackoff", "PT0.005S", "maxBackoff", "PT0.02S"));
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private static SecretName name(int i) {
        return SecretName.of("airbyte_workspace_" + i + "_secret_" + (i * 7919) + "_v1");
    }

    @Test
    @DisplayName("every secret arrives once and verified, with history to GCP and its labels; latest only back, as reported")
    void roundTrip() {
        try (SecretStore local = LocalStores.open(tmp.resolve("a")); SecretStore gcp = SecretStores.open(gcpConfig);
             SecretStore back = LocalStores.open(tmp.resolve("c"))) {
            for (int i = 0; i < SECRETS; i++) {
                local.create(name(i), SecretValue.ofText("value-" + i), Map.of("team", "t" + (i % 5)));
                if (i % 3 == 0) {
                    local.put(name(i), SecretValue.ofText("value-" + i + "-b"));
                }
            }

            MigrationReport out = Migration.builder(local, gcp).journal(tmp.resolve("out.journal")).build().run();

            assertThat(out.succeeded()).as("%s", out.failures()).isTrue();
            assertThat(out.allVersions()).isTrue();
            assertThat(out.versionsCopied()).isEqualTo(SECRETS + SECRETS / 3);
            assertThat(gcp.read(name(3)).value().text()).isEqualTo("value-3-b");
            assertThat(gcp.describe(name(3)).tags()).containsEntry("team", "t3");

            MigrationReport home = Migration.builder(gcp, back).journal(tmp.resolve("back.journal")).build().run();

            assertThat(home.succeeded()).as("%s", home.failures()).isTrue();
            assertThat(home.history()).contains("latest version only").contains("'gcp'");
            for (int i = 0; i < SECRETS; i++) {
                assertThat(back.read(name(i)).value().text()).isEqualTo(i % 3 == 0 ? "value-" + i + "-b" : "value-" + i);
            }
        }
    }

    @Test
    @DisplayName("the dry run finds the tag keys GCP cannot hold (its annotation key rules), before anything is written")
    void labelRulesInDryRun() {
        try (SecretStore local = LocalStores.open(tmp.resolve("a")); SecretStore gcp = SecretStores.open(gcpConfig)) {
            local.create(SecretName.of("fine"), SecretValue.ofText("v"), Map.of("team", "data"));
            local.create(SecretName.of("spaced"), SecretValue.ofText("v"), Map.of("cost center", "data platform"));

            MigrationReport dry = Migration.builder(local, gcp).dryRun(true).build().run();
            MigrationReport real = Migration.builder(local, gcp).journal(tmp.resolve("j")).build().run();

            assertThat(dry.offenders()).singleElement().satisfies(p -> {
                assertThat(p.name().value()).isEqualTo("spaced");
                assertThat(p.reason()).contains("tag key 'cost center'").doesNotContain("data platform");
            });
            assertThat(real.offenders()).hasSize(1);
            try (var all = gcp.listAll(null)) {
                assertThat(all.count()).as("nothing written").isZero();
            }
        }
    }
}
