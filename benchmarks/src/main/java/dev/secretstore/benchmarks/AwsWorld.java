package dev.secretstore.benchmarks;

import dev.secretstore.SecretName;
import dev.secretstore.emulator.aws.AwsSecretsManagerEmulator;
import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.emulator.aws.Fault;
import dev.secretstore.emulator.aws.SecretSeed;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * The in-process AWS emulator holding {@code count} secrets named {@link #name}, with the configs and raw SDK
 * clients the benchmarks compare. Requests are counted by the emulator on arrival (every attempt).
 */
final class AwsWorld implements AutoCloseable {
    static final String TAG_KEY = "AirbyteManaged";

    final AwsSecretsManagerEmulator emulator = AwsSecretsManagerEmulator.builder().port(0).build().start();
    final List<SecretName> names = new ArrayList<>();

    AwsWorld(int count, int valueBytes) {
        String value = "v".repeat(valueBytes);
        for (int i = 0; i < count; i++) {
            SecretName name = name(i);
            names.add(name);
            emulator.plantSecret(SecretSeed.builder(name.value()).secretString(value).tag(TAG_KEY, "true").build());
        }
    }

    /** Connection {@code i / 3}'s secret {@code i % 3}: 1,000 connections x 3 secrets for i < 3,000. */
    static SecretName name(int i) {
        return SecretName.of(String.format("bench-conn-%05d-s%d", i / 3, i % 3));
    }

    void latency(Duration perRequest) {
        emulator.clearFaults();
        if (!perRequest.isZero()) {
            emulator.setFault("*", Fault.latency(perRequest));
        }
    }

    long requests() {
        return emulator.requestCounts().values().stream().mapToLong(Long::longValue).sum();
    }

    /** A store config for the admin identity; {@code cache} is a cache block or null. */
    Map<String, Object> config(Map<String, Object> cache) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("provider", "aws");
        config.put("auth_type", "ACCESS_KEY");
        config.put("awsRegion", DefaultIdentity.REGION);
        config.put("endpoint", emulator.endpoint().toString());
        config.put("tagKey", TAG_KEY);
        config.put("awsAccessKey", DefaultIdentity.ADMIN_ACCESS_KEY_ID);
        config.put("awsSecretAccessKey", DefaultIdentity.ADMIN_SECRET_ACCESS_KEY);
        config.put(BenchmarkReadRate.FIELD, BenchmarkReadRate.UNPACED);
        if (cache != null) {
            config.put("cache", cache);
        }
        return config;
    }

    /**
     * The official client with the settings our provider gives its own (Apache 5 HTTP client, 5 s connect and 30 s
     * socket timeouts, default pool, SDK retries off), so that a comparison with our store measures our code, not a
     * difference of configuration. Closing it closes its HTTP client.
     */
    SecretsManagerClient client() {
        return SecretsManagerClient.builder().endpointOverride(emulator.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(
                        DefaultIdentity.ADMIN_ACCESS_KEY_ID, DefaultIdentity.ADMIN_SECRET_ACCESS_KEY)))
                .httpClientBuilder(Apache5HttpClient.builder()
                        .connectionTimeout(Duration.ofSeconds(5))
                        .socketTimeout(Duration.ofSeconds(30)))
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .build();
    }

    @Override
    public void close() {
        emulator.close();
    }
}
