package dev.secretstore.benchmarks;

import com.amazonaws.secretsmanager.caching.SecretCache;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretVersionName;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.BatchGetSecretValueResponse;

/**
 * Cold hydration: 1,000 connections x 3 secrets (3,000 distinct names) read from each cloud's emulator with 5 ms
 * of injected latency on every request. Each iteration starts from a freshly opened store or client (nothing
 * cached); opening it is not timed. Wall time per hydration (single shot) and, as {@code ·requests}, the
 * requests the emulator saw.
 *
 * <p>AWS: ours ({@code readAll}: BatchGetSecretValue, 20 ids a call, {@code readConcurrency} 8 in flight), the
 * raw SDK doing the same batches with the same 8 threads, a naive loop of {@code GetSecretValue}, and AWS's
 * caching client ({@code SecretCache.getSecretString} per name). GCP: ours ({@code readAll}, 8 in flight), the
 * raw client's {@code accessSecretVersion} on 8 threads, and a naive loop of it.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(1)
@State(Scope.Benchmark)
public class ColdHydrationBenchmark {
    static final int SECRETS = 3_000;
    static final int PARALLELISM = 8;
    static final Duration LATENCY = Duration.ofMillis(5);

    private AwsWorld aws;
    private GcpWorld gcp;
    private ExecutorService pool;

    // Per iteration: cold stores and clients.
    private SecretStore awsStore;
    private SecretStore gcpStore;
    private SecretsManagerClient awsClient;
    private SecretManagerServiceClient gcpClient;
    private SecretCache awsCachingClient;
    private long awsBefore;
    private long gcpBefore;

    @Setup(Level.Trial)
    public void setUp() {
        aws = new AwsWorld(SECRETS, 64);
        gcp = new GcpWorld(SECRETS, 64);
        aws.latency(LATENCY);
        gcp.latency(LATENCY);
        pool = Executors.newFixedThreadPool(PARALLELISM);
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        pool.shutdownNow();
        aws.close();
        gcp.close();
    }

    @Setup(Level.Iteration)
    public void open() {
        aws.latency(Duration.ZERO);
        gcp.latency(Duration.ZERO);
        awsStore = SecretStores.open(aws.config(null));
        gcpStore = SecretStores.open(gcp.config());
        awsClient = aws.client();
        gcpClient = gcp.client();
        awsCachingClient = new SecretCache(aws.client());
        aws.latency(LATENCY);
        gcp.latency(LATENCY);
        awsBefore = aws.requests();
        gcpBefore = gcp.requests();
    }

    private long seen() {
        return aws.requests() + gcp.requests();
    }

    @TearDown(Level.Iteration)
    public void close() {
        System.out.println("  requests seen by the emulators this iteration: AWS "
                + (aws.requests() - awsBefore) + ", GCP " + (gcp.requests() - gcpBefore));
        awsStore.close();
        gcpStore.close();
        awsClient.close();
        gcpClient.close();
        awsCachingClient.close();
    }

    @Benchmark
    public void awsOursReadAll(Blackhole bh, RequestCounters counters) {
        long before = seen();
        Map<SecretName, ReadResult> all = awsStore.readAll(aws.names);
        for (ReadResult r : all.values()) {
            bh.consume(r.secret().orElseThrow());
        }
        counters.requests += seen() - before;
    }

    @Benchmark
    public void awsSdkBatchParallel(Blackhole bh, RequestCounters counters) throws Exception {
        long before = seen();
        List<Future<BatchGetSecretValueResponse>> calls = new ArrayList<>();
        for (int from = 0; from < SECRETS; from += 20) {
            List<String> ids = aws.names.subList(from, Math.min(SECRETS, from + 20)).stream()
                    .map(SecretName::value).toList();
            calls.add(pool.submit(() -> awsClient.batchGetSecretValue(b -> b.secretIdList(ids))));
        }
        for (Future<BatchGetSecretValueResponse> call : calls) {
            BatchGetSecretValueResponse response = call.get();
            if (!response.errors().isEmpty()) {
                throw new IllegalStateException("batch errors: " + response.errors().size());
            }
            bh.consume(response.secretValues());
        }
        counters.requests += seen() - before;
    }

    @Benchmark
    public void awsSdkNaiveLoop(Blackhole bh, RequestCounters counters) {
        long before = seen();
        for (SecretName name : aws.names) {
            bh.consume(awsClient.getSecretValue(b -> b.secretId(name.value())).secretString());
        }
        counters.requests += seen() - before;
    }

    @Benchmark
    public void awsCachingClient(Blackhole bh, RequestCounters counters) {
        long before = seen();
        for (SecretName name : aws.names) {
            bh.consume(awsCachingClient.getSecretString(name.value()));
        }
        counters.requests += seen() - before;
    }

    @Benchmark
    public void gcpOursReadAll(Blackhole bh, RequestCounters counters) {
        long before = seen();
        Map<SecretName, ReadResult> all = gcpStore.readAll(gcp.names);
        for (ReadResult r : all.values()) {
            bh.consume(r.secret().orElseThrow());
        }
        counters.requests += seen() - before;
    }

    @Benchmark
    public void gcpSdkParallel(Blackhole bh, RequestCounters counters) throws Exception {
        long before = seen();
        List<Future<Object>> calls = new ArrayList<>();
        for (SecretName name : gcp.names) {
            calls.add(pool.submit(() -> gcpClient.accessSecretVersion(
                    SecretVersionName.of(GcpWorld.PROJECT, name.value(), "latest")).getPayload()));
        }
        for (Future<Object> call : calls) {
            bh.consume(call.get());
        }
        counters.requests += seen() - before;
    }

    @Benchmark
    public void gcpSdkNaiveLoop(Blackhole bh, RequestCounters counters) {
        long before = seen();
        for (SecretName name : gcp.names) {
            bh.consume(gcpClient.accessSecretVersion(SecretVersionName.of(GcpWorld.PROJECT, name.value(), "latest"))
                    .getPayload());
        }
        counters.requests += seen() - before;
    }
}
