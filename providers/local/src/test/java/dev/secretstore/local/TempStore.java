package dev.secretstore.local;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A local store laid out in a test's temporary directory, with a fake home so that nothing ever touches the
 * real {@code ~/.secretstore}.
 */
final class TempStore {
  final Path root;
  final Path home;
  final Path storeDir;
  final Path keyFile;
  final Map<String, String> environment = new HashMap<>();
  Clock clock = Clock.systemUTC();

  TempStore(Path root) {
    this.root = root;
    this.home = root.resolve("home");
    this.storeDir = root.resolve("store");
    this.keyFile = root.resolve("keys/master.key");
  }

  LocalSecretStoreProvider provider() {
    Function<String, String> env = environment::get;
    return new LocalSecretStoreProvider(env, home, clock);
  }

  Map<String, Object> config() {
    Map<String, Object> config = new HashMap<>();
    config.put("path", storeDir.toString());
    config.put("keyFile", keyFile.toString());
    return config;
  }

  Map<String, Object> readOnlyConfig() {
    Map<String, Object> config = config();
    config.put("readOnly", true);
    return config;
  }

  SecretStore open() {
    return open(config());
  }

  SecretStore open(Map<String, ?> config) {
    return SecretStores.open(provider(), config);
  }

  /** Writes a file only its owner can read (mode 0600), as a key file must be. */
  static Path writePrivate(Path file, String content) throws java.io.IOException {
    java.nio.file.Files.deleteIfExists(file);
    java.nio.file.Files.createFile(file, java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
    return java.nio.file.Files.writeString(file, content);
  }
}
