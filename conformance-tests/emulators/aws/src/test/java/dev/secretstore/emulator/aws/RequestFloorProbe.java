package dev.secretstore.emulator.aws;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

/**
 * Measures the emulator's per-request floor on loopback: sequential GetSecretValue calls through the AWS SDK v2
 * (default Apache HTTP client, keep-alive), after a warm-up. Not a test (speed is never asserted in tests); run:
 *
 * <pre>
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) \
 *     dev.secretstore.emulator.aws.RequestFloorProbe [requests]
 * </pre>
 */
public final class RequestFloorProbe {
    private RequestFloorProbe() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        try (AwsSecretsManagerEmulator emulator = AwsSecretsManagerEmulator.builder().build().start();
             SecretsManagerClient client = Clients.secretsManager(emulator.endpoint(), Clients.admin())) {
            emulator.plantSecret(SecretSeed.builder("probe").secretString("{\"password\":\"p\"}").build());
            for (int i = 0; i < n; i++) {
                client.getSecretValue(b -> b.secretId("probe"));
            }
            long[] sdk = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                client.getSecretValue(b -> b.secretId("probe"));
                sdk[i] = System.nanoTime() - t;
            }
            report("SDK GetSecretValue (signing + HTTP + SigV4 check + IAM + JSON)", sdk);

            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            HttpRequest health = HttpRequest.newBuilder(URI.create(emulator.endpoint() + "/_emulator/health")).build();
            for (int i = 0; i < n; i++) {
                http.send(health, HttpResponse.BodyHandlers.discarding());
            }
            long[] raw = new long[n];
            for (int i = 0; i < n; i++) {
                long t = System.nanoTime();
                http.send(health, HttpResponse.BodyHandlers.discarding());
                raw[i] = System.nanoTime() - t;
            }
            report("JDK HttpClient GET /_emulator/health (transport floor)", raw);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf("%s: n=%d median=%.3f ms p90=%.3f ms p99=%.3f ms mean=%.3f ms max=%.3f ms%n", what,
                sorted.length, sorted[sorted.length / 2] / 1e6, sorted[(int) (sorted.length * 0.9)] / 1e6,
                sorted[(int) (sorted.length * 0.99)] / 1e6, mean, sorted[sorted.length - 1] / 1e6);
    }
}
