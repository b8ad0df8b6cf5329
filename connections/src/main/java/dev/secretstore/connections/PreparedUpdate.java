package dev.secretstore.connections;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * The first phase of an update: changed secrets are written under their next version, and nothing old has
 * been touched. Persist {@link #config()}, then {@link ConnectionSecrets#commit} to delete the superseded
 * versions (or {@link ConnectionSecrets#abort} if the config was not persisted). A process that dies at any
 * point leaves only unreferenced secrets behind, which {@link OrphanSweeper} removes; a persisted config
 * never points at a deleted secret.
 */
public final class PreparedUpdate {

    private final JsonNode config;
    private final List<StoredSecret> written;
    private final List<StoredSecret> superseded;

    PreparedUpdate(JsonNode config, List<StoredSecret> written, List<StoredSecret> superseded) {
        this.config = Objects.requireNonNull(config, "config");
        this.written = List.copyOf(written);
        this.superseded = List.copyOf(superseded);
    }

    /** @return the new sanitised config to persist (a fresh copy) */
    public JsonNode config() {
        return config.deepCopy();
    }

    /** @return the secrets written by this update (deleted by abort) */
    public List<StoredSecret> written() {
        return written;
    }

    /** @return the previous config's managed secrets the new config no longer refers to (deleted by commit) */
    public List<StoredSecret> superseded() {
        return superseded;
    }

    /** @return whether the update wrote nothing and deletes nothing */
    public boolean isNoop() {
        return written.isEmpty() && superseded.isEmpty();
    }

    @Override
    public String toString() {
        return "PreparedUpdate[written=" + written + ", superseded=" + superseded + "]";
    }
}
