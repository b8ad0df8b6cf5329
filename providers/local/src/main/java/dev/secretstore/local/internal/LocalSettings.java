package dev.secretstore.local.internal;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The local store's resolved configuration: where it lives, where its key comes from, whether it may write.
 */
public record LocalSettings(Path storeDir, KeySource keySource, boolean readOnly, String tagKey,
    boolean allowInsecurePermissions) {
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
    return resolve(path, keyFile, keyEnv, readOnly, tagKey, false, home);
  }

  /** As above, with {@code allowInsecurePermissions} (warn instead of refusing a key or store others can reach). */
  public static LocalSettings resolve(Optional<String> path, Optional<String> keyFile, Optional<String> keyEnv,
      boolean readOnly, Optional<String> tagKey, boolean allowInsecurePermissions, Path home) {
    if (keyFile.isPresent() && keyEnv.isPresent()) {
      throw StoreFault.config("keyEnv", "give either keyFile or keyEnv, not both");
    }
    Path storeDir = expand(path.orElse(DEFAULT_PATH), "path", home);
    KeySource key;
    if (keyEnv.isPresent()) {
      // Never echoed: a user who pasted the key itself here would otherwise see it in the error.
      if (looksLikeKey(keyEnv.get())) {
        throw StoreFault.config("keyEnv", "expected the name of an environment variable that holds the key,"
            + " not the key itself");
      }
      if (!ENV_NAME.matcher(keyEnv.get()).matches()) {
        throw StoreFault.config("keyEnv", "expected the name of an environment variable (letters, digits and _,"
            + " not starting with a digit)");
      }
      key = new KeySource.Env(keyEnv.get());
    } else {
      // Never echoed, and no file named after it is ever created: the key itself pasted where its path goes.
      if (keyFile.isPresent() && looksLikeKey(keyFile.get())) {
        throw StoreFault.config("keyFile", "expected the path of the key file, not the key itself (the value"
            + " is not repeated here); put the key in a file with mode 0600 and give its path");
      }
      key = new KeySource.File(expand(keyFile.orElse(DEFAULT_KEY_FILE), "keyFile", home));
    }
    String tag = tagKey.orElse(DEFAULT_TAG_KEY);
    if (tag.isBlank()) {
      throw StoreFault.config("tagKey", "expected a non-empty tag key");
    }
    return new LocalSettings(storeDir, key, readOnly, tag, allowInsecurePermissions);
  }

  private static final java.util.regex.Pattern ENV_NAME = java.util.regex.Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

  private static boolean looksLikeKey(String text) {
    String trimmed = text.strip();
    // Variable names are conventionally upper case; a random base64 key has lower-case letters.
    if (trimmed.chars().noneMatch(Character::isLowerCase)) {
      return false;
    }
    for (java.util.Base64.Decoder decoder : List.of(java.util.Base64.getDecoder(), java.util.Base64.getUrlDecoder())) {
      try {
        if (decoder.decode(trimmed).length == MasterKey.BYTES) {
          return true;
        }
      } catch (IllegalArgumentException notBase64) {
        // try the other alphabet
      }
    }
    return false;
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
