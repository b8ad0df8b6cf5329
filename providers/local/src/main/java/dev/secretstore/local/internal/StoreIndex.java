package dev.secretstore.local.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The store's index, in {@code <store>/.index/}: a sorted {@link IndexSnapshot} plus an append-only
 * {@link IndexLog} of the changes since, compacted into a new snapshot every {@link #COMPACT_AFTER} changes.
 * It gives name lookups in O(log n), listing pages in O(page), and opens in constant time, where scanning
 * the record files cost O(n) per page.
 *
 * <p>The record files stay the truth. The index holds, per name, whether it is live or scheduled for
 * deletion and the generation of its record's latest write, which is how a record file replaced by an
 * older copy is recognised. It is crash-safe on its own terms (snapshot and log header are replaced
 * atomically, log entries are checksummed and a torn tail is cut off, a write killed between its
 * {@code BEGIN} and {@code SET} is repaired from its record); if it is missing or damaged anyway, it is
 * rebuilt from the records by the next writable open, and a read-only store scans the records instead.
 *
 * <p>Readers take no lock: a snapshot and a log belong together when the log extends the snapshot's
 * sequence; a reader that catches a compaction half-way retries. Writers hold the store lock.
 */
final class StoreIndex {
  static final String DIR = ".index";
  static final int COMPACT_AFTER = 1000;
  /** Test seam: the crash tests compact every few writes, so that kills land inside compactions too. */
  static volatile int compactAfter = COMPACT_AFTER;

  private final Path dir;
  private final Path tempDir;
  /** The log as last parsed, with the file identity and size it had: reads that change nothing reuse it. */
  private volatile CachedLog cachedLog;
  /**
   * The snapshot as last mapped, with the identity of its file. A snapshot is never changed in place, only
   * replaced by a rename (a new file, so a new file key: the old one cannot be reused while our mapping keeps
   * its file alive), so a lookup needs one {@code lstat} to know the mapping is still the current snapshot,
   * whoever wrote it (this store, another instance, another process), instead of an open and some 50
   * reads of a binary search.
   */
  private volatile CachedSnapshot cachedSnapshot;

  private record CachedLog(Object fileKey, long size, java.nio.file.attribute.FileTime modified,
      IndexLog.Contents contents) {}

  private record CachedSnapshot(Object fileKey, long size, java.nio.file.attribute.FileTime modified,
      IndexSnapshot snapshot) {}

  StoreIndex(Path storeDir) {
    this.dir = storeDir.resolve(DIR);
    this.tempDir = storeDir.resolve(AtomicFiles.TEMP_DIR);
  }

  /** A consistent view of the index, or empty when the store has none yet. */
  Optional<View> view() throws IOException {
    for (int attempt = 0; attempt < 10; attempt++) {
      Optional<IndexSnapshot> snapshot = readSnapshot();
      Optional<IndexLog.Contents> log;
      try {
        log = readLog();
      } catch (IOException | RuntimeException e) {
        if (snapshot.isPresent()) {
          snapshot.get().close();
        }
        throw e;
      }
      if (snapshot.isEmpty()) {
        if (log.isPresent()) {
          throw new IndexDamaged("index log without a snapshot");
        }
        return Optional.empty();
      }
      long sequence = snapshot.get().sequence();
      if (log.isEmpty() || log.get().sequence() < sequence) {
        // Compaction wrote the new snapshot and not yet its empty log: the old log's changes are in the snapshot.
        return Optional.of(new View(snapshot.get(), new IndexLog.Contents(sequence, new TreeMap<>(), Set.of(),
            -1, 0)));
      }
      if (log.get().sequence() == sequence) {
        return Optional.of(new View(snapshot.get(), log.get()));
      }
      snapshot.get().close(); // a compaction finished between our two reads: read both again
    }
    throw new IndexDamaged("index log and snapshot do not belong together");
  }

  private Optional<IndexSnapshot> readSnapshot() throws IOException {
    Path file = dir.resolve(IndexSnapshot.FILE);
    java.nio.file.attribute.BasicFileAttributes attributes;
    try {
      // Before opening: a snapshot renamed in between is then mapped under the older key, and re-read next time.
      attributes = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
          java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      cachedSnapshot = null;
      return Optional.empty();
    }
    if (attributes.fileKey() == null) {
      // No file identity (some non-POSIX file systems): read through a channel every time, and map nothing,
      // since a platform that reports none may also refuse to replace a mapped file.
      return IndexSnapshot.open(file, false);
    }
    CachedSnapshot cached = cachedSnapshot;
    if (cached != null && cached.fileKey().equals(attributes.fileKey()) && cached.size() == attributes.size()
        && cached.modified().equals(attributes.lastModifiedTime())) {
      return Optional.of(cached.snapshot());
    }
    cachedSnapshot = null;
    Optional<IndexSnapshot> snapshot = IndexSnapshot.open(file, true);
    if (snapshot.isPresent()) {
      cachedSnapshot = new CachedSnapshot(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(),
          snapshot.get());
    }
    return snapshot;
  }

  private Optional<IndexLog.Contents> readLog() throws IOException {
    Path file = dir.resolve(IndexLog.FILE);
    java.nio.file.attribute.BasicFileAttributes attributes;
    try {
      attributes = java.nio.file.Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class,
          java.nio.file.LinkOption.NOFOLLOW_LINKS);
    } catch (java.nio.file.NoSuchFileException e) {
      return Optional.empty();
    }
    CachedLog cached = cachedLog;
    if (cached != null && attributes.fileKey() != null && cached.fileKey().equals(attributes.fileKey())
        && cached.size() == attributes.size() && cached.modified().equals(attributes.lastModifiedTime())) {
      return Optional.of(cached.contents());
    }
    Optional<IndexLog.Contents> contents = IndexLog.read(file);
    if (contents.isPresent() && attributes.fileKey() != null) {
      cachedLog = new CachedLog(attributes.fileKey(), attributes.size(), attributes.lastModifiedTime(),
          contents.get());
    }
    return contents;
  }

  /** Records that a write of {@code name} begins (under the store lock). */
  void begin(String name) throws IOException {
    append(IndexLog.BEGIN, IndexEntry.gone(name, 0), false);
  }

  /** Records a name's new state once its record is durable (under the store lock); compacts when due. */
  void set(IndexEntry entry, Function<String, Optional<IndexEntry>> repair, Function<IndexEntry, Boolean> purge)
      throws IOException {
    int entries = append(IndexLog.SET, entry, true);
    if (entries >= compactAfter) {
      compact(repair, purge);
    }
  }

  /**
   * Settles every write left half-done by a killed writer: each name with a {@code BEGIN} but no {@code SET}
   * gets the entry its record file shows ({@code repair}). Under the store lock. Returns whether any was.
   */
  boolean repairPending(Function<String, Optional<IndexEntry>> repair) throws IOException {
    Set<String> pending;
    try (View view = view().orElseThrow(() -> new IndexDamaged("index missing"))) {
      pending = Set.copyOf(view.log.pending());
    }
    for (String name : pending) {
      Optional<IndexEntry> entry = repair.apply(name);
      append(IndexLog.SET, entry.orElse(IndexEntry.gone(name, 0)), true);
    }
    return !pending.isEmpty();
  }

  /**
   * Rewrites the snapshot from the current view and starts an empty log. Names a killed writer left pending
   * are settled from their records first; entries {@code purge} accepts (expired soft deletes it has removed)
   * and gone names are dropped.
   */
  void compact(Function<String, Optional<IndexEntry>> repair, Function<IndexEntry, Boolean> purge)
      throws IOException {
    repairPending(repair);
    List<IndexEntry> kept = new ArrayList<>();
    long sequence;
    try (View view = view().orElseThrow(() -> new IndexDamaged("index missing"))) {
      sequence = view.snapshot.sequence();
      Cursor all = view.from("");
      for (IndexEntry entry = all.next(); entry != null; entry = all.next()) {
        if (entry.state() != IndexEntry.State.GONE && !purge.apply(entry)) {
          kept.add(entry);
        }
      }
    }
    replace(sequence + 1, kept);
  }

  /** Replaces the whole index with {@code sortedEntries} (a rebuild from the records), under the store lock. */
  void rebuild(List<IndexEntry> sortedEntries) throws IOException {
    long sequence = 0;
    try {
      Optional<IndexSnapshot> old = IndexSnapshot.open(dir.resolve(IndexSnapshot.FILE), false);
      if (old.isPresent()) {
        sequence = old.get().sequence();
        old.get().close();
      }
    } catch (IndexDamaged damaged) {
      sequence = System.currentTimeMillis(); // above any sequence an undamaged snapshot could have had
    }
    replace(sequence + 1, sortedEntries);
  }

  private void replace(long sequence, List<IndexEntry> sortedEntries) throws IOException {
    Posix.createPrivateDirectories(dir);
    AtomicFiles.write(dir.resolve(IndexSnapshot.FILE), IndexSnapshot.build(sequence, sortedEntries), tempDir);
    AtomicFiles.write(dir.resolve(IndexLog.FILE), IndexLog.empty(sequence), tempDir);
  }

  private int append(int type, IndexEntry entry, boolean sync) throws IOException {
    try (View view = view().orElseThrow(() -> new IndexDamaged("index missing"))) {
      if (view.log.validEnd() < 0) {
        // The log is stale (a compaction was cut short): start the snapshot's own log first.
        AtomicFiles.write(dir.resolve(IndexLog.FILE), IndexLog.empty(view.snapshot.sequence()), tempDir);
        IndexLog.append(dir.resolve(IndexLog.FILE), IndexLog.empty(0).length, type, entry, sync);
        return 1;
      }
      IndexLog.append(dir.resolve(IndexLog.FILE), view.log.validEnd(), type, entry, sync);
      return view.log.entries() + 1;
    }
  }

  /** Yields entries in name order; {@code null} at the end. */
  interface Cursor {
    IndexEntry next() throws IOException;
  }

  /** A snapshot and the log that extends it, read together. */
  static final class View implements AutoCloseable {
    private final IndexSnapshot snapshot;
    private final IndexLog.Contents log;

    View(IndexSnapshot snapshot, IndexLog.Contents log) {
      this.snapshot = snapshot;
      this.log = log;
    }

    /** The name's entry, if the index has one. */
    Optional<IndexEntry> lookup(String name) throws IOException {
      IndexEntry changed = log.changes().get(name);
      if (changed != null) {
        return Optional.of(changed);
      }
      int at = snapshot.lowerBound(name);
      if (at < snapshot.count()) {
        IndexEntry entry = snapshot.entry(at);
        if (entry.name().equals(name)) {
          return Optional.of(entry);
        }
      }
      return Optional.empty();
    }

    /** Whether a write of this name is in progress, or was killed half-way: its record is the truth. */
    boolean pending(String name) {
      return log.pending().contains(name);
    }

    Set<String> pendingNames() {
      return log.pending();
    }

    /** Whether some soft-deleted entry's purge date is not after {@code now}. */
    boolean anyExpired(java.time.Instant now) {
      if (snapshot.earliestDeletion() <= now.getEpochSecond()) {
        return true;
      }
      return log.changes().values().stream()
          .anyMatch(e -> e.state() == IndexEntry.State.DELETED && !now.isBefore(e.deletionDate()));
    }

    /** Entries with names {@code >= start}, in order, the log's changes overriding the snapshot's. */
    Cursor from(String start) throws IOException {
      Iterator<Map.Entry<String, IndexEntry>> changes = log.changes().tailMap(start, true).entrySet().iterator();
      int[] position = {snapshot.lowerBound(start)};
      IndexEntry[] nextChange = {changes.hasNext() ? changes.next().getValue() : null};
      IndexEntry[] nextSnapshot = {null};
      return () -> {
        if (nextSnapshot[0] == null && position[0] < snapshot.count()) {
          nextSnapshot[0] = snapshot.entry(position[0]++);
        }
        IndexEntry a = nextSnapshot[0];
        IndexEntry b = nextChange[0];
        if (a == null && b == null) {
          return null;
        }
        int order = a == null ? 1 : b == null ? -1 : a.name().compareTo(b.name());
        if (order < 0) {
          nextSnapshot[0] = null;
          return a;
        }
        if (order == 0) {
          nextSnapshot[0] = null;
        }
        nextChange[0] = changes.hasNext() ? changes.next().getValue() : null;
        return b;
      };
    }

    @Override
    public void close() throws IOException {
      snapshot.close();
    }
  }
}
