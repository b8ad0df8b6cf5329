/**
 * Connector configs and their secrets: split a config into secret references, hydrate it back, update it
 * in two phases, mask it, and sweep orphaned secrets. Public API in {@code dev.secretstore.connections}.
 */
module dev.secretstore.connections {
    requires transitive dev.secretstore;
    requires transitive com.fasterxml.jackson.databind;

    exports dev.secretstore.connections;
}
