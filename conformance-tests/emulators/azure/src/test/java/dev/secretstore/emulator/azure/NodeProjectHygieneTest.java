package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.secretstore.emulator.testing.NodeLockfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Needs neither node nor npm: the committed JavaScript client project pins exact versions, its lockfile records
 * no registry location (repository rule) but does record integrity hashes, and installs are kept out of git.
 */
@DisplayName("The committed Node project (src/test/node) is pinned, registry-free and install-free")
class NodeProjectHygieneTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path PROJECT = Path.of(System.getProperty("basedir", ""), "src/test/node");

    @Test
    @DisplayName("package.json pins exact versions, and the lockfile resolves exactly those")
    void exactPins() throws IOException {
        JsonNode dependencies = JSON.readTree(PROJECT.resolve("package.json").toFile()).path("dependencies");
        JsonNode lockedPackages = JSON.readTree(PROJECT.resolve("package-lock.json").toFile()).path("packages");

        assertThat(dependencies.size()).isEqualTo(2);
        for (Map.Entry<String, JsonNode> pin : dependencies.properties()) {
            assertThat(pin.getValue().asText()).as(pin.getKey()).matches("\\d+\\.\\d+\\.\\d+");
            assertThat(lockedPackages.path("node_modules/" + pin.getKey()).path("version").asText()).as(pin.getKey())
                    .isEqualTo(pin.getValue().asText());
        }
    }

    @Test
    @DisplayName("the lockfile has no 'resolved' location and no registry, but every package has its integrity hash")
    void lockfileWithoutRegistry() throws IOException {
        NodeLockfile lockfile = NodeLockfile.read(PROJECT.resolve("package-lock.json"));
        JsonNode packages = JSON.readTree(PROJECT.resolve("package-lock.json").toFile()).path("packages");
        List<String> withoutIntegrity = new ArrayList<>();
        packages.properties().forEach(entry -> {
            if (!entry.getKey().isEmpty() && !entry.getValue().has("integrity")) {
                withoutIntegrity.add(entry.getKey());
            }
        });

        assertThat(packages.size()).isGreaterThan(10);
        assertThat(lockfile.resolvedFields()).isEmpty();
        assertThat(withoutIntegrity).isEmpty();
        assertThat(lockfile.registryMentions()).isEmpty();
        assertThat(Files.readAllLines(PROJECT.resolve(".npmrc"))).contains("omit-lockfile-registry-resolved=true");
    }

    @Test
    @DisplayName("node_modules is ignored by git next to the project; installs happen under target/")
    void installsStayOutOfGit() throws IOException {
        assertThat(Files.readAllLines(PROJECT.resolve(".gitignore"))).contains("node_modules/");
    }
}
