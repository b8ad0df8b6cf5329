package dev.secretstore.benchmarks;

import com.amazonaws.secretsmanager.caching.SecretCache;
import com.azure.security.keyvault.secrets.SecretClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretVersionName;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.emulator.azure.Operation;
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
 * cached, new connections); opening it is not timed. Wall time per hydration (single shot) and, as
 * {@code ·requests}, every request the emulator saw.
 *
 * <p>AWS: ours ({@code readAll}: BatchGetSecretValue, 20 ids a call, {@code readConcurrency} 8 in flight), the
 * raw SDK doing the same batches with the same 8 threads, a naive loop of {@code GetSecretValue}, and AWS's
 * caching client ({@code SecretCache.getSecretString} per name). GCP and Azure (no batch read): ours
 * ({@code readAll}, default {@code readConcurrency} 8), the raw client's get on 8 threads, and a naive loop of it.
 *
 * <p>Each cloud has its own state, so a benchmark's JVM (one fork per benchmark) runs only its own emulator. The
 * comparisons that matter (ours against the raw SDK at the same parallelism) get enough warm-up shots for the JIT to
 * settle, since a platform hydrates from a long-running JVM ("cold" is the store and its connections, not the JVM):
 * on AWS 25 warm-up and 15 measured shots (a shot is 150 requests, 0.15-0.5 s; after 5 warm-ups a shot still costs
 * about twice the CPU it does after 25), on GCP and Azure 3 and 6 (a shot is 3,000 requests, 2-4 s). AWS's caching
 * client, the 100x comparison, gets one warm-up and one measured shot of 6,000 requests; the naive loops (there for
 * their request counts and order of magnitude, 20-35 s a shot) one shot. The whole set takes about 8 minutes.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 2)
@Fork(1)
public class ColdHydrationBenchmark {
    static final int SECRETS = 3_000;
    static final int PARALLELISM = 8;
    static final Duration LATENCY = Duration.ofMillis(5);

    /** The threads the raw-SDK rows run their calls on: as many as our stores keep in flight. */
    @State(Scope.Benchmark)
    public static class Threads {
        ExecutorService pool;

        @Setup(Level.Trial)
        public void start() {
            pool = Executors.newFixedThreadPool(PARALLELISM);
        }

        @TearDown(Level.Trial)
        public void stop() {
            pool.shutdownNow();
        }
    }

    @State(Scope.Benchmark)
    public static class Aws {
        AwsWorld world;
        SecretStore store;
        SecretsManagerClient client;
        SecretCache cachingClient;
        private long before;

        @Setup(Level.Trial)
        public void startEmulator() {
            world = new AwsWorld(SECRETS, 64);
        }

        @TearDown(Level.Trial)
        public void stopEmulator() {
            world.close();
        }

        @Setup(Level.Iteration)
        public void open() {
            world.latency(Duration.ZERO);
            store = SecretStores.open(world.config(null));
            client = world.client();
            cachingClient = new SecretCache(world.client());
            world.latency(LATENCY);
            before = world.requests();
        }

        @TearDown(Level.Iteration)
        public void close() {
            System.out.println("  requests seen by the AWS emulator this iteration: " + (world.requests() - before));
            store.close();
            client.close();
            cachingClient.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Gcp {
        GcpWorld world;
        SecretStore store;
        SecretManagerServiceClient client;
        private long before;

        @Setup(Level.Trial)
        public void startEmulator() {
            world = new GcpWorld(SECRETS, 64);
        }

        @TearDown(Level.Trial)
        public void stopEmulator() {
            world.close();
        }

        @Setup(Level.Iteration)
        public void open() {
            world.latency(Duration.ZERO);
            store = SecretStores.open(world.config());
            client = world.client();
            world.latency(LATENCY);
            before = world.requests();
        }

        @TearDown(Level.Iteration)
        public void close() {
            System.out.println("  requests seen by the GCP emulator this iteration: " + (world.requests() - before));
            store.close();
            client.close();
        }
    }

    @State(Scope.Benchmark)
    public static class Azure {
        AzureWorld world;
        SecretStore store;
        SecretClient client;
        private long before;
        private long getsBefore;
        private long tokensBefore;

        @Setup(Level.Trial)
        public void startEmulator() {
            world = new AzureWorld(SECRETS, 64);
        }

        @TearDown(Level.Trial)
        public void stopEmulator() {
            world.close();
        }

        @Setup(Level.Iteration)
        public void open() {
            world.latency(Duration.ZERO);
            store = SecretStores.open(world.config());
            client = world.client();
            world.latency(LATENCY);
            before = world.requests();
            getsBefore = world.requests(Operation.GET_SECRET);
            tokensBefore = world.requests(Operation.TOKEN);
        }

        @TearDown(Level.Iteration)
        public void close() {
            // GetSecret includes the SDK's unauthenticated first request(s), answered 401 with the challenge.
            System.out.println("  requests seen by the Azure emulator this iteration: " + (world.requests() - before)
                    + " (GetSecret " + (world.requests(Operation.GET_SECRET) - getsBefore)
                    + ", Token " + (world.requests(Operation.TOKEN) - tokensBefore) + ")");
            store.close();
            // SecretClient holds no resources of its own to close; its Netty pool is released with the JVM.
        }
    }

    private static void consumeAll(Map<SecretName, ReadResult> all, Blackhole bh) {
        if (all.size() != SECRETS) {
            throw new IllegalStateException("expected " + SECRETS + " results, got " + all.size());
        }
        for (ReadResult r : all.values()) {
            bh.consume(r.secret().orElseThrow());
        }
    }

    // ---- AWS ------------------------------------------------------------------------------------

    @Benchmark
    @Warmup(iterations = 25)
    @Measurement(iterations = 15)
    public void awsOursReadAll(Aws aws, Blackhole bh, HydrationCounters counters) {
        long before = aws.world.requests();
        long cpu = counters.start();
        consumeAll(aws.store.readAll(aws.world.names), bh);
        counters.stop(cpu, aws.world.requests() - before);
    }

    @Benchmark
    @Warmup(iterations = 25)
    @Measurement(iterations = 15)
    public void awsSdkBatchParallel(Aws aws, Threads threads, Blackhole bh, HydrationCounters counters)
            throws Exception {
        long before = aws.world.requests();
        long cpu = counters.start();
        List<Future<BatchGetSecretValueResponse>> calls = new ArrayList<>();
        for (int from = 0; from < SECRETS; from += 20) {
            List<String> ids = aws.world.names.subList(from, Math.min(SECRETS, from + 20)).stream()
                    .map(SecretName::value).toList();
            calls.add(threads.pool.submit(() -> aws.client.batchGetSecretValue(b -> b.secretIdList(ids))));
        }
        for (Future<BatchGetSecretValueResponse> call : calls) {
            BatchGetSecretValueResponse response = call.get();
            if (!response.errors().isEmpty() || response.secretValues().size() != 20) {
                throw new IllegalStateException("batch errors: " + response.errors().size());
            }
            bh.consume(response.secretValues());
        }
        counters.stop(cpu, aws.world.requests() - before);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public void awsSdkNaiveLoop(Aws aws, Blackhole bh, HydrationCounters counters) {
        long before = aws.world.requests();
        long cpu = counters.start();
        for (SecretName name : aws.world.names) {
            bh.consume(aws.client.getSecretValue(b -> b.secretId(name.value())).secretString());
        }
        counters.stop(cpu, aws.world.requests() - before);
    }

    @Benchmark
    @Warmup(iterations = 1)
    @Measurement(iterations = 1)
    public void awsCachingClient(Aws aws, Blackhole bh, HydrationCounters counters) {
        long before = aws.world.requests();
        long cpu = counters.start();
        for (SecretName name : aws.world.names) {
            bh.consume(aws.cachingClient.getSecretString(name.value()));
        }
        counters.stop(cpu, aws.world.requests() - before);
    }

    // ---- GCP ------------------------------------------------------------------------------------

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public void gcpOursReadAll(Gcp gcp, Blackhole bh, HydrationCounters counters) {
        long before = gcp.world.requests();
        long cpu = counters.start();
        consumeAll(gcp.store.readAll(gcp.world.names), bh);
        counters.stop(cpu, gcp.world.requests() - before);
    }

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public void gcpSdkParallel(Gcp gcp, Threads threads, Blackhole bh, HydrationCounters counters) throws Exception {
        long before = gcp.world.requests();
        long cpu = counters.start();
        List<Future<Object>> calls = new ArrayList<>();
        for (SecretName name : gcp.world.names) {
            calls.add(threads.pool.submit(() -> gcp.client.accessSecretVersion(
                    SecretVersionName.of(GcpWorld.PROJECT, name.value(), "latest")).getPayload()));
        }
        for (Future<Object> call : calls) {
            bh.consume(call.get());
        }
        counters.stop(cpu, gcp.world.requests() - before);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public void gcpSdkNaiveLoop(Gcp gcp, Blackhole bh, HydrationCounters counters) {
        long before = gcp.world.requests();
        long cpu = counters.start();
        for (SecretName name : gcp.world.names) {
            bh.consume(gcp.client.accessSecretVersion(SecretVersionName.of(GcpWorld.PROJECT, name.value(), "latest"))
                    .getPayload());
        }
        counters.stop(cpu, gcp.world.requests() - before);
    }

    // ---- Azure ----------------------------------------------------------------------------------

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public void azureOursReadAll(Azure azure, Blackhole bh, HydrationCounters counters) {
        long before = azure.world.requests();
        long cpu = counters.start();
        consumeAll(azure.store.readAll(azure.world.names), bh);
        counters.stop(cpu, azure.world.requests() - before);
    }

    @Benchmark
    @Warmup(iterations = 3)
    @Measurement(iterations = 6)
    public void azureSdkParallel(Azure azure, Threads threads, Blackhole bh, HydrationCounters counters)
            throws Exception {
        long before = azure.world.requests();
        long cpu = counters.start();
        List<Future<String>> calls = new ArrayList<>();
        for (String name : azure.world.nativeNames) {
            calls.add(threads.pool.submit(() -> azure.client.getSecret(name).getValue()));
        }
        for (Future<String> call : calls) {
            bh.consume(call.get());
        }
        counters.stop(cpu, azure.world.requests() - before);
    }

    @Benchmark
    @Warmup(iterations = 0)
    @Measurement(iterations = 1)
    public void azureSdkNaiveLoop(Azure azure, Blackhole bh, HydrationCounters counters) {
        long before = azure.world.requests();
        long cpu = counters.start();
        for (String name : azure.world.nativeNames) {
            bh.consume(azure.client.getSecret(name).getValue());
        }
        counters.stop(cpu, azure.world.requests() - before);
    }
}
