package dev.secretstore.emulator.gcp.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Label and annotation rules from the Secret Manager API reference: at most 64 labels; keys 1–63 characters
 * (at most 128 bytes of UTF-8) matching {@code [\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}}; values 0–63 characters
 * (at most 128 bytes) matching {@code [\p{Ll}\p{Lo}\p{N}_-]{0,63}}. Annotations: keys 1–63 characters of letters,
 * digits, '-', '_' and '.', beginning and ending with a letter or digit; 16 KiB in total.
 *
 * <p>Messages follow the service's label validator, whose wording is on record for an invalid character
 * ({@code Invalid field "labels.k"; value "…" does not conform to regular expression "…"; character "@" at
 * position 19 is not a non-uppercased letter …}) and for a key's first character; the length, byte-size and count
 * suffixes are the emulator's own words (see the README).
 */
public final class LabelRules {
  private static final int MAX_LABELS = 64;
  private static final int MAX_CHARS = 63;
  private static final int MAX_BYTES = 128;
  static final String KEY_REGEX = "[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]{0,62}";
  static final String VALUE_REGEX = "[\\p{Ll}\\p{Lo}\\p{N}_-]{0,63}";
  private static final java.util.regex.Pattern ANNOTATION_KEY =
      java.util.regex.Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");
  private static final int MAX_ANNOTATION_BYTES = 16 * 1024;

  private LabelRules() {}

  public static void checkLabels(Map<String, String> labels) {
    if (labels.size() > MAX_LABELS) {
      throw ApiError.invalidArgument("Invalid field \"labels\": a resource may have at most " + MAX_LABELS
          + " labels; got " + labels.size() + ".");
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      checkKey(e.getKey());
      checkValue(e.getKey(), e.getValue());
    }
  }

  private static void checkKey(String key) {
    String head = "Invalid field \"labels\"; key \"" + key + "\" does not conform to regular expression \""
        + KEY_REGEX + "\"; ";
    if (key.isEmpty()) {
      throw ApiError.invalidArgument(head + "it is empty");
    }
    int first = key.codePointAt(0);
    if (!isLowerOrOtherLetter(first)) {
      throw ApiError.invalidArgument(head + "first character \"" + Character.toString(first)
          + "\" is not a non-uppercased letter (Unicode character class Ll or Lo)");
    }
    checkCharacters(head, key);
    checkLength(head, key);
  }

  private static void checkValue(String key, String value) {
    String head = "Invalid field \"labels." + key + "\"; value \"" + value + "\" does not conform to regular "
        + "expression \"" + VALUE_REGEX + "\"; ";
    checkCharacters(head, value);
    checkLength(head, value);
  }

  private static void checkCharacters(String head, String s) {
    int position = 0;
    for (int i = 0; i < s.length(); i += Character.charCount(s.codePointAt(i)), position++) {
      int c = s.codePointAt(i);
      if (!isLowerOrOtherLetter(c) && !isNumber(c) && c != '_' && c != '-') {
        throw ApiError.invalidArgument(head + "character \"" + Character.toString(c) + "\" at position " + position
            + " is not a non-uppercased letter (Unicode character class Ll or Lo), digit, hyphen, or underscore");
      }
    }
  }

  private static void checkLength(String head, String s) {
    int chars = s.codePointCount(0, s.length());
    if (chars > MAX_CHARS) {
      throw ApiError.invalidArgument(head + "it is " + chars + " characters long, more than " + MAX_CHARS);
    }
    int bytes = s.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_BYTES) {
      throw ApiError.invalidArgument(head + "its UTF-8 encoding is " + bytes + " bytes, more than " + MAX_BYTES);
    }
  }

  private static boolean isLowerOrOtherLetter(int c) {
    int type = Character.getType(c);
    return type == Character.LOWERCASE_LETTER || type == Character.OTHER_LETTER;
  }

  /** {@code \p{N}}: decimal digits, letter numbers and other numbers. */
  private static boolean isNumber(int c) {
    int type = Character.getType(c);
    return type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
        || type == Character.OTHER_NUMBER;
  }

  public static void checkAnnotations(Map<String, String> annotations) {
    int bytes = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      if (!ANNOTATION_KEY.matcher(e.getKey()).matches()) {
        throw ApiError.invalidArgument("Annotation key '" + e.getKey() + "' is invalid: keys must be 1-63 "
            + "characters of letters, digits, '-', '_' and '.', beginning and ending with a letter or digit.");
      }
      bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length
          + e.getValue().getBytes(StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_ANNOTATION_BYTES) {
      throw ApiError.invalidArgument("Annotations may total at most 16KiB; got " + bytes + " bytes.");
    }
  }
}
