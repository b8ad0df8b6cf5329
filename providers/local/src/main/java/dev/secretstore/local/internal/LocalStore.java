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
 * The storage engine of the local provider: one encrypted record file per secret in one directory.
 *
 * <p>Reads take no lock: records are only ever replaced by atomic rename, so a reader sees a whole old or a
 * whole new file. Every write is a read-modify-write cycle under {@link StoreLock} (threads and processes),
 * ending in {@link AtomicFiles#write}. Thread-safe; any number of instances may share a directory.
 *
 * <p>Soft delete: a deleted secret keeps its file with a deletion date and is invisible to reads, describe
 * and list. Creating the same name again replaces it (the deleted versions are discarded), as does the
 * passing of the deletion date; {@link #restore} brings it back before then; a forced delete removes the
 * file at once.
 */
public final class LocalStore {
  public static final Duration DEFAULT_RECOVERY_WINDOW = Duration.ofDays(30);

  private final Path dir;
  private final KeySource keySource;
  private final ReadOnlyReason readOnly;
  private final RecordCodec codec;
  private final StoreLock lock;
  private final Clock clock;
  private final SecureRandom random;
  private final int maxTags;

  private LocalStore(Path dir, KeySource keySource, ReadOnlyReason readOnly, RecordCodec codec, StoreLock lock,
      Clock clock, SecureRandom random, int maxTags) {
    this.dir = dir;
    this.keySource = keySource;
    this.readOnly = readOnly;
    this.codec = codec;
    this.lock = lock;
    this.clock = clock;
    this.random = random;
    this.maxTags = maxTags;
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
        Aead aead = new Aead(key, random);
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
      Aead aead = new Aead(key, random);
      if (!checkKey(dir, aead, source)) {
        KeyCheck.write(dir, aead);
      }
      LocalStore store = new LocalStore(dir, source, null, new RecordCodec(aead), lock, clock, random, maxTags);
      store.purgeExpired();
      return store;
    } catch (IOException e) {
      throw StoreFault.io(null, "cannot open store " + dir + " (" + e.getClass().getSimpleName() + ")", e);
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
          new RecordCodec(aead).decode(Files.readAllBytes(record.get()), name.get());
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
  // that died mid-write. Deleting it is safe; leaving it would only waste space.
  private static void removeCrashLeftovers(Path dir) throws IOException {
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir, AtomicFiles.TEMP_PREFIX + "*")) {
      for (Path leftover : entries) {
        Files.deleteIfExists(leftover);
      }
    }
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

  // ---- writes ----

  public SecretRecord create(String name, byte[] value, boolean text, Map<String, String> tags) {
    requireWritable(name);
    checkTagCount(name, tags.size());
    return write(name, () -> {
      Optional<SecretRecord> existing = load(name);
      if (existing.isPresent() && !existing.get().isDeleted()) {
        throw StoreFault.of(FaultKind.ALREADY_EXISTS, name, "a secret with this name already exists");
      }
      Instant now = clock.instant();
      byte[] id = new byte[16];
      random.nextBytes(id);
      String recordId = HexFormat.of().formatHex(id);
      VersionEntry first = new VersionEntry("1", now, text, codec.sealValue(name, recordId, "1", value));
      return store(new SecretRecord(name, recordId, now, now, null, tags, List.of(first)));
    });
  }

  public SecretRecord addVersion(String name, byte[] value, boolean text) {
    requireWritable(name);
    return write(name, () -> {
      SecretRecord record = loadLive(name);
      String versionId = record.nextVersionId();
      Sealed sealed = codec.sealValue(name, record.recordId(), versionId, value);
      return store(record.withVersion(new VersionEntry(versionId, clock.instant(), text, sealed)));
    });
  }

  public SecretRecord updateTags(String name, Map<String, String> tags) {
    requireWritable(name);
    return write(name, () -> {
      SecretRecord updated = loadLive(name).withTagsMerged(tags, clock.instant());
      checkTagCount(name, updated.tags().size());
      return store(updated);
    });
  }

  /**
   * Deletes a secret: at once when {@code force} or the window is zero, else after the recovery window
   * (default 30 days). A force delete also purges a secret already scheduled for deletion.
   */
  public void delete(String name, boolean force, Optional<Duration> recoveryWindow) {
    requireWritable(name);
    if (recoveryWindow.isPresent() && recoveryWindow.get().isNegative()) {
      throw StoreFault.of(FaultKind.INVALID_REQUEST, name, "the recovery window must not be negative");
    }
    boolean immediate = force || recoveryWindow.map(Duration::isZero).orElse(false);
    write(name, () -> {
      Optional<SecretRecord> record = load(name);
      if (record.isEmpty() || (record.get().isDeleted() && !immediate)) {
        throw notFound(name);
      }
      if (immediate) {
        try {
          AtomicFiles.delete(recordPath(name));
        } catch (IOException e) {
          throw ioFault(name, "delete", e);
        }
        return null;
      }
      Instant now = clock.instant();
      return store(record.get().scheduledForDeletion(now.plus(recoveryWindow.orElse(DEFAULT_RECOVERY_WINDOW)), now));
    });
  }

  /** Cancels a pending soft delete; not found unless the secret is scheduled for deletion. */
  public SecretRecord restore(String name) {
    requireWritable(name);
    return write(name, () -> {
      Optional<SecretRecord> record = load(name);
      if (record.isEmpty() || !record.get().isDeleted()) {
        throw StoreFault.of(FaultKind.NOT_FOUND, name, "no deleted secret with this name awaits recovery");
      }
      return store(record.get().restored(clock.instant()));
    });
  }

  // ---- reads ----

  /** The live (not deleted) secret's record, or empty. */
  public Optional<SecretRecord> describe(String name) {
    return load(name).filter(r -> !r.isDeleted());
  }

  public VersionRead read(String name, Optional<String> versionId) {
    SecretRecord record = loadLive(name);
    VersionEntry version = versionId.isEmpty()
        ? record.latest()
        : record.version(versionId.get()).orElseThrow(() -> StoreFault.of(FaultKind.NOT_FOUND, name,
            "version " + versionId.get() + " of this secret does not exist"));
    return new VersionRead(record, version, codec.openValue(record, version));
  }

  /**
   * Live secrets whose names start with {@code prefix}, in name order, {@code pageSize} at a time. The page
   * token is the last name of the previous page (opaque to callers), so paging stays correct while secrets
   * are added or removed in between.
   */
  public RecordPage list(Optional<String> prefix, int pageSize, Optional<String> pageToken) {
    if (pageSize < 1) {
      throw StoreFault.of(FaultKind.INVALID_REQUEST, null, "page size must be at least 1");
    }
    Optional<String> after = pageToken.map(LocalStore::decodeToken);
    TreeMap<String, Path> candidates = new TreeMap<>();
    for (Path file : recordFiles()) {
      Optional<String> claimed = claimedName(file);
      claimed.filter(n -> prefix.map(n::startsWith).orElse(true))
          .filter(n -> after.map(a -> n.compareTo(a) > 0).orElse(true))
          .ifPresent(n -> candidates.put(n, file));
    }
    List<SecretRecord> page = new ArrayList<>();
    for (String name : candidates.keySet()) {
      Optional<SecretRecord> record = describe(name);
      if (record.isEmpty()) {
        continue;
      }
      if (page.size() == pageSize) {
        return new RecordPage(page, Optional.of(encodeToken(page.get(page.size() - 1).name())));
      }
      page.add(record.get());
    }
    return new RecordPage(page, Optional.empty());
  }

  // ---- internals ----

  private void purgeExpired() {
    Instant now = clock.instant();
    for (Path file : recordFiles()) {
      Optional<String> name = claimedName(file);
      if (name.isEmpty() || !file.getFileName().toString().equals(NameCodec.fileName(name.get()))) {
        continue;
      }
      try {
        Optional<SecretRecord> record = decodeFile(name.get());
        if (record.isPresent() && record.get().isPurgeable(now)) {
          AtomicFiles.delete(file);
        }
      } catch (StoreFault | IOException skipped) {
        // A damaged record is reported when it is used, not by opening the store.
      }
    }
  }

  private <T> T write(String name, java.util.function.Supplier<T> action) {
    try {
      return lock.withLock(action);
    } catch (StoreFault f) {
      throw f.forSecret(name);
    }
  }

  private SecretRecord store(SecretRecord record) {
    try {
      AtomicFiles.write(recordPath(record.name()), codec.encode(record));
      return record;
    } catch (IOException e) {
      throw ioFault(record.name(), "write", e);
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

  /** The record as stored (deleted or not), treating one whose deletion date has passed as gone. */
  private Optional<SecretRecord> load(String name) {
    return decodeFile(name).filter(r -> !r.isPurgeable(clock.instant()));
  }

  private Optional<SecretRecord> decodeFile(String name) {
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(recordPath(name));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw ioFault(name, "read", e);
    }
    return Optional.of(codec.decode(bytes, name));
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
    try (java.io.InputStream in = Files.newInputStream(file)) {
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
