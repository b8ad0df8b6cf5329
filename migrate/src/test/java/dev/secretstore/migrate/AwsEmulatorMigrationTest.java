package dev.secretstore.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.emulator.aws.AwsSecretsManagerEmulator;
import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.emulator.aws.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations to and from the AWS provider, over the official SDK on a real socket to the AWS emulator. The issue's
 * 5,000 secrets are scaled down to {@value #SECRETS} here to keep the build short; the benchmark runs the full
 * size.
 */
@DisplayName("Migration: local -> AWS (emulator) -> local")
class AwsEmulatorMigrationTest {

    static final int SECRETS = 80;

    @TempDir
    Path tmp;
    AwsSecretsManagerEmulator emulator;

    @BeforeEach
    void start() {
        emulator = AwsSecretsManagerEmulator.builder().port(0).build().start();
    }

    @AfterEach
    void stop() {
        emulator.close();
    }

    private Map<String, Object> awsConfig() {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("provider", "aws");
        config.put("auth_type", "ACCESS_KEY");
        config.put("awsAccessKey", DefaultIdentity.ADMIN_ACCESS_KEY_ID);
        config.put("awsSecretAccessKey", DefaultIdentity.ADMIN_SECRET_ACCESS_KEY);
        config.put("awsRegion", DefaultIdentity.REGION);
        config.put("endpoint", emulator.endpoint().toString());
        config.put("retry", Map.of("maxAttempts", 2, "initialBackoff", "PT0.01S", "maxBackoff", "PT0.02S"));
        return config;
    }

    private static SecretName name(int i) {
        return SecretName.of("airbyte_workspace_" + i + "_secret_" + (i * 7919) + "_v1");
    }

    @Test
    @DisplayName("every secret arrives once and verified; history to AWS; latest only back (AWS cannot list versions yet), as reported")
    void roundTrip() {
        try (SecretStore local = LocalStores.open(tmp.resolve("a")); SecretStore aws = SecretStores.open(awsConfig());
             SecretStore back = LocalStores.open(tmp.resolve("c"))) {
            for (int i = 0; i < SECRETS; i++) {
                local.create(name(i), SecretValue.ofText("value-" + i), Map.of("team", "t" + (i % 5)));
                if (i % 4 == 0) {
                    local.put(name(i), SecretValue.ofText("value-" + i + "-b"));
                }
            }

            MigrationReport out = Migration.builder(local, aws).journal(tmp.resolve("out.journal")).build().run();

            assertThat(out.succeeded()).as("%s", out.failures()).isTrue();
            assertThat(out.allVersions()).isTrue();
            assertThat(out.copied()).isEqualTo(SECRETS);
            assertThat(out.versionsCopied()).isEqualTo(SECRETS + SECRETS / 4);
            SecretName multi = name(4);
            Map<String, String> tags = aws.describe(multi).tags();
            assertThat(tags).containsEntry("team", "t4").containsEntry(aws.managedTagKey(), "true");
            assertThat(aws.read(multi).value().text()).isEqualTo("value-4-b");
            try (var all = aws.listAll(null)) {
                assertThat(all.count()).isEqualTo(SECRETS);
            }

            MigrationReport again = Migration.builder(local, aws).journal(tmp.resolve("out.journal")).build().run();
            assertThat(again.alreadyMigrated()).isEqualTo(SECRETS);
            assertThat(again.versionsCopied()).isZero();

            MigrationReport home = Migration.builder(aws, back).journal(tmp.resolve("back.journal")).build().run();

            assertThat(home.succeeded()).as("%s", home.failures()).isTrue();
            assertThat(home.allVersions()).isFalse();
            assertThat(home.history()).contains("latest version only").contains("'aws'");
            for (int i = 0; i < SECRETS; i++) {
                String latest = i % 4 == 0 ? "value-" + i + "-b" : "value-" + i;
                assertThat(back.listVersions(name(i))).hasSize(1);
                assertThat(back.read(name(i)).value().text()).isEqualTo(latest);
                assertThat(back.describe(name(i)).tags()).containsEntry("team", "t" + (i % 5));
            }
        }
    }

    @Test
    @DisplayName("throttling beyond the AWS provider's retry policy slows the migration and fails nothing")
    void throttled() {
        try (SecretStore local = LocalStores.open(tmp.resolve("a")); SecretStore aws = SecretStores.open(awsConfig())) {
            for (int i = 0; i < 20; i++) {
                local.create(name(i), SecretValue.ofText("value-" + i));
            }
            // More throttled answers than the provider's two attempts can absorb.
            emulator.setFault(Fault.ALL_OPERATIONS, Fault.throttling().times(12));

            MigrationReport report = Migration.builder(local, aws).journal(tmp.resolve("t.journal")).concurrency(4)
                    .throttleRetries(30, Duration.ofMillis(5), Duration.ofMillis(50)).build().run();

            assertThat(report.succeeded()).as("%s", report.failures()).isTrue();
            assertThat(report.throttled()).isPositive();
            for (int i = 0; i < 20; i++) {
                assertThat(aws.read(name(i)).value().text()).isEqualTo("value-" + i);
            }
            try (var all = aws.listAll(null)) {
                assertThat(all.map(m -> m.name().value()).toList()).hasSize(20).doesNotHaveDuplicates();
            }
        }
    }
}
