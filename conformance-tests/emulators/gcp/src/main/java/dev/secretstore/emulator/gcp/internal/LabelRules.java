package dev.secretstore.emulator.gcp.internal;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Label and annotation rules from the Secret Manager docs: at most 64 labels; keys 1–63 characters, starting
 * with a lowercase letter or international character, then lowercase letters, digits, underscores, dashes and
 * international characters; values 0–63 characters of the same classes. Annotations: keys 1–63 characters of
 * letters, digits, '-', '_' and '.', beginning and ending with a letter or digit; 16 KiB in total.
 */
public final class LabelRules {
  private static final int MAX_LABELS = 64;
  private static final Pattern KEY = Pattern.compile("[\\p{Ll}\\p{Lo}][\\p{Ll}\\p{Lo}\\p{N}_-]{0,62}");
  private static final Pattern VALUE = Pattern.compile("[\\p{Ll}\\p{Lo}\\p{N}_-]{0,63}");
  private static final Pattern ANNOTATION_KEY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?");
  private static final int MAX_ANNOTATION_BYTES = 16 * 1024;

  private LabelRules() {}

  public static void checkLabels(Map<String, String> labels) {
    if (labels.size() > MAX_LABELS) {
      throw ApiError.invalidArgument("A secret may have at most " + MAX_LABELS + " labels; got " + labels.size() + ".");
    }
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!KEY.matcher(e.getKey()).matches()) {
        throw ApiError.invalidArgument("Label key '" + e.getKey() + "' is invalid: keys must be 1-63 characters, "
            + "start with a lowercase letter or international character, and contain only lowercase letters, "
            + "numeric characters, underscores, dashes and international characters.");
      }
      if (!VALUE.matcher(e.getValue()).matches()) {
        throw ApiError.invalidArgument("Label value of key '" + e.getKey() + "' is invalid: values must be 0-63 "
            + "characters and contain only lowercase letters, numeric characters, underscores, dashes and "
            + "international characters.");
      }
    }
  }

  public static void checkAnnotations(Map<String, String> annotations) {
    int bytes = 0;
    for (Map.Entry<String, String> e : annotations.entrySet()) {
      if (!ANNOTATION_KEY.matcher(e.getKey()).matches()) {
        throw ApiError.invalidArgument("Annotation key '" + e.getKey() + "' is invalid: keys must be 1-63 "
            + "characters of letters, digits, '-', '_' and '.', beginning and ending with a letter or digit.");
      }
      bytes += e.getKey().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
          + e.getValue().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }
    if (bytes > MAX_ANNOTATION_BYTES) {
      throw ApiError.invalidArgument("Annotations may total at most 16KiB; got " + bytes + " bytes.");
    }
  }
}
