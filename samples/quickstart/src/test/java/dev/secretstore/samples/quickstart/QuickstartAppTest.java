package dev.secretstore.samples.quickstart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class QuickstartAppTest {

    private static final String PASSWORD = "CANARY-pg-password-41d8";

    @TempDir
    Path dir;

    @Test
    void storesReadsListsAndDeletesWithoutPrintingValues() throws Exception {
        Path config = Files.writeString(dir.resolve("config.json"), "{\"provider\": \"local\", \"path\": \""
                + dir.resolve("store") + "\", \"keyFile\": \"" + dir.resolve("master.key") + "\"}");
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        new QuickstartApp(new PrintStream(output, true, StandardCharsets.UTF_8),
                new ConnectionCredentials("pg-test", "canary-user", PASSWORD)).run(config);

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("1. Opened the 'local' store")
                .contains("2. Stored quickstart/connections/pg-test/password")
                .contains("3. Read back quickstart/connections/pg-test/password: matches")
                .contains("4. Listed quickstart/connections/pg-test/config tagged {AirbyteManaged=true}")
                .contains("5. Deleted quickstart/connections/pg-test/username")
                .doesNotContain(PASSWORD).doesNotContain("CANARY").doesNotContain("canary-user");
        try (SecretStore store = SecretStores.open(Map.of("provider", "local", "path", dir.resolve("store").toString(),
                "keyFile", dir.resolve("master.key").toString()))) {
            assertThat(store.listAll("quickstart/")).isEmpty();
        }
    }

    @Test
    void mainWithoutArgumentsUsesATemporaryLocalStore() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        System.setOut(new PrintStream(output, true, StandardCharsets.UTF_8));
        try {
            QuickstartApp.main(new String[0]);
        } finally {
            System.setOut(original);
        }

        String printed = output.toString(StandardCharsets.UTF_8);
        assertThat(printed).contains("secretstore-quickstart-").contains(": matches").contains("5. Deleted")
                .doesNotContain("DOES NOT MATCH");
        String configFile = printed.lines().filter(l -> l.startsWith("1. ")).findFirst().orElseThrow()
                .replaceAll(".* described by ", "");
        assertThat(Path.of(configFile).getParent()).doesNotExist();
    }
}
