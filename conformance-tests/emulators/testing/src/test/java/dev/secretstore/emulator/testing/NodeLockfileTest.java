package dev.secretstore.emulator.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NodeLockfileTest {

    @Test
    void namesTheLinesThatRecordALocationOrARegistry(@TempDir Path dir) throws IOException {
        Path lock = Files.writeString(dir.resolve("package-lock.json"), """
                {"packages": {"node_modules/a": {"version": "1.0.0",
                    "resolved": "https://registry.example.test/a/-/a-1.0.0.tgz",
                    "integrity": "sha512-x"},
                  "node_modules/b": {"funding": {"url": "https://example.org/fund"},
                    "note": "Registry"}}}
                """);
        NodeLockfile lockfile = NodeLockfile.read(lock);
        assertEquals(List.of("\"resolved\": \"https://registry.example.test/a/-/a-1.0.0.tgz\","),
                lockfile.resolvedFields());
        assertEquals(List.of("\"resolved\": \"https://registry.example.test/a/-/a-1.0.0.tgz\",",
                "\"note\": \"Registry\"}}}"), lockfile.registryMentions());
    }
}
