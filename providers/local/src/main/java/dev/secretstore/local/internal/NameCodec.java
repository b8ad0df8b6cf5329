package dev.secretstore.local.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Maps a logical secret name ({@code [A-Za-z0-9._/-]}) to a record file name, injectively, using only
 * {@code [a-z0-9._-]} so that case-insensitive file systems cannot merge two names either.
 *
 * <p>Escape scheme: {@code a-z 0-9 . -} stay; an upper-case letter becomes {@code _} + its lower case;
 * {@code _} becomes {@code __}; {@code /} becomes {@code _-}. Each escape starts with {@code _} and is two
 * characters long, so decoding is unambiguous. Escaping can double a name's length, and file names are
 * limited to 255 bytes, so an escaped name longer than {@link #MAX_ESCAPED} is stored as {@code =} +
 * SHA-256 of the name instead; {@code =} never occurs in an escaped name, so the two forms cannot meet, and
 * every record also carries its real name, which is checked on every read (through the AES-GCM associated
 * data), so even a hash collision could never return another secret's value.
 */
public final class NameCodec {
  public static final String RECORD_SUFFIX = ".rec";
  static final int MAX_ESCAPED = 200;
  private static final char HASHED_MARK = '=';

  private NameCodec() {}

  public static String fileName(String name) {
    StringBuilder out = new StringBuilder(name.length() + 8);
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '-') {
        out.append(c);
      } else if (c >= 'A' && c <= 'Z') {
        out.append('_').append((char) (c + ('a' - 'A')));
      } else if (c == '_') {
        out.append("__");
      } else if (c == '/') {
        out.append("_-");
      } else {
        throw new IllegalArgumentException("character not allowed in a secret name at index " + i);
      }
    }
    if (out.length() > MAX_ESCAPED) {
      return HASHED_MARK + sha256Hex(name) + RECORD_SUFFIX;
    }
    return out.append(RECORD_SUFFIX).toString();
  }

  /**
   * The name whose record file is called {@code fileName}, when that file name is an escaped name (not a
   * hashed one) and decodes to a valid secret name. Lets a listing that finds no index name a record whose
   * header cannot be read, so the damage is reported instead of the secret vanishing.
   */
  public static java.util.Optional<String> nameOf(String fileName) {
    if (!isRecordFile(fileName)) {
      return java.util.Optional.empty();
    }
    String escaped = fileName.substring(0, fileName.length() - RECORD_SUFFIX.length());
    StringBuilder name = new StringBuilder(escaped.length());
    for (int i = 0; i < escaped.length(); i++) {
      char c = escaped.charAt(i);
      if (c != '_') {
        name.append(c);
        continue;
      }
      if (++i == escaped.length()) {
        return java.util.Optional.empty();
      }
      char next = escaped.charAt(i);
      if (next >= 'a' && next <= 'z') {
        name.append((char) (next - ('a' - 'A')));
      } else if (next == '_') {
        name.append('_');
      } else if (next == '-') {
        name.append('/');
      } else {
        return java.util.Optional.empty();
      }
    }
    String decoded = name.toString();
    try {
      // Only a file name this store would give that name: the mapping is injective, so this is the one name.
      return dev.secretstore.SecretName.isValid(decoded) && fileName.equals(fileName(decoded))
          ? java.util.Optional.of(decoded) : java.util.Optional.empty();
    } catch (IllegalArgumentException notAName) {
      return java.util.Optional.empty();
    }
  }

  /** Whether a directory entry is a record file (temporary files and the lock/key-check files are not). */
  public static boolean isRecordFile(String fileName) {
    return fileName.endsWith(RECORD_SUFFIX) && !fileName.startsWith(".");
  }

  private static String sha256Hex(String name) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(name.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is not available in this JDK", e);
    }
  }
}
