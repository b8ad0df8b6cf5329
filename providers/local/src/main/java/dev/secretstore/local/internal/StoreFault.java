package dev.secretstore.local.internal;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * A failure inside the local store engine. Carries no secret value and no key material: the detail is
 * written by this module from names, paths and fixed phrases only.
 */
public final class StoreFault extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final FaultKind kind;
  private final String secretName;
  private final String detail;
  private final String remediation;
  private final String configField;
  private final String location;

  private StoreFault(FaultKind kind, String secretName, String detail, String remediation, String configField,
      Throwable cause) {
    this(kind, secretName, detail, remediation, configField, null, cause);
  }

  private StoreFault(FaultKind kind, String secretName, String detail, String remediation, String configField,
      String location, Throwable cause) {
    super(detail, cause, false, true);
    this.kind = Objects.requireNonNull(kind);
    this.secretName = secretName;
    this.detail = Objects.requireNonNull(detail);
    this.remediation = remediation;
    this.configField = configField;
    this.location = location;
  }

  /** Stored data of {@code secretName} at {@code location} failed its integrity check. */
  public static StoreFault integrity(String secretName, String detail, Path location) {
    return new StoreFault(FaultKind.INTEGRITY, secretName, detail, null, null, location.toString(), null);
  }

  /** The same fault, told which file it concerns (kept if it already knows). */
  public StoreFault atLocation(Path file) {
    if (location != null) {
      return this;
    }
    String where = detail.contains(file.toString()) ? detail : detail + " (" + file + ")";
    StoreFault copy = new StoreFault(kind, secretName, where, remediation, configField, file.toString(), getCause());
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  public Optional<String> location() {
    return Optional.ofNullable(location);
  }

  public static StoreFault of(FaultKind kind, String secretName, String detail) {
    return new StoreFault(kind, secretName, detail, null, null, null);
  }

  public static StoreFault of(FaultKind kind, String secretName, String detail, String remediation) {
    return new StoreFault(kind, secretName, detail, remediation, null, null);
  }

  public static StoreFault io(String secretName, String detail, Throwable cause) {
    return new StoreFault(FaultKind.UNAVAILABLE, secretName, detail, null, null, cause);
  }

  public static StoreFault config(String field, String detail) {
    return new StoreFault(FaultKind.INVALID_CONFIG, null, detail, null, field, null);
  }

  /** The same fault, told about the secret it concerns. */
  public StoreFault forSecret(String name) {
    if (secretName != null || name == null) {
      return this;
    }
    StoreFault copy = new StoreFault(kind, name, detail, remediation, configField, location, getCause());
    copy.setStackTrace(getStackTrace());
    return copy;
  }

  public FaultKind kind() {
    return kind;
  }

  public Optional<String> secretName() {
    return Optional.ofNullable(secretName);
  }

  public String detail() {
    return detail;
  }

  public Optional<String> remediation() {
    return Optional.ofNullable(remediation);
  }

  public Optional<String> configField() {
    return Optional.ofNullable(configField);
  }
}
