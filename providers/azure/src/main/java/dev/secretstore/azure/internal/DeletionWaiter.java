package dev.secretstore.azure.internal;

import dev.secretstore.SecretName;
import dev.secretstore.StoreUnavailableException;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Key Vault deletes, recovers and purges asynchronously: polls the secret's state with bounded exponential backoff
 * until it has changed, never with a fixed sleep.
 */
final class DeletionWaiter {
    private final Duration first;
    private final Duration max;
    private final Duration total;

    DeletionWaiter(Duration first, Duration max, Duration total) {
        this.first = first;
        this.max = max;
        this.total = total;
    }

    void await(SecretName name, String what, BooleanSupplier done) {
        long deadline = System.nanoTime() + total.toNanos();
        Duration wait = first;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() + wait.toNanos() > deadline) {
                throw new StoreUnavailableException(KeyVaultErrors.PROVIDER, null, name, what + " did not complete "
                        + "within " + total.toSeconds() + " s", "check the secret's state in the vault and retry", null);
            }
            try {
                Thread.sleep(wait.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new StoreUnavailableException(KeyVaultErrors.PROVIDER, null, name, "interrupted while waiting for "
                        + what, null, null);
            }
            Duration doubled = wait.multipliedBy(2);
            wait = doubled.compareTo(max) > 0 ? max : doubled;
        }
    }
}
