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
      "projects/([^/]+)(?:/locations/([^/]+))?(?:/secrets/([A-Za-z0-9_-]+)(?:/versions/([A-Za-z0-9_-]+))?)?");

  public static SecretPath parseParent(String name) {
    SecretPath p = parse(name);
    if (p == null || p.secretId != null) {
      throw malformed("parent", name, "");
    }
    return p;
  }

  /** {@code field} is the request field; the service's message names the resource kind instead. */
  public static SecretPath parseSecret(String name, String field) {
    SecretPath p = parse(name);
    if (p == null || p.secretId == null || p.version != null) {
      throw malformed("Secret ID", name, "/secrets/*");
    }
    return p;
  }

  public static SecretPath parseVersion(String name) {
    SecretPath p = parse(name);
    if (p == null || p.version == null) {
      throw malformed("Secret ID", name, "/secrets/*/versions/*");
    }
    return p;
  }

  /**
   * The service's wording for a malformed name is on record for secrets and versions ("The provided Secret ID
   * [projects/p/secrets/10.128.0.27/versions/latest] does not match the expected format
   * [projects/*&#47;secrets/*&#47;versions/*]"); for a parent it is the emulator's own, in the same form.
   */
  private static ApiError malformed(String what, String name, String tail) {
    String given = name == null ? "" : name;
    String prefix = given.contains("/locations/") ? "projects/*/locations/*" : "projects/*";
    return ApiError.invalidArgument("The provided " + what + " [" + given + "] does not match the expected format ["
        + prefix + tail + "]");
  }

  private static SecretPath parse(String name) {
    Matcher m = NAME.matcher(name == null ? "" : name);
    if (!m.matches()) {
      return null;
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
