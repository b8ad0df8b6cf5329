package dev.secretstore.cli;

import dev.secretstore.SecretMetadata;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** JSON shapes of what the store returns; metadata only, never a value. */
final class SecretDocuments {

    private SecretDocuments() {
    }

    static Map<String, Object> metadata(SecretMetadata m, String managedTagKey) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", m.name().value());
        d.put("nativeId", m.nativeId());
        m.version().ifPresent(v -> d.put("version", v));
        d.put("managed", m.isManaged(managedTagKey));
        d.put("tags", new LinkedHashMap<>(m.tags()));
        m.integrityProblem().ifPresent(problem -> d.put("integrityProblem", problem));
        putInstant(d, "createdAt", m.createdAt());
        putInstant(d, "updatedAt", m.updatedAt());
        putInstant(d, "deletionDate", m.deletionDate());
        return d;
    }

    private static void putInstant(Map<String, Object> d, String key, Optional<Instant> instant) {
        instant.ifPresent(i -> d.put(key, i.toString()));
    }
}
