package dev.secretstore.local.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Everything stored about one secret, as held in its record file: metadata in the clear (inside the
 * encrypted envelope) and each version's value still sealed. Immutable; changes return a new record.
 *
 * @param recordId random id chosen at creation, bound into every value's associated data so that values of
 *     a deleted secret cannot be replayed into a later secret of the same name
 * @param deletionDate when a soft-deleted secret is purged; {@code null} while the secret is live
 * @param generation counts the writes of this record (1 when created); the index keeps the latest, so an
 *     older copy of the file put back in place is recognised as rolled back
 */
public record SecretRecord(
    String name,
    String recordId,
    Instant createdAt,
    Instant updatedAt,
    Instant deletionDate,
    Map<String, String> tags,
    List<VersionEntry> versions,
    long generation) {

  /** A record of generation 0 (format 1 records had no counter). */
  public SecretRecord(String name, String recordId, Instant createdAt, Instant updatedAt, Instant deletionDate,
      Map<String, String> tags, List<VersionEntry> versions) {
    this(name, recordId, createdAt, updatedAt, deletionDate, tags, versions, 0);
  }

  public SecretRecord {
    tags = Collections.unmodifiableMap(new TreeMap<>(tags));
    versions = List.copyOf(versions);
    if (versions.isEmpty()) {
      throw new IllegalArgumentException("a record has at least one version");
    }
  }

  public VersionEntry latest() {
    return versions.get(versions.size() - 1);
  }

  public Optional<VersionEntry> version(String id) {
    return versions.stream().filter(v -> v.id().equals(id)).findFirst();
  }

  public String nextVersionId() {
    return Long.toString(Long.parseLong(latest().id()) + 1);
  }

  public boolean isDeleted() {
    return deletionDate != null;
  }

  public boolean isPurgeable(Instant now) {
    return deletionDate != null && !now.isBefore(deletionDate);
  }

  public SecretRecord withVersion(VersionEntry entry) {
    List<VersionEntry> more = new ArrayList<>(versions);
    more.add(entry);
    return new SecretRecord(name, recordId, createdAt, entry.createdAt(), deletionDate, tags, more, generation);
  }

  /** Sets or replaces the given tags; tags not named are kept. */
  public SecretRecord withTagsMerged(Map<String, String> changes, Instant now) {
    Map<String, String> merged = new TreeMap<>(tags);
    merged.putAll(changes);
    return new SecretRecord(name, recordId, createdAt, now, deletionDate, merged, versions, generation);
  }

  public SecretRecord scheduledForDeletion(Instant when, Instant now) {
    return new SecretRecord(name, recordId, createdAt, now, when, tags, versions, generation);
  }

  public SecretRecord restored(Instant now) {
    return new SecretRecord(name, recordId, createdAt, now, null, tags, versions, generation);
  }

  /** The same record as the next write of it: its generation one higher. */
  public SecretRecord nextGeneration() {
    return new SecretRecord(name, recordId, createdAt, updatedAt, deletionDate, tags, versions, generation + 1);
  }

  @Override
  public String toString() {
    return "SecretRecord[" + name + ", versions=" + versions.size() + (isDeleted() ? ", deleted" : "") + "]";
  }
}
