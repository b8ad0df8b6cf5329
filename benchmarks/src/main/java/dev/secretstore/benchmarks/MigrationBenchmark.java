package dev.secretstore.benchmarks;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.emulator.aws.AwsSecretsManagerEmulator;
import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.emulator.aws.Fault;
import dev.secretstore.migrate.Migration;
import dev.secretstore.migrate.MigrationReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
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
 * One whole migration of {@code secrets} secrets from the local store to the AWS provider, over the official SDK
 * to the AWS emulator answering every request {@code latencyMillis} late (its latency fault), verified (every
 * version read back), with the default concurrency of 8. Secrets per second = secrets / the time reported. Each
 * invocation starts from an empty emulator and a new journal.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(1)
@State(Scope.Benchmark)
public class MigrationBenchmark {
  @Param({"5000"})
  public int secrets;

  @Param({"5"})
  public int latencyMillis;

  private AwsSecretsManagerEmulator emulator;
  private SecretStore source;
  private SecretStore target;
  private Path journal;

  @Setup(Level.Trial)
  public void setUp() {
    source = SecretStores.open(StoreFixtures.config(StoreFixtures.store(secrets)));
    emulator = AwsSecretsManagerEmulator.builder().port(0).build().start();
    Map<String, Object> aws = new LinkedHashMap<>();
    aws.put("provider", "aws");
    aws.put("auth_type", "ACCESS_KEY");
    aws.put("awsAccessKey", DefaultIdentity.ADMIN_ACCESS_KEY_ID);
    aws.put("awsSecretAccessKey", DefaultIdentity.ADMIN_SECRET_ACCESS_KEY);
    aws.put("awsRegion", DefaultIdentity.REGION);
    aws.put("endpoint", emulator.endpoint().toString());
    target = SecretStores.open(aws);
  }

  @Setup(Level.Invocation)
  public void emptyTarget() throws IOException {
    emulator.reset();
    emulator.setFault(Fault.ALL_OPERATIONS, Fault.latency(Duration.ofMillis(latencyMillis)));
    journal = Files.createTempFile(StoreFixtures.root(), "migration", ".journal");
    Files.delete(journal);
  }

  @TearDown(Level.Invocation)
  public void dropJournal() throws IOException {
    Files.deleteIfExists(journal);
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    target.close();
    source.close();
    emulator.close();
  }

  @Benchmark
  public MigrationReport localToAws() {
    MigrationReport report = Migration.builder(source, target).journal(journal).build().run();
    if (!report.succeeded() || report.copied() != secrets) {
      throw new IllegalStateException("migration incomplete: " + report + " " + report.failures().stream().limit(3).toList());
    }
    return report;
  }

  static {
    try {
      Files.createDirectories(StoreFixtures.root());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
