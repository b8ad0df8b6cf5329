package dev.secretstore.local.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The storage engine of the local provider: one encrypted record file per secret in one directory, each
 * version's value in its own file ({@link ValueFiles}), and an index ({@link StoreIndex}) for listing in
 * name order and for telling a rolled-back record.
 *
 * <p>Reads take no lock: files are only ever replaced by atomic rename, so a reader sees a whole old or a
 * whole new file. Every write is a read-modify-write cycle under {@link StoreLock} (threads and processes):
 * the index hears of it first ({@code BEGIN}), then the new value file and the record are each written with
 * {@link AtomicFiles#write}, then the index records the outcome. Thread-safe; any number of instances may
 * share a directory.
 *
 * <p>Soft delete: a deleted secret keeps its file with a deletion date and is invisible to reads, describe
 * and list. Creating the same name again replaces it (the deleted versions are discarded), as does the
 * passing of the deletion date; {@link #restore} brings it back before then; a forced delete removes the
 * file at once.
 */
public final class LocalStore {
  public static final Duration DEFAULT_RECOVERY_WINDOW = Duration.ofDays(30);
  /** No value file this store writes comes near this: 64 KiB values, plus nonce, tag and magic. */
  static final int MAX_VALUE_FILE_BYTES = 1024 * 1024;
  /**
   * Format 2 records hold metadata only (a few hundred bytes per version); format 1 records held every
   * value inline. A file above this is not one this store wrote, and is never read whole into memory.
   */
  static final int MAX_RECORD_BYTES = 128 * 1024 * 1024;

  private final Path dir;
  private final KeySource keySource;
  private final ReadOnlyReason readOnly;
  // Replaced only by a key rotation, under the store lock; readers use whichever they see (both open every file
  // during a rotation).
  private volatile RecordCodec codec;
  private volatile Aead aead;
  private final StoreLock lock;
  private final Clock clock;
  private final SecureRandom random;
  private final int maxTags;
  private final StoreIndex index;
  // The key-check file as this instance last saw it (file key, modification time, size). A rotation by another
  // instance or process rewrites it; see followKeyRotation.
  private volatile Object keyCheckSeen;

  private LocalStore(Path dir, KeySource keySource, ReadOnlyReason readOnly, RecordCodec codec, StoreLock lock,
      Clock clock, SecureRandom random, int maxTags) {
    this.index = new StoreIndex(dir);
    this.dir = dir;
    this.keySource = keySource;
    this.readOnly = readOnly;
    this.codec = codec;
    this.aead = codec.aead();
    this.lock = lock;
    this.clock = clock;
    this.random = random;
    this.maxTags = maxTags;
    this.keyCheckSeen = keyCheckStamp(dir);
  }

  /**
   * Opens (creating if needed and allowed) the store: resolves the key, creating a random one for a new
   * store, and checks it against the store's key-check record.
   *
   * @param environment looks up environment variables (for {@code keyEnv})
   */
  public static LocalStore open(LocalSettings settings, Clock clock, Function<String, String> environment,
      int maxTags) {
    SecureRandom random = new SecureRandom();
    Path dir = settings.storeDir();
    FilePermissions.checkStoreDirectory(dir, settings.allowInsecurePermissions());
    if (settings.keySource() instanceof KeySource.File file) {
      FilePermissions.checkKeyFile(file.path(), settings.allowInsecurePermissions());
    }
    ReadOnlyReason readOnly = settings.readOnly() ? ReadOnlyReason.CONFIGURED : null;
    if (readOnly == null) {
      try {
        Posix.createPrivateDirectories(dir);
        if (!Files.isWritable(dir)) {
          readOnly = ReadOnlyReason.NOT_WRITABLE;
        }
      } catch (IOException e) {
        readOnly = ReadOnlyReason.NOT_WRITABLE; // cannot even create it: reads find nothing, writes are denied
      }
    }
    try {
      if (readOnly != null) {
        MasterKey key = loadKey(settings.keySource(), environment).orElseThrow(() -> StoreFault.of(
            FaultKind.AUTHENTICATION, null, "no master key at " + settings.keySource().describe()
                + ", and a read-only store cannot create one",
            "point keyFile or keyEnv at the key the store was created with"));
        Aead aead = aeadFor(dir, key, random);
        checkKey(dir, aead, settings.keySource());
        return new LocalStore(dir, settings.keySource(), readOnly, new RecordCodec(aead), null, clock, random,
            maxTags);
      }
      StoreLock lock = new StoreLock(realPath(dir));
      LocalStore store = lock.withLock(() -> initialise(settings, lock, clock, environment, random, maxTags));
      return store;
    } catch (IOException e) {
      throw StoreFault.io(null, "cannot open store " + dir + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static LocalStore initialise(LocalSettings settings, StoreLock lock, Clock clock,
      Function<String, String> environment, SecureRandom random, int maxTags) {
    Path dir = settings.storeDir();
    KeySource source = settings.keySource();
    try {
      removeCrashLeftovers(dir);
      boolean existing = KeyCheck.exists(dir) || firstRecord(dir).isPresent();
      Optional<MasterKey> loaded = loadKey(source, environment);
      MasterKey key;
      if (loaded.isPresent()) {
        key = loaded.get();
      } else if (existing || source instanceof KeySource.Env) {
        throw StoreFault.of(FaultKind.AUTHENTICATION, null,
            "no master key at " + source.describe() + (existing ? ", but store " + dir + " holds data" : ""),
            source instanceof KeySource.Env env
                ? "set " + env.variable() + " to the base64 key of this store"
                : "restore the key file this store was created with, or point keyFile or keyEnv at it");
      } else {
        key = KeyFiles.createOrRead(((KeySource.File) source).path(), random);
      }
      Aead aead = aeadFor(dir, key, random);
      if (!checkKey(dir, aead, source)) {
        KeyCheck.write(dir, aead);
      }
      LocalStore store = new LocalStore(dir, source, null, new RecordCodec(aead), lock, clock, random, maxTags);
      store.prepareIndex();
      if (KeyRotation.inProgress(dir) && source instanceof KeySource.File) {
        store.rotateUnderLock(); // an interrupted rotation is finished by the next writable open
      }
      return store;
    } catch (IOException e) {
      throw StoreFault.io(null, "cannot open store " + dir + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  /** The key's AES-GCM, holding the other key as well while a rotation is in progress. */
  private static Aead aeadFor(Path dir, MasterKey key, SecureRandom random) throws IOException {
    return KeyRotation.keys(dir, key, random)
        .map(keys -> new Aead(keys.newKey(), keys.oldKey(), random))
        .orElseGet(() -> new Aead(key, random));
  }

  /**
   * Re-encrypts every record and value under a new random key, then replaces the key file. Crash-safe: the
   * rotation marker ({@link KeyRotation}) holds each key sealed under the other, so whichever key the key
   * file holds when the process dies opens the store, and the next writable open finishes the rotation. The
   * key file keeps the old key until every file is re-encrypted. Only for key files (a key in an environment
   * variable cannot be replaced by the store).
   */
  public void rotateKey() {
    requireWritable(null);
    if (!(keySource instanceof KeySource.File)) {
      throw StoreFault.of(FaultKind.INVALID_REQUEST, null, "the key comes from " + keySource.describe()
          + ", which the store cannot replace", "rotate a store whose key is in a file (keyFile)");
    }
    lock.withLock(() -> {
      rotateUnderLock();
      return null;
    });
  }

  private void rotateUnderLock() {
    Path keyFile = ((KeySource.File) keySource).path();
    try {
      Optional<KeyRotation.Keys> resumed = KeyRotation.keys(dir, aead.key(), random);
      KeyRotation.Keys keys;
      if (resumed.isPresent()) {
        keys = resumed.get();
      } else {
        byte[] raw = new byte[MasterKey.BYTES];
        random.nextBytes(raw);
        keys = new KeyRotation.Keys(MasterKey.ofBytes(raw), aead.key());
        java.util.Arrays.fill(raw, (byte) 0);
        KeyRotation.begin(dir, keys, random);
      }
      Aead both = new Aead(keys.newKey(), keys.oldKey(), random);
      this.codec = new RecordCodec(both);
      this.aead = both;
      reencryptAll();
      KeyCheck.write(dir, both);
      AtomicFiles.write(keyFile, (keys.newKey().encode() + "\n").getBytes(StandardCharsets.US_ASCII),
          keyFile.toAbsolutePath().getParent());
      KeyRotation.end(dir);
      Aead only = new Aead(keys.newKey(), random);
      this.codec = new RecordCodec(only);
      this.aead = only;
      this.keyCheckSeen = keyCheckStamp(dir);
    } catch (IOException e) {
      throw StoreFault.io(null, "key rotation in " + dir + " stopped (" + e.getClass().getSimpleName()
          + "); it resumes at the next writable open, and either key file opens the store meanwhile", e);
    }
  }

  // Values first, then the record: either way round, every file opens with one of the two keys.
  private void reencryptAll() throws IOException {
    List<String> names = new ArrayList<>();
    try (StoreIndex.View view = index.view().orElseThrow(() -> new IndexDamaged("index missing"))) {
      StoreIndex.Cursor all = view.from("");
      for (IndexEntry entry = all.next(); entry != null; entry = all.next()) {
        if (entry.state() != IndexEntry.State.GONE) {
          names.add(entry.name());
        }
      }
    }
    for (String name : names) {
      SecretRecord record;
      try {
        Optional<SecretRecord> stored = decodeFile(name);
        if (stored.isEmpty()) {
          continue;
        }
        record = stored.get();
      } catch (StoreFault damaged) {
        continue; // a damaged record stays damaged (it cannot be opened to be re-encrypted); it is listed as such
      }
      List<VersionEntry> versions = new ArrayList<>();
      for (VersionEntry version : record.versions()) {
        if (version.isInline()) {
          byte[] value = codec.openValue(record, version);
          versions.add(new VersionEntry(version.id(), version.createdAt(), version.text(),
              codec.sealValue(name, record.recordId(), version.id(), value)));
          java.util.Arrays.fill(value, (byte) 0);
          continue;
        }
        Path file = ValueFiles.file(dir, name, record.recordId(), version.id());
        try {
          byte[] value = codec.openValue(record, version, ValueFiles.read(file, name, MAX_VALUE_FILE_BYTES));
          AtomicFiles.write(file, ValueFiles.encode(codec.sealValue(name, record.recordId(), version.id(), value)),
              tempDir());
          java.util.Arrays.fill(value, (byte) 0);
        } catch (StoreFault damagedValue) {
          // left as it is: that version's reads keep failing with an integrity error naming the file
        }
        versions.add(version);
      }
      AtomicFiles.write(recordPath(name), codec.encode(new SecretRecord(name, record.recordId(), record.createdAt(),
          record.updatedAt(), record.deletionDate(), record.tags(), versions, record.generation())), tempDir());
    }
  }

  /**
   * Takes up the store's new key when another instance or process rotated it since this one last looked, so
   * that a store opened before a rotation never writes under the old key (what it wrote would be unreadable
   * with the new key file) and its reads do not report healthy secrets as damaged. Cheap when nothing
   * changed: one {@code lstat} of the key-check file, which every rotation rewrites (by rename, so a new file).
   * Called under the store lock before every write, and after a read that failed its integrity check.
   *
   * @param afterFailedRead also take up a rotation still under way in another process (or left by one that
   *     was killed): its marker yields the other key, and with both every file opens, re-encrypted or not.
   *     Writers need not: they wait for a live rotation, and the old key is still valid while a marker is left
   * @return whether this store now holds another key than before
   */
  private synchronized boolean followKeyRotation(boolean afterFailedRead) {
    Object stamp = keyCheckStamp(dir);
    if (stamp == null || stamp.equals(keyCheckSeen)) {
      return afterFailedRead && takeUpRotationInProgress();
    }
    try {
      try {
        KeyCheck.verify(dir, aead, keySource);
        keyCheckSeen = stamp; // rewritten, but still our key
        return false;
      } catch (StoreFault notOurKey) {
        if (notOurKey.kind() != FaultKind.AUTHENTICATION || !(keySource instanceof KeySource.File file)) {
          throw notOurKey;
        }
        MasterKey key = KeyFiles.read(file.path()).orElseThrow(() -> StoreFault.of(FaultKind.AUTHENTICATION, null,
            "the key of store " + dir + " was rotated since it was opened, and key file " + file.path()
                + " is missing", "restore the key file, then open the store again"));
        Aead current = aeadFor(dir, key, random);
        KeyCheck.verify(dir, current, keySource);
        this.codec = new RecordCodec(current);
        this.aead = current;
        keyCheckSeen = stamp;
        return true;
      }
    } catch (IOException e) {
      throw StoreFault.io(null, "cannot read the key check of store " + dir + " (" + e.getClass().getSimpleName()
          + ")", e);
    }
  }

  private boolean takeUpRotationInProgress() {
    if (aead.opensWithTwoKeys() || !KeyRotation.inProgress(dir)) {
      return false;
    }
    try {
      Aead both = aeadFor(dir, aead.key(), random);
      if (!both.opensWithTwoKeys()) {
        return false; // finished in between: the key check has changed, and the next failure follows that
      }
      this.codec = new RecordCodec(both);
      this.aead = both;
      return true;
    } catch (IOException e) {
      throw StoreFault.io(null, "cannot read the key rotation marker of store " + dir + " ("
          + e.getClass().getSimpleName() + ")", e);
    }
  }

  private static Object keyCheckStamp(Path dir) {
    try {
      java.nio.file.attribute.BasicFileAttributes attributes = Files.readAttributes(dir.resolve(KeyCheck.FILE_NAME),
          java.nio.file.attribute.BasicFileAttributes.class, java.nio.file.LinkOption.NOFOLLOW_LINKS);
      return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
    } catch (IOException none) {
      return null;
    }
  }

  /**
   * Checks the key against the key-check record, or, if that is missing (an older or damaged store),
   * against one record. Returns whether there was a key-check record.
   */
  private static boolean checkKey(Path dir, Aead aead, KeySource source) throws IOException {
    if (KeyCheck.exists(dir)) {
      KeyCheck.verify(dir, aead, source);
      return true;
    }
    Optional<Path> record = firstRecord(dir);
    if (record.isPresent()) {
      Optional<String> name = claimedName(record.get());
      try {
        if (name.isPresent()) {
          byte[] bytes;
          try (java.io.InputStream in = RegularFiles.open(record.get())) {
            bytes = in.readNBytes(MAX_RECORD_BYTES + 1);
          }
          new RecordCodec(aead).decode(bytes, name.get());
        }
      } catch (StoreFault wrongKey) {
        throw StoreFault.of(FaultKind.AUTHENTICATION, null, "the master key from " + source.describe()
            + " does not open the records of store " + dir,
            "point keyFile or keyEnv at the key this store was created with");
      }
    }
    return false;
  }

  private static Optional<Path> firstRecord(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return Optional.empty();
    }
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, "*" + NameCodec.RECORD_SUFFIX)) {
      for (Path entry : entries) {
        if (NameCodec.isRecordFile(entry.getFileName().toString())) {
          return Optional.of(entry);
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<MasterKey> loadKey(KeySource source, Function<String, String> environment) {
    if (source instanceof KeySource.File file) {
      return KeyFiles.read(file.path());
    }
    KeySource.Env env = (KeySource.Env) source;
    String text = environment.apply(env.variable());
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    try {
      return Optional.of(MasterKey.parse(text, "environment variable " + env.variable()));
    } catch (IllegalArgumentException e) {
      throw StoreFault.of(FaultKind.AUTHENTICATION, null, e.getMessage(),
          "set " + env.variable() + " to the base64 encoding of the store's 32-byte key");
    }
  }

  // Every write holds the store lock, so a temporary file present while we hold it belongs to a writer
  // that died mid-write. Deleting it is safe; leaving it would only waste space. Only names this store gives
  // its temporary files are touched, and only in its own temporary directory (never a listing of the store).
  private static void removeCrashLeftovers(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir.resolve(AtomicFiles.TEMP_DIR))) {
      for (Path leftover : entries) {
        if (AtomicFiles.isTemporaryName(leftover.getFileName().toString())
            && Files.isRegularFile(leftover, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
          Files.deleteIfExists(leftover);
        }
      }
    } catch (NoSuchFileException none) {
      // no write has happened yet
    }
  }

  /**
   * Under the store lock at a writable open: builds the index from the records if there is none (a store
   * written by an older version) or it is damaged, settles writes a killed writer left half-done, and
   * compacts when a soft-deleted secret's window has passed (which purges it). Constant time otherwise.
   */
  private void prepareIndex() throws IOException {
    Optional<StoreIndex.View> view;
    try {
      view = index.view();
    } catch (IndexDamaged damaged) {
      view = Optional.empty();
    }
    if (view.isEmpty()) {
      index.rebuild(scanEntries());
      return;
    }
    boolean expired;
    try (StoreIndex.View open = view.get()) {
      expired = open.anyExpired(clock.instant());
    }
    index.repairPending(n -> Optional.of(repairEntry(n)));
    if (expired) {
      index.compact(n -> Optional.of(repairEntry(n)), this::purgeIfExpired);
    }
  }

  /** Index entries for every record file (a full scan: only when there is no usable index), in name order. */
  private List<IndexEntry> scanEntries() {
    List<IndexEntry> entries = new ArrayList<>();
    for (String name : scanNames()) {
      IndexEntry entry = repairEntry(name);
      if (entry.state() == IndexEntry.State.DELETED && !clock.instant().isBefore(entry.deletionDate())
          && purgeIfExpired(entry)) {
        continue;
      }
      if (entry.state() != IndexEntry.State.GONE) {
        entries.add(entry);
      }
    }
    return entries;
  }

  private static Path realPath(Path dir) throws IOException {
    return dir.toRealPath();
  }

  public Path directory() {
    return dir;
  }

  public boolean isReadOnly() {
    return readOnly != null;
  }

  public Optional<String> readOnlyRemediation() {
    return Optional.ofNullable(readOnly).map(r -> r.remediation(dir));
  }

  /** Where a secret's record lives (its "native id"). */
  public Path recordPath(String name) {
    return dir.resolve(NameCodec.fileName(name));
  }

  private Path tempDir() {
    return dir.resolve(AtomicFiles.TEMP_DIR);
  }

  // ---- writes ----

  public SecretRecord create(String name, byte[] value, boolean text, Map<String, String> tags) {
    requireWritable(name);
    checkTagCount(name, tags.size());
    return write(name, txn -> {
      Optional<SecretRecord> existing = load(name);
      if (existing.isPresent() && !existing.get().isDeleted()) {
        throw StoreFault.of(FaultKind.ALREADY_EXISTS, name, "a secret with this name already exists");
      }
      Instant now = clock.instant();
      byte[] id = new byte[16];
      random.nextBytes(id);
      String recordId = HexFormat.of().formatHex(id);
      // Generations only grow per name, across deletes, so an old copy of a deleted record stays "older".
      long generation = Math.max(indexedGeneration(name), existing.map(SecretRecord::generation).orElse(0L)) + 1;
      txn.begin();
      writeValue(name, recordId, "1", value);
      VersionEntry first = VersionEntry.external("1", now, text);
      SecretRecord created = store(txn, new SecretRecord(name, recordId, now, now, null, tags, List.of(first),
          generation));
      discardValuesOfOtherRecords(name, recordId);
      return created;
    });
  }

  public SecretRecord addVersion(String name, byte[] value, boolean text) {
    requireWritable(name);
    return write(name, txn -> {
      SecretRecord record = loadLive(name);
      String versionId = record.nextVersionId();
      txn.begin();
      writeValue(name, record.recordId(), versionId, value);
      return store(txn, record.withVersion(VersionEntry.external(versionId, clock.instant(), text))
          .nextGeneration());
    });
  }

  public SecretRecord updateTags(String name, Map<String, String> tags) {
    requireWritable(name);
    return write(name, txn -> {
      SecretRecord updated = loadLive(name).withTagsMerged(tags, clock.instant());
      checkTagCount(name, updated.tags().size());
      txn.begin();
      return store(txn, updated.nextGeneration());
    });
  }

  /**
   * Deletes a secret: at once when {@code force} or the window is zero, else after the recovery window
   * (default 30 days). A force delete also purges a secret already scheduled for deletion, and removes a
   * secret whose record fails its integrity check (the way to drop a damaged record).
   */
  public void delete(String name, boolean force, Optional<Duration> recoveryWindow) {
    requireWritable(name);
    if (recoveryWindow.isPresent() && recoveryWindow.get().isNegative()) {
      throw StoreFault.of(FaultKind.INVALID_REQUEST, name, "the recovery window must not be negative");
    }
    boolean immediate = force || recoveryWindow.map(Duration::isZero).orElse(false);
    write(name, txn -> {
      Optional<SecretRecord> record;
      try {
        record = load(name);
      } catch (StoreFault damaged) {
        if (!force || damaged.kind() != FaultKind.INTEGRITY) {
          throw damaged;
        }
        txn.begin();
        remove(txn, name, indexedGeneration(name));
        return null;
      }
      if (record.isEmpty() || (record.get().isDeleted() && !immediate)) {
        throw notFound(name);
      }
      txn.begin();
      if (immediate) {
        remove(txn, name, record.get().generation());
        return null;
      }
      Instant now = clock.instant();
      return store(txn, record.get().scheduledForDeletion(now.plus(recoveryWindow.orElse(DEFAULT_RECOVERY_WINDOW)),
          now).nextGeneration());
    });
  }

  /** Cancels a pending soft delete; not found unless the secret is scheduled for deletion. */
  public SecretRecord restore(String name) {
    requireWritable(name);
    return write(name, txn -> {
      Optional<SecretRecord> record = load(name);
      if (record.isEmpty() || !record.get().isDeleted()) {
        throw StoreFault.of(FaultKind.NOT_FOUND, name, "no deleted secret with this name awaits recovery");
      }
      txn.begin();
      return store(txn, record.get().restored(clock.instant()).nextGeneration());
    });
  }

  // ---- reads ----

  /** The live (not deleted) secret's record, or empty. */
  public Optional<SecretRecord> describe(String name) {
    return load(name).filter(r -> !r.isDeleted());
  }

  public VersionRead read(String name, Optional<String> versionId) {
    try {
      return readOnce(name, versionId);
    } catch (StoreFault f) {
      if (f.kind() == FaultKind.INTEGRITY && followKeyRotation(true)) {
        return readOnce(name, versionId);
      }
      throw f;
    }
  }

  private VersionRead readOnce(String name, Optional<String> versionId) {
    SecretRecord record = loadLive(name);
    VersionEntry version = versionId.isEmpty()
        ? record.latest()
        : record.version(versionId.get()).orElseThrow(() -> StoreFault.of(FaultKind.NOT_FOUND, name,
            "this secret has no version with the id given")); // the id is not repeated: no argument value is
    if (version.isInline()) {
      return new VersionRead(record, version, atRecord(name, () -> codec.openValue(record, version)));
    }
    Path file = ValueFiles.file(dir, name, record.recordId(), version.id());
    Sealed sealed = ValueFiles.read(file, name, MAX_VALUE_FILE_BYTES);
    try {
      return new VersionRead(record, version, codec.openValue(record, version, sealed));
    } catch (StoreFault f) {
      throw f.atLocation(file);
    }
  }

  /**
   * Live secrets whose names start with {@code prefix}, in name order, {@code pageSize} at a time. The page
   * token is the last name of the previous page (opaque to callers), so paging stays correct while secrets
   * are added or removed in between. A record that cannot be read is listed as damaged, not skipped.
   *
   * <p>With the index, a page costs O(page + log n): entries come in name order from the index, and only the
   * page's records are read. Without one (a read-only store never opened by this version, or a damaged
   * index in a read-only store), every record header is read per page.
   */
  public RecordPage list(Optional<String> prefix, int pageSize, Optional<String> pageToken) {
    if (pageSize < 1) {
      throw StoreFault.of(FaultKind.INVALID_REQUEST, null, "page size must be at least 1");
    }
    String from = prefix.orElse("");
    Optional<String> after = pageToken.map(LocalStore::decodeToken);
    // Names never contain NUL, so "after + NUL" is the least name greater than "after".
    String start = after.map(a -> a + "\u0000").filter(a -> a.compareTo(from) > 0).orElse(from);
    try {
      try (Listing names = names(start)) {
        return page(names, from, pageSize);
      } catch (IndexDamaged damaged) {
        // A damaged index entry (only the header is checked when the index is read): the records are the
        // truth. A writable store rebuilds the index from them once, so later pages cost O(page) again.
        if (readOnly == null) {
          lock.withLock(() -> {
            try {
              index.rebuild(scanEntries());
            } catch (IOException e) {
              throw StoreFault.io(null, "cannot rebuild the index of " + dir + " (" + e.getClass().getSimpleName()
                  + ")", e);
            }
            return null;
          });
        }
        try (Listing names = readOnly == null ? names(start) : scannedNames(start)) {
          return page(names, from, pageSize);
        }
      }
    } catch (IOException e) {
      throw StoreFault.io(null, "cannot list " + dir + " (" + e.getClass().getSimpleName() + ")", e);
    }
  }

  private RecordPage page(Listing names, String from, int pageSize) throws IOException {
    List<RecordPage.Listed> page = new ArrayList<>();
    for (String name = names.next(); name != null; name = names.next()) {
      if (!name.startsWith(from)) {
        break; // names with the prefix are contiguous in name order
      }
      Optional<RecordPage.Listed> listed = listed(name);
      if (listed.isEmpty()) {
        continue;
      }
      if (page.size() == pageSize) {
        return new RecordPage(page, Optional.of(encodeToken(page.get(page.size() - 1).name())));
      }
      page.add(listed.get());
    }
    return new RecordPage(page, Optional.empty());
  }

  private Optional<RecordPage.Listed> listed(String name) {
    try {
      return describe(name).map(RecordPage.Listed::healthy);
    } catch (StoreFault fault) {
      if (fault.kind() != FaultKind.INTEGRITY) {
        throw fault;
      }
      return Optional.of(RecordPage.Listed.damaged(name, fault.forSecret(name)));
    }
  }

  /** Candidate names from {@code start} on, in order: live index entries, or, without an index, every record. */
  private interface Listing extends AutoCloseable {
    String next() throws IOException;

    @Override
    void close() throws IOException;
  }

  private Listing names(String start) throws IOException {
    Optional<StoreIndex.View> view;
    try {
      view = index.view();
    } catch (IndexDamaged damaged) {
      view = Optional.empty();
    }
    if (view.isEmpty()) {
      return scannedNames(start);
    }
    StoreIndex.View open = view.get();
    StoreIndex.Cursor cursor;
    try {
      cursor = open.from(start);
    } catch (IOException | RuntimeException e) {
      open.close();
      throw e;
    }
    java.util.Iterator<String> pending = new java.util.TreeSet<>(open.pendingNames()).tailSet(start, true).iterator();
    return new Listing() {
      private IndexEntry entry = cursor.next();
      private String pendingName = pending.hasNext() ? pending.next() : null;

      @Override
      public String next() throws IOException {
        while (entry != null || pendingName != null) {
          String name;
          if (pendingName != null && (entry == null || pendingName.compareTo(entry.name()) <= 0)) {
            name = pendingName;
            if (entry != null && entry.name().equals(name)) {
              entry = cursor.next();
            }
            pendingName = pending.hasNext() ? pending.next() : null;
            return name; // a write in progress: its record decides
          }
          IndexEntry current = entry;
          entry = cursor.next();
          if (current.isLive()) {
            return current.name();
          }
        }
        return null;
      }

      @Override
      public void close() throws IOException {
        open.close();
      }
    };
  }

  private Listing scannedNames(String start) {
    java.util.Iterator<String> scanned = scanNames().tailSet(start, true).iterator();
    return new Listing() {
      @Override
      public String next() {
        return scanned.hasNext() ? scanned.next() : null;
      }

      @Override
      public void close() {}
    };
  }

  /**
   * Every name a record file in the directory claims (header only), for stores without a usable index. A
   * file whose header cannot be read, or claims another name, is taken to hold the name its file name stands
   * for (where that is an escaped name, not a hashed one): reading it then fails, and it is listed as damaged
   * rather than hidden.
   */
  private java.util.TreeSet<String> scanNames() {
    java.util.TreeSet<String> names = new java.util.TreeSet<>();
    for (Path file : recordFiles()) {
      claimedName(file).or(() -> NameCodec.nameOf(file.getFileName().toString())).ifPresent(names::add);
    }
    return names;
  }

  // ---- internals ----

  /** One write: the index hears of it ({@code BEGIN}) before the first file changes, and its outcome after. */
  private final class Txn {
    private final String name;
    private boolean begun;
    private IndexEntry outcome;

    private Txn(String name) {
      this.name = name;
    }

    void begin() {
      if (!begun) {
        updateIndex(name, () -> index.begin(name));
        begun = true;
      }
    }
  }

  private <T> T write(String name, Function<Txn, T> action) {
    try {
      return lock.withLock(() -> {
        followKeyRotation(false);
        Txn txn = new Txn(name);
        T result;
        try {
          result = action.apply(txn);
        } catch (RuntimeException e) {
          if (txn.begun) {
            settle(name, repairEntry(name)); // the write failed part-way: record what the files now say
          }
          throw e;
        }
        if (txn.begun) {
          settle(name, txn.outcome != null ? txn.outcome : repairEntry(name));
        }
        return result;
      });
    } catch (StoreFault f) {
      throw f.forSecret(name);
    }
  }

  private void settle(String name, IndexEntry entry) {
    updateIndex(name, () -> index.set(entry, n -> Optional.of(repairEntry(n)), this::purgeIfExpired));
  }

  private interface IndexUpdate {
    void run() throws IOException;
  }

  /**
   * Runs an index update under the store lock. An index found damaged (a bit flipped in the snapshot, a
   * header overwritten since this store opened) is rebuilt from the records, which are the truth, and the
   * update runs again: a damaged index never stops a write.
   */
  private void updateIndex(String name, IndexUpdate update) {
    try {
      try {
        update.run();
      } catch (IndexDamaged damaged) {
        index.rebuild(scanEntries());
        update.run();
      }
    } catch (IOException e) {
      throw ioFault(name, "update the index of", e);
    }
  }

  private SecretRecord store(Txn txn, SecretRecord record) {
    try {
      AtomicFiles.write(recordPath(record.name()), codec.encode(record), tempDir());
      txn.outcome = IndexEntry.of(record);
      return record;
    } catch (IOException e) {
      throw ioFault(record.name(), "write", e);
    }
  }

  private void remove(Txn txn, String name, long generation) {
    try {
      AtomicFiles.delete(recordPath(name));
      txn.outcome = IndexEntry.gone(name, generation + 1);
      ValueFiles.deleteAll(dir, name);
    } catch (IOException e) {
      throw ioFault(name, "delete", e);
    }
  }

  private void writeValue(String name, String recordId, String versionId, byte[] value) {
    Path file = ValueFiles.file(dir, name, recordId, versionId);
    try {
      Posix.createPrivateDirectories(file.getParent());
      AtomicFiles.write(file, ValueFiles.encode(codec.sealValue(name, recordId, versionId, value)), tempDir());
    } catch (IOException e) {
      throw ioFault(name, "write a value of", e);
    }
  }

  // A secret created over a deleted one of the same name: the old versions' files go once the new record is in.
  private void discardValuesOfOtherRecords(String name, String recordId) {
    Path values = ValueFiles.directory(dir, name);
    try (DirectoryStream<Path> files = Files.newDirectoryStream(values, "*.val")) {
      for (Path file : files) {
        if (!file.getFileName().toString().startsWith(recordId + "-")) {
          Files.deleteIfExists(file);
        }
      }
    } catch (IOException e) {
      // Left for a later create or forced delete of this name; they can never be read as this record's values.
    }
  }

  /** The entry a name's files call for, after a write that may not have finished. */
  private IndexEntry repairEntry(String name) {
    try {
      Optional<SecretRecord> record = decodeFile(name);
      return record.map(IndexEntry::of).orElseGet(() -> IndexEntry.gone(name, indexedGeneration(name)));
    } catch (StoreFault damaged) {
      // Listed (as damaged) until deleted; keep the generation the index knew.
      return new IndexEntry(name, indexedGeneration(name), IndexEntry.State.LIVE, null);
    }
  }

  private long indexedGeneration(String name) {
    try {
      Optional<StoreIndex.View> view = index.view();
      if (view.isEmpty()) {
        return 0;
      }
      try (StoreIndex.View open = view.get()) {
        return open.lookup(name).map(IndexEntry::generation).orElse(0L);
      }
    } catch (IOException e) {
      return 0;
    }
  }

  /** Compaction's purge: removes a soft-deleted secret whose window has passed; true if it did. */
  private boolean purgeIfExpired(IndexEntry entry) {
    if (entry.state() != IndexEntry.State.DELETED || clock.instant().isBefore(entry.deletionDate())) {
      return false;
    }
    try {
      Optional<SecretRecord> record = decodeFile(entry.name());
      if (record.isPresent() && !record.get().isPurgeable(clock.instant())) {
        return false; // the record disagrees (restored by a write the index missed): keep it
      }
      AtomicFiles.delete(recordPath(entry.name()));
      ValueFiles.deleteAll(dir, entry.name());
      return true;
    } catch (StoreFault | IOException damaged) {
      return false; // a damaged record is reported when it is used, not removed behind the user's back
    }
  }

  private StoreFault ioFault(String name, String what, IOException e) {
    if (e instanceof java.nio.file.AccessDeniedException) {
      return StoreFault.of(FaultKind.ACCESS_DENIED, name, "cannot " + what + " in " + dir + ": permission denied",
          ReadOnlyReason.NOT_WRITABLE.remediation(dir));
    }
    return StoreFault.io(name, "cannot " + what + " " + recordPath(name).getFileName() + " ("
        + e.getClass().getSimpleName() + ")", e);
  }

  private SecretRecord loadLive(String name) {
    return describe(name).orElseThrow(() -> notFound(name));
  }

  /**
   * The record as stored (deleted or not), treating one whose deletion date has passed as gone. A record
   * older than the index says (a copy put back in place of a newer one) is an integrity fault.
   */
  private Optional<SecretRecord> load(String name) {
    // The index is read before the record: a writer writes the record before the index, so a record read
    // after its index entry is never older than that entry unless it was put back from an older copy.
    Optional<IndexEntry> indexed = indexedForRollbackCheck(name);
    Optional<SecretRecord> record = decodeFile(name);
    if (record.isPresent() && indexed.isPresent() && record.get().generation() < indexed.get().generation()) {
      Path file = recordPath(name);
      throw StoreFault.integrity(name, "record file " + file + " is older than the store's index says"
          + " (write " + record.get().generation() + ", expected " + indexed.get().generation() + "): an older"
          + " copy was put back in place of the newer record", file);
    }
    return record.filter(r -> !r.isPurgeable(clock.instant()));
  }

  /** The name's index entry, unless a write of it is in progress (then its record is the truth) or there is no usable index. */
  private Optional<IndexEntry> indexedForRollbackCheck(String name) {
    try {
      Optional<StoreIndex.View> view = index.view();
      if (view.isEmpty()) {
        return Optional.empty();
      }
      try (StoreIndex.View open = view.get()) {
        return open.pending(name) ? Optional.empty() : open.lookup(name);
      }
    } catch (IOException damagedIndex) {
      return Optional.empty(); // the records are the truth; the next writable open rebuilds the index
    }
  }

  private Optional<SecretRecord> decodeFile(String name) {
    Path file = recordPath(name);
    byte[] bytes;
    try (java.io.InputStream in = RegularFiles.open(file)) {
      bytes = in.readNBytes(MAX_RECORD_BYTES + 1);
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (RegularFiles.NotRegularFileException e) {
      throw StoreFault.integrity(name, "record file " + file + " is not a regular file", file);
    } catch (IOException e) {
      throw StoreFault.integrity(name, "record file " + file + " cannot be read (" + e.getClass().getSimpleName()
          + ")", file);
    }
    if (bytes.length > MAX_RECORD_BYTES) {
      throw StoreFault.integrity(name, "record file " + file + " is larger than any record this store writes",
          file);
    }
    try {
      return Optional.of(codec.decode(bytes, name));
    } catch (StoreFault f) {
      if (f.kind() == FaultKind.INTEGRITY && followKeyRotation(true)) {
        try {
          return Optional.of(codec.decode(bytes, name));
        } catch (StoreFault again) {
          throw again.atLocation(file);
        }
      }
      throw f.atLocation(file);
    }
  }

  private <T> T atRecord(String name, java.util.function.Supplier<T> action) {
    try {
      return action.get();
    } catch (StoreFault f) {
      throw f.kind() == FaultKind.INTEGRITY ? f.atLocation(recordPath(name)) : f;
    }
  }

  private List<Path> recordFiles() {
    List<Path> files = new ArrayList<>();
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
      for (Path entry : entries) {
        if (NameCodec.isRecordFile(entry.getFileName().toString())) {
          files.add(entry);
        }
      }
    } catch (NoSuchFileException e) {
      return files; // a read-only store whose directory was never created is empty
    } catch (IOException e) {
      throw StoreFault.io(null, "cannot list " + dir + " (" + e.getClass().getSimpleName() + ")", e);
    }
    return files;
  }

  // The clear-text header names the file; a file whose name does not map back to its path was moved or
  // planted, and is ignored here (reading it under its real path would fail authentication anyway).
  private static Optional<String> claimedName(Path file) {
    try (java.io.InputStream in = RegularFiles.open(file)) {
      String name = RecordCodec.claimedName(in.readNBytes(RecordCodec.MAX_HEADER_BYTES));
      return file.getFileName().toString().equals(NameCodec.fileName(name)) ? Optional.of(name) : Optional.empty();
    } catch (NoSuchFileException vanished) {
      return Optional.empty();
    } catch (IOException | StoreFault | IllegalArgumentException unreadable) {
      return Optional.empty();
    }
  }

  private void requireWritable(String name) {
    if (readOnly != null) {
      throw StoreFault.of(FaultKind.ACCESS_DENIED, name, "the store at " + dir + " is read-only",
          readOnly.remediation(dir));
    }
  }

  private void checkTagCount(String name, int count) {
    if (count > maxTags) {
      throw StoreFault.of(FaultKind.INVALID_REQUEST, name, "a secret may carry at most " + maxTags + " tags, this"
          + " one would carry " + count);
    }
  }

  private static StoreFault notFound(String name) {
    return StoreFault.of(FaultKind.NOT_FOUND, name, "no secret with this name");
  }

  private static String encodeToken(String lastName) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(lastName.getBytes(StandardCharsets.UTF_8));
  }

  private static String decodeToken(String token) {
    try {
      return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw StoreFault.of(FaultKind.INVALID_REQUEST, null, "the page token is not one this store issued");
    }
  }

  @Override
  public String toString() {
    return "LocalStore[" + dir + ", key from " + keySource.describe() + (readOnly != null ? ", read-only" : "") + "]";
  }
}
