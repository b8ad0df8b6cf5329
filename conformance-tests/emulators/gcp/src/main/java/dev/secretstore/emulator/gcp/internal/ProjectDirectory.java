package dev.secretstore.emulator.gcp.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Known projects, found by id or number; optionally creates a project the first time it is named. */
public final class ProjectDirectory {
  private static final long FIRST_AUTO_NUMBER = 100_000_000_001L;
  private final Map<String, Project> byRef = new LinkedHashMap<>();
  private boolean autoCreate;
  private long nextNumber = FIRST_AUTO_NUMBER;

  public synchronized void reset(Iterable<Project> projects, boolean autoCreate) {
    byRef.clear();
    this.autoCreate = autoCreate;
    nextNumber = FIRST_AUTO_NUMBER;
    for (Project p : projects) {
      add(p);
    }
  }

  private void add(Project p) {
    byRef.put(p.id(), p);
    byRef.put(Long.toString(p.number()), p);
    nextNumber = Math.max(nextNumber, p.number() + 1);
  }

  public synchronized Optional<Project> find(String ref) {
    Project p = byRef.get(ref);
    if (p == null && autoCreate && ref.matches("[a-z][a-z0-9-]{4,28}[a-z0-9]")) {
      p = new Project(ref, nextNumber);
      add(p);
    }
    return Optional.ofNullable(p);
  }

  public synchronized Iterable<Project> all() {
    return new java.util.LinkedHashSet<>(byRef.values());
  }
}
