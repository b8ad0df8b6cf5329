package dev.secretstore.local;

import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.local.internal.Faults;
import dev.secretstore.local.internal.LocalSecretStoreSpi;
import dev.secretstore.local.internal.StoreFault;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Map;

/**
 * Rotates the master key of a local store: every record and value is re-encrypted under a new random key,
 * then the key file is replaced. Crash-safe: killed at any point, the store opens with the key file as it
 * then is (the old key until every file is re-encrypted, the new one after), and the next writable open
 * finishes the rotation. The old key is kept (in the key file, then sealed in the store's rotation marker)
 * until the rotation is complete. Writers wait for it; a key given through {@code keyEnv} cannot be rotated
 * by the store.
 *
 * <pre>{@code
 * LocalKeyRotation.rotate(Map.of("path", "~/.secretstore/store", "keyFile", "~/.secretstore/master.key"));
 * }</pre>
 */
public final class LocalKeyRotation {
  private LocalKeyRotation() {}

  /**
   * @param config the local store's config, as for {@link dev.secretstore.SecretStores#open}
   * @throws InvalidConfigException if the config is not a valid local config
   * @throws SecretStoreException   if the store cannot be opened or rotated (nothing is lost either way)
   */
  public static void rotate(Map<String, ?> config) {
    rotate(new LocalSecretStoreProvider(), config);
  }

  static void rotate(LocalSecretStoreProvider provider, Map<String, ?> config) {
    Object named = config.get(StoreConfig.PROVIDER_FIELD);
    if (named != null && !LocalSecretStoreProvider.NAME.equals(named)) {
      throw new InvalidConfigException(LocalSecretStoreProvider.NAME, List.of(ConfigProblem.of(
          StoreConfig.PROVIDER_FIELD, "key rotation is for the local store; this config is for another provider")));
    }
    StoreConfig storeConfig = StoreConfig.of(LocalSecretStoreProvider.NAME, config, provider.configFields());
    List<ConfigProblem> problems = provider.validate(storeConfig);
    if (!problems.isEmpty()) {
      throw new InvalidConfigException(LocalSecretStoreProvider.NAME, problems);
    }
    LocalSecretStoreSpi spi = (LocalSecretStoreSpi) provider.open(storeConfig);
    try {
      spi.store().rotateKey();
    } catch (StoreFault fault) {
      throw Faults.toException(fault, null, null);
    }
  }
}
