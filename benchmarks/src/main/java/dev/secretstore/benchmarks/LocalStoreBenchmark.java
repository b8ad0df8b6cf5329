package dev.secretstore.benchmarks;

import dev.secretstore.ListOptions;
import dev.secretstore.Page;
import dev.secretstore.Secret;
import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The embedded local store at 100, 10,000 and 100,000 secrets: open, get, describe, put (a new version of an
 * existing secret, fsyncs included), one page of a listing, and the whole listing. Each operation on a
 * random secret of the store, single-threaded, through the public API ({@link SecretStore}).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class LocalStoreBenchmark {
  @Param({"100", "10000", "100000"})
  public int secrets;

  private Map<String, Object> config;
  private SecretStore store;
  private final SplittableRandom random = new SplittableRandom(14);

  @Setup(Level.Trial)
  public void setUp() {
    Path dir = StoreFixtures.store(secrets);
    config = StoreFixtures.config(dir);
    store = SecretStores.open(config);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    store.close();
  }

  /** A writable open (key check, index check) and close, as every CLI command does. */
  @Benchmark
  public SecretStore open() {
    SecretStore opened = SecretStores.open(config);
    opened.close();
    return opened;
  }

  @Benchmark
  public Secret get() {
    return store.read(StoreFixtures.name(random.nextInt(secrets)));
  }

  @Benchmark
  public SecretMetadata describe() {
    return store.describe(StoreFixtures.name(random.nextInt(secrets)));
  }

  /** A new version of an existing secret: value file, record and index entry, each fsynced. */
  @Benchmark
  public SecretMetadata put() {
    return store.put(StoreFixtures.name(random.nextInt(secrets)), SecretValue.ofText(StoreFixtures.VALUE));
  }

  /** The first page (100 secrets) of a prefix listing. */
  @Benchmark
  public Page<SecretMetadata> listPage() {
    return store.list(ListOptions.builder().prefix("bench/").pageSize(100).build());
  }

  /** Every secret, all pages: O(n) records read. */
  @Benchmark
  @Measurement(iterations = 2, time = 1)
  @Warmup(iterations = 1, time = 1)
  public long listAll() {
    return store.listAll("bench/").count();
  }
}
