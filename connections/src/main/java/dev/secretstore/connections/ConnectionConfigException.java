package dev.secretstore.connections;

import dev.secretstore.SecretStoreException;
import java.util.List;

/**
 * A connector config that cannot be processed as asked, e.g. a masked value ({@code **********}) sent back
 * where the previous config held no secret. The message names JSON paths, never values.
 */
public final class ConnectionConfigException extends SecretStoreException {

    private static final long serialVersionUID = 1L;

    private final transient List<JsonPath> paths;

    /**
     * @param detail what is wrong, naming paths only
     * @param paths  the paths concerned
     */
    public ConnectionConfigException(String detail, List<JsonPath> paths) {
        super(detail);
        this.paths = List.copyOf(paths);
    }

    /** @return the paths concerned */
    public List<JsonPath> paths() {
        return paths;
    }

    @Override
    protected String kind() {
        return "refused";
    }
}
