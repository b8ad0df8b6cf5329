package dev.secretstore.emulator.gcp.internal;

import java.util.regex.Pattern;

/** A secret id: 1–255 characters of ASCII letters, digits, underscores and hyphens. */
public final class SecretIdRule {
  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{1,255}");

  private SecretIdRule() {}

  public static void check(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw ApiError.invalidArgument("Invalid secret_id '" + (id == null ? "" : id) + "': a secret ID must be "
          + "1-255 characters and contain only ASCII letters, numbers, underscores (_) and hyphens (-).");
    }
  }
}
