package dev.secretstore.cli;

import dev.secretstore.local.LocalKeyRotation;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code secretstore rotate-key}: re-encrypts the local store under a new key, crash-safe. */
@Command(name = "rotate-key", mixinStandardHelpOptions = true, description = {
    "Re-encrypt every secret of the local store under a new random key, then replace the key file.",
    "Crash-safe: if it is interrupted, the store still opens with the key file as it is,",
    "and the next command that writes finishes the rotation. Back up the new key file afterwards."})
final class RotateKeyCommand extends Subcommand {

    @Mixin
    StoreOption store;

    @Override
    public Integer call() {
        Map<String, Object> config = store.configMap(io().in());
        LocalKeyRotation.rotate(config == null ? Map.of() : config);
        if (json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("rotated", true);
            printJson(document);
        } else {
            out().println("rotated the store's key: every secret is now encrypted under the new key in the key file");
            out().flush();
        }
        return ExitCodes.OK;
    }
}
