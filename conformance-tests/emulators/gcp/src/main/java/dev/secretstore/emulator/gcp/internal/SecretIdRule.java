package dev.secretstore.emulator.gcp.internal;

import java.util.regex.Pattern;

/**
 * A secret id: 1–255 characters of ASCII letters, digits, underscores and hyphens. The service's message for an id
 * of the wrong characters (an empty id included) is on record and names the pattern as {@code [a-zA-Z_0-9]+}, even
 * though hyphens are allowed; the wording for an id over 255 characters is the emulator's own.
 */
public final class SecretIdRule {
  static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]+");
  private static final int MAX_LENGTH = 255;

  private SecretIdRule() {}

  public static void check(String id) {
    String given = id == null ? "" : id;
    if (!ID.matcher(given).matches()) {
      throw ApiError.invalidArgument("The provided Secret ID [" + given
          + "] does not match the expected format [[a-zA-Z_0-9]+]");
    }
    if (given.length() > MAX_LENGTH) {
      throw ApiError.invalidArgument("The provided Secret ID [" + given + "] is " + given.length()
          + " characters long; a secret ID may be at most " + MAX_LENGTH + " characters.");
    }
  }
}
