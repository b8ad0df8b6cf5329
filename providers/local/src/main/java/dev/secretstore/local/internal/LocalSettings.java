package dev.secretstore.local.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local store's resolved configuration: where it lives, where its key comes from, whether it may write.
 */
public record LocalSettings(Path storeDir, KeySource keySource, boolean readOnly, String tagKey) {
  public static final String DEFAULT_PATH = "~/.secretstore/store";
  public static final String DEFAULT_KEY_FILE = "~/.secretstore/master.key";
  public static final String DEFAULT_TAG_KEY = "AirbyteManaged";

  /**
   * Applies defaults and expands {@code ~}.
   *
   * @param home the directory {@code ~} stands for (the user's home in production, a temp dir in tests)
   */
  public static LocalSettings resolve(Optional<String> path, Optional<String> keyFile, Optional<String> keyEnv,
      boolean readOnly, Optional<String> tagKey, Path home) {
    if (keyFile.isPresent() && keyEnv.isPresent()) {
      throw StoreFault.config("keyEnv", "give either keyFile or keyEnv, not both");
    }
    Path storeDir = expand(path.orElse(DEFAULT_PATH), "path", home);
    KeySource key;
    if (keyEnv.isPresent()) {
      if (keyEnv.get().isBlank() || keyEnv.get().indexOf('=') >= 0) {
        throw StoreFault.config("keyEnv", "expected the name of an environment variable");
      }
      key = new KeySource.Env(keyEnv.get());
    } else {
      key = new KeySource.File(expand(keyFile.orElse(DEFAULT_KEY_FILE), "keyFile", home));
    }
    String tag = tagKey.orElse(DEFAULT_TAG_KEY);
    if (tag.isBlank()) {
      throw StoreFault.config("tagKey", "expected a non-empty tag key");
    }
    return new LocalSettings(storeDir, key, readOnly, tag);
  }

  static Path expand(String text, String field, Path home) {
    if (text.isBlank()) {
      throw StoreFault.config(field, "expected a file system path");
    }
    try {
      if (text.equals("~")) {
        return home.toAbsolutePath().normalize();
      }
      if (text.startsWith("~/") || text.startsWith("~" + java.io.File.separator)) {
        return home.resolve(text.substring(2)).toAbsolutePath().normalize();
      }
      if (text.startsWith("~")) {
        throw StoreFault.config(field, "only '~' and '~/...' are expanded (to the current user's home)");
      }
      return Path.of(text).toAbsolutePath().normalize();
    } catch (InvalidPathException e) {
      throw StoreFault.config(field, "expected a file system path (" + e.getReason() + ")");
    }
  }
}
