package dev.secretstore.emulator.azure;

import com.azure.core.http.HttpClient;
import com.azure.security.keyvault.secrets.SecretClient;
import java.util.Arrays;

/**
 * Measures the emulator's per-request floor as the Azure SDK sees it: sequential {@code getSecret} calls on one
 * warmed-up SecretClient over keep-alive HTTPS. A measuring harness, not a test: run it by hand (see README).
 */
public final class PerRequestFloor {
    private PerRequestFloor() {
    }

    public static void main(String[] args) {
        int warmup = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
        int measured = args.length > 1 ? Integer.parseInt(args[1]) : 5_000;
        try (AzureKeyVaultEmulator emulator = AzureKeyVaultEmulator.builder().start()) {
            HttpClient http = EmulatorClients.trusting(emulator.certificate());
            SecretClient client = EmulatorClients.secretClientWithoutRetries(emulator, http,
                    EmulatorClients.officerCredential(emulator, http));
            emulator.plantSecret("floor", "x".repeat(64));
            for (int i = 0; i < warmup; i++) {
                client.getSecret("floor");
            }
            long[] nanos = new long[measured];
            for (int i = 0; i < measured; i++) {
                long start = System.nanoTime();
                client.getSecret("floor");
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            double mean = Arrays.stream(nanos).average().orElse(0) / 1e6;
            System.out.printf("getSecret over the SDK, %d calls after %d warm-up: mean %.3f ms, p50 %.3f ms, "
                            + "p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", measured, warmup, mean,
                    nanos[measured / 2] / 1e6, nanos[measured * 9 / 10] / 1e6, nanos[measured * 99 / 100] / 1e6,
                    nanos[measured - 1] / 1e6);
        }
    }
}
