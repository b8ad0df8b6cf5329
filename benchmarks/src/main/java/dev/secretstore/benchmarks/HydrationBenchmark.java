package dev.secretstore.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.connections.ConnectionSecrets;
import dev.secretstore.connections.SecretCoordinate;
import dev.secretstore.connections.SecretReference;
import dev.secretstore.connections.SecretScope;
import dev.secretstore.emulator.aws.AwsSecretsManagerEmulator;
import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.emulator.aws.Fault;
import dev.secretstore.emulator.aws.SecretSeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
 * Hydrating connector configs through the AWS provider (official SDK, real loopback socket) against the AWS
 * emulator with a fixed latency on every BatchGetSecretValue call: 1,000 configs of 3 secrets each hydrated
 * together ({@code hydrateAll}), and one config alone. After each trial the BatchGetSecretValue calls per
 * operation are printed (they must be ⌈secrets / 20⌉; the trial fails otherwise).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
@Fork(1)
@State(Scope.Benchmark)
public class HydrationBenchmark {
  @Param({"5"})
  public int latencyMillis;

  @Param({"1000"})
  public int configs;

  private static final int SECRETS_PER_CONFIG = 3;

  private AwsSecretsManagerEmulator emulator;
  private SecretStore store;
  private ConnectionSecrets secrets;
  private List<JsonNode> saved;
  private long callsBefore;
  private long manyOperations;
  private long oneOperations;
  private long manyCalls;
  private long oneCalls;

  @Setup(Level.Trial)
  public void setUp() {
    emulator = AwsSecretsManagerEmulator.builder().port(0).build().start();
    SecretScope scope = SecretScope.workspace("bench");
    saved = new ArrayList<>();
    for (int i = 0; i < configs; i++) {
      ObjectNode config = JsonNodeFactory.instance.objectNode().put("host", "db-" + i);
      for (int s = 0; s < SECRETS_PER_CONFIG; s++) {
        SecretCoordinate coordinate = SecretCoordinate.of(scope, UUID.randomUUID(), 1);
        emulator.plantSecret(SecretSeed.builder(coordinate.toString()).secretString("value-" + i + "-" + s)
            .tag("AirbyteManaged", "true").build());
        config.set("secret" + s, SecretReference.managed(coordinate, null, false).toJson());
      }
      saved.add(config);
    }
    Map<String, Object> config = new LinkedHashMap<>();
    config.put("provider", "aws");
    config.put("auth_type", "ACCESS_KEY");
    config.put("awsAccessKey", DefaultIdentity.ADMIN_ACCESS_KEY_ID);
    config.put("awsSecretAccessKey", DefaultIdentity.ADMIN_SECRET_ACCESS_KEY);
    config.put("awsRegion", DefaultIdentity.REGION);
    config.put("endpoint", emulator.endpoint().toString());
    config.put("tagKey", "AirbyteManaged");
    config.put(BenchmarkReadRate.FIELD, BenchmarkReadRate.UNPACED);
    store = SecretStores.open(config);
    secrets = ConnectionSecrets.of(store);
    emulator.setFault("BatchGetSecretValue", Fault.latency(Duration.ofMillis(latencyMillis)));
  }

  @Setup(Level.Invocation)
  public void markCalls() {
    callsBefore = emulator.requestCount("BatchGetSecretValue");
  }

  @TearDown(Level.Invocation)
  public void countCalls() {
    // Attributed to whichever benchmark ran: only one runs per trial.
    long calls = emulator.requestCount("BatchGetSecretValue") - callsBefore;
    if (calls >= SECRETS_PER_CONFIG * (long) configs / 20) {
      manyOperations++;
      manyCalls += calls;
    } else {
      oneOperations++;
      oneCalls += calls;
    }
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    int expectedMany = (SECRETS_PER_CONFIG * configs + 19) / 20;
    if (manyOperations > 0) {
      System.out.printf("%nBatchGetSecretValue calls per hydrateAll of %d configs x %d secrets: %.2f (expected %d)%n",
          configs, SECRETS_PER_CONFIG, manyCalls / (double) manyOperations, expectedMany);
      if (manyCalls != expectedMany * manyOperations) {
        throw new IllegalStateException("hydrateAll did not batch as expected");
      }
    }
    if (oneOperations > 0) {
      System.out.printf("%nBatchGetSecretValue calls per hydrate of one config: %.2f (expected 1)%n",
          oneCalls / (double) oneOperations);
    }
    store.close();
    emulator.close();
  }

  /** Every config's references read together: one readAll, ⌈3,000 / 20⌉ = 150 BatchGetSecretValue calls. */
  @Benchmark
  public List<JsonNode> hydrateAllTogether() {
    return secrets.hydrateAll(saved);
  }

  /** One config of 3 secrets: one call. */
  @Benchmark
  public JsonNode hydrateOne() {
    return secrets.hydrate(saved.get(7));
  }
}
