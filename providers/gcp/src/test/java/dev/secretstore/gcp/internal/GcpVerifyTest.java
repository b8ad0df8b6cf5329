package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.VerificationReport;
import dev.secretstore.VerificationStep;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("gcp verify")
class GcpVerifyTest {

    static EmulatorWorld world;

    @BeforeAll
    static void start() {
        world = new EmulatorWorld();
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @Test
    @DisplayName("verify passes and says that deletion is permanent on this store")
    void deletionIsPermanent() {
        try (SecretStore store = world.store(EmulatorWorld.STORE_ACCOUNT, EmulatorWorld.NAME_PREFIX)) {
            VerificationReport report = store.verify();

            assertThat(report.passed()).as(report.toString()).isTrue();
            assertThat(report.steps()).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("deletion is permanent");
                assertThat(s.detail()).hasValueSatisfying(d -> assertThat(d).contains("no soft delete"));
            });
            assertThat(report.steps()).noneMatch(s -> s.name().equals("key project"));
        }
    }

    @Test
    @DisplayName("a key from another project is allowed, and verify mentions it as a warning")
    void keyFromAnotherProject() {
        JsonObject key = JsonParser.parseString(world.keyJson(EmulatorWorld.STORE_ACCOUNT)).getAsJsonObject();
        key.addProperty("project_id", "ci-keys-project");
        try (SecretStore store = SecretStores.open(world.keyConfig(key.toString(), EmulatorWorld.NAME_PREFIX))) {
            VerificationReport report = store.verify();

            assertThat(report.steps()).anySatisfy(s -> {
                assertThat(s.name()).isEqualTo("key project");
                assertThat(s.status()).isEqualTo(VerificationStep.Status.WARNING);
                assertThat(s.detail()).hasValueSatisfying(d -> assertThat(d).contains("ci-keys-project")
                        .contains(EmulatorWorld.PROJECT));
            });
        }
    }

    @Test
    @DisplayName("verify with read-only roles fails at create with the gcloud remediation")
    void readOnlyFails() {
        try (SecretStore store = world.store(EmulatorWorld.READER, EmulatorWorld.NAME_PREFIX)) {
            VerificationReport report = store.verify();

            assertThat(report.passed()).isFalse();
            assertThat(report.toString()).contains("secretmanager.secrets.create").contains("secretstore policy gcp");
        }
    }
}
