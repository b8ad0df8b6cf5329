package dev.secretstore.cli;

import dev.secretstore.Capability;
import dev.secretstore.DeleteOptions;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code secretstore delete NAME}: soft delete with the store's recovery window, unless told otherwise. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = {
    "Delete a managed secret.",
    "Recoverable for the store's default window, for --recovery-days N,",
    "or at once and for good with --force."})
final class DeleteCommand extends Subcommand {

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "NAME", description = "Secret name.")
    String name;

    @ArgGroup(exclusive = true)
    Mode mode;

    static final class Mode {
        @Option(names = "--force", required = true, description = "Delete permanently, with no recovery window.")
        boolean force;

        @Option(names = "--recovery-days", required = true, paramLabel = "N",
                description = "Keep the secret recoverable for N days.")
        Integer recoveryDays;
    }

    @Override
    public Integer call() {
        SecretName secretName = SecretName.of(name);
        DeleteOptions options = options();
        boolean softDelete;
        try (SecretStore opened = store.open(io().in())) {
            opened.delete(secretName, options);
            softDelete = opened.capabilities().contains(Capability.SOFT_DELETE);
        }
        String how = options.isForce() ? "permanently"
                : !softDelete ? "permanently: this store has no soft delete"
                : options.recoveryWindow().map(w -> "recoverable for " + w.toDays() + " days")
                        .orElse("recoverable for the store's default window");
        if (json()) {
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("deleted", secretName.value());
            document.put("force", options.isForce());
            document.put("recoverable", softDelete && !options.isForce());
            options.recoveryWindow().ifPresent(w -> document.put("recoveryDays", w.toDays()));
            printJson(document);
        } else {
            out().println("deleted '" + secretName + "' (" + how + ")");
            out().flush();
        }
        return ExitCodes.OK;
    }

    private DeleteOptions options() {
        if (mode == null) {
            return DeleteOptions.defaults();
        }
        if (mode.force) {
            return DeleteOptions.force();
        }
        if (mode.recoveryDays <= 0) {
            throw new UsageException("--recovery-days must be at least 1 (use --force to delete at once)");
        }
        return DeleteOptions.recoveryWindow(Duration.ofDays(mode.recoveryDays));
    }
}
