package dev.secretstore.emulator.gcp;

import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Not a test: a benchmark-style main measuring the emulator's per-request floor with the official client
 * (AccessSecretVersion, sequential, after warm-up) on each transport. Run it as described in the README.
 */
public final class RequestFloorHarness {
  private RequestFloorHarness() {}

  public static void main(String[] args) {
    int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
    try (SecretManagerEmulator emulator = SecretManagerEmulator.builder().build().start()) {
      String secret = "projects/" + Clients.PROJECT + "/secrets/floor";
      try (SecretManagerServiceClient c = Clients.plaintext(emulator)) {
        c.createSecret("projects/" + Clients.PROJECT, "floor", SecretLifecycleTest.automatic());
        c.addSecretVersion(secret, SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("x".repeat(64)))
            .build());
      }
      Map<String, SecretManagerServiceClient> clients = new LinkedHashMap<>();
      clients.put("gRPC plaintext, no credentials", Clients.plaintext(emulator));
      clients.put("gRPC TLS, service-account JWT", Clients.serviceAccount(emulator, Clients.ADMIN));
      clients.put("HttpJson (REST), no credentials", Clients.httpJson(emulator, null));
      clients.put("HttpJson (REST), service-account JWT",
          Clients.httpJson(emulator, Clients.keyCredentials(emulator, Clients.ADMIN)));
      System.out.printf("%-40s %9s %9s %9s %9s%n", "transport", "p50 µs", "p90 µs", "p99 µs", "mean µs");
      for (Map.Entry<String, SecretManagerServiceClient> e : clients.entrySet()) {
        SecretManagerServiceClient c = e.getValue();
        for (int i = 0; i < warmup; i++) {
          c.accessSecretVersion(secret + "/versions/latest");
        }
        long[] nanos = new long[measured];
        for (int i = 0; i < measured; i++) {
          long t0 = System.nanoTime();
          c.accessSecretVersion(secret + "/versions/latest");
          nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double mean = Arrays.stream(nanos).average().orElse(0);
        System.out.printf("%-40s %9d %9d %9d %9.0f%n", e.getKey(), nanos[measured / 2] / 1000,
            nanos[measured * 9 / 10] / 1000, nanos[measured * 99 / 100] / 1000, mean / 1000);
        c.close();
      }
    }
  }
}
