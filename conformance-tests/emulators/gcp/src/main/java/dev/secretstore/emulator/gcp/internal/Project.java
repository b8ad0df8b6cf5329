package dev.secretstore.emulator.gcp.internal;

/** A project: requests may name it by id or number; the service answers with the number, as Google does. */
public record Project(String id, long number) {
  public String canonicalName() {
    return "projects/" + number;
  }
}
