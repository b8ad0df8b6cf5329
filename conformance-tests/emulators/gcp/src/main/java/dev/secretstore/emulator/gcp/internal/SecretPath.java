package dev.secretstore.emulator.gcp.internal;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed resource name: {@code projects/P[/locations/L]} optionally followed by {@code /secrets/S} and
 * {@code /versions/V}. P is whatever the caller wrote (project id or number); L is empty for global secrets.
 */
public record SecretPath(String projectRef, Optional<String> location, String secretId, String version) {
  private static final Pattern NAME = Pattern.compile(
      "projects/([^/]+)(?:/locations/([^/]+))?(?:/secrets/([^/]+)(?:/versions/([^/]+))?)?");

  public static SecretPath parseParent(String name) {
    SecretPath p = parse(name, "parent");
    if (p.secretId != null) {
      throw ApiError.invalidArgument("Invalid resource field value in the request: parent '" + name + "'.");
    }
    return p;
  }

  public static SecretPath parseSecret(String name, String field) {
    SecretPath p = parse(name, field);
    if (p.secretId == null || p.version != null) {
      throw ApiError.invalidArgument("Invalid resource field value in the request: " + field + " '" + name + "'.");
    }
    return p;
  }

  public static SecretPath parseVersion(String name) {
    SecretPath p = parse(name, "name");
    if (p.version == null) {
      throw ApiError.invalidArgument("Invalid resource field value in the request: name '" + name + "'.");
    }
    return p;
  }

  private static SecretPath parse(String name, String field) {
    Matcher m = NAME.matcher(name == null ? "" : name);
    if (!m.matches()) {
      throw ApiError.invalidArgument("Invalid resource field value in the request: " + field + " '" + name + "'.");
    }
    return new SecretPath(m.group(1), Optional.ofNullable(m.group(2)), m.group(3), m.group(4));
  }

  public SecretPath withSecret(String id) {
    return new SecretPath(projectRef, location, id, null);
  }

  public SecretPath withVersion(String v) {
    return new SecretPath(projectRef, location, secretId, v);
  }

  public SecretPath secretOnly() {
    return new SecretPath(projectRef, location, secretId, null);
  }

  /** The name as the service prints it: project number, then location, secret and version as present. */
  public String canonical(Project project) {
    StringBuilder b = new StringBuilder(project.canonicalName());
    location.ifPresent(l -> b.append("/locations/").append(l));
    if (secretId != null) {
      b.append("/secrets/").append(secretId);
    }
    if (version != null) {
      b.append("/versions/").append(version);
    }
    return b.toString();
  }
}
