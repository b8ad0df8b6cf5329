package dev.secretstore.conformance;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.Operation;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.util.Map;

/** The writes a read-only store must refuse, each with the operation its error must name. */
enum DeniedWrite {
    CREATE("create a new secret", Operation.CREATE, false, null) {
        @Override
        void attempt(SecretStore store, SecretName name) {
            store.create(name, SecretValue.ofText("written through a read-only store"));
        }
    },
    CREATE_WITH_TAGS("create a new secret with user tags", Operation.CREATE, false, Capability.TAGS) {
        @Override
        void attempt(SecretStore store, SecretName name) {
            store.create(name, SecretValue.ofText("written through a read-only store"), Map.of("team", "intruder"));
        }
    },
    PUT_NEW("put a new secret", Operation.PUT, false, null) {
        @Override
        void attempt(SecretStore store, SecretName name) {
            store.put(name, SecretValue.ofText("written through a read-only store"));
        }
    },
    PUT_NEW_VERSION("put a new version of an existing secret", Operation.PUT, true, null) {
        @Override
        void attempt(SecretStore store, SecretName name) {
            store.put(name, SecretValue.ofText("written through a read-only store"));
        }
    },
    PUT_TAGS("put with new user tags", Operation.PUT, true, Capability.TAGS) {
        @Override
        void attempt(SecretStore store, SecretName name) {
            store.put(name, SecretValue.ofText("written through a read-only store"), Map.of("team", "intruder"));
        }
    },
    DELETE("delete an existing secret", Operation.DELETE, true, null) {
        @Override
        void attempt(SecretStore store, SecretName name) {
            store.delete(name);
        }
    },
    FORCE_DELETE("force-delete an existing secret", Operation.DELETE, true, null) {
        @Override
        void attempt(SecretStore store, SecretName name) {
            store.delete(name, DeleteOptions.force());
        }
    },
    /** The privileged store deletes the secret with a recovery window first; the read-only one tries to restore it. */
    RESTORE("restore a soft-deleted secret", Operation.RESTORE, true, Capability.RESTORE) {
        @Override
        void attempt(SecretStore store, SecretName name) {
            store.restore(name);
        }
    };

    private final String description;
    final Operation operation;
    final boolean needsExistingSecret;
    /** The capability the write uses, if any: without it the engine refuses the call before any I/O. */
    final Capability needs;

    DeniedWrite(String description, Operation operation, boolean needsExistingSecret, Capability needs) {
        this.description = description;
        this.operation = operation;
        this.needsExistingSecret = needsExistingSecret;
        this.needs = needs;
    }

    abstract void attempt(SecretStore store, SecretName name);

    /** Whether the privileged store soft-deletes the existing secret before the attempt. */
    boolean needsSoftDeletedSecret() {
        return this == RESTORE;
    }

    @Override
    public String toString() {
        return description;
    }
}
