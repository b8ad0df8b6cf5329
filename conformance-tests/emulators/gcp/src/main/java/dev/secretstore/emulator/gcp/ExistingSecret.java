package dev.secretstore.emulator.gcp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A secret to plant as if someone else had created it (no IAM check, no quota). Immutable; use the builder. */
public final class ExistingSecret {
  private final String project;
  private final Optional<String> location;
  private final String secretId;
  private final Map<String, String> labels;
  private final List<byte[]> versions;

  private ExistingSecret(Builder b) {
    this.project = Objects.requireNonNull(b.project, "project");
    this.secretId = Objects.requireNonNull(b.secretId, "secretId");
    this.location = Optional.ofNullable(b.location);
    this.labels = Map.copyOf(b.labels);
    this.versions = b.versions.stream().map(byte[]::clone).toList();
  }

  public static Builder builder(String project, String secretId) {
    return new Builder(project, secretId);
  }

  public String project() {
    return project;
  }

  public Optional<String> location() {
    return location;
  }

  public String secretId() {
    return secretId;
  }

  public Map<String, String> labels() {
    return labels;
  }

  public List<byte[]> versions() {
    return versions.stream().map(byte[]::clone).toList();
  }

  /** Never prints the versions' data. */
  @Override
  public String toString() {
    return "ExistingSecret[" + project + location.map(l -> "/" + l).orElse("") + "/" + secretId + ", "
        + versions.size() + " versions]";
  }

  /** Builds an {@link ExistingSecret}. */
  public static final class Builder {
    private final String project;
    private final String secretId;
    private String location;
    private final Map<String, String> labels = new LinkedHashMap<>();
    private final List<byte[]> versions = new ArrayList<>();

    private Builder(String project, String secretId) {
      this.project = project;
      this.secretId = secretId;
    }

    /** Makes it a regional secret under {@code projects/P/locations/L}. */
    public Builder location(String location) {
      this.location = location;
      return this;
    }

    public Builder label(String key, String value) {
      labels.put(key, value);
      return this;
    }

    public Builder version(byte[] data) {
      versions.add(data.clone());
      return this;
    }

    public Builder version(String utf8) {
      return version(utf8.getBytes(StandardCharsets.UTF_8));
    }

    public ExistingSecret build() {
      return new ExistingSecret(this);
    }
  }
}
