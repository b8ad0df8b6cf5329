package dev.secretstore.emulator.azure;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar secretstore-emulator-azure.jar [--port N] [--state FILE] [--cert-out FILE]}: starts the
 * emulator, writes its certificate, prints {@code READY https://127.0.0.1:PORT} and serves until stopped.
 */
public final class Main {
    private static final String USAGE =
            "usage: java -jar secretstore-emulator-azure.jar [--port N] [--state FILE] [--cert-out FILE]";

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        AzureKeyVaultEmulator.Builder builder = AzureKeyVaultEmulator.builder();
        Path certOut = null;
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> builder.port(Integer.parseInt(value(args, ++i, "--port")));
                    case "--state" -> builder.stateFile(Path.of(value(args, ++i, "--state")));
                    case "--cert-out" -> certOut = Path.of(value(args, ++i, "--cert-out"));
                    case "--help", "-h" -> {
                        System.out.println(USAGE);
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
        }
        AzureKeyVaultEmulator emulator;
        try {
            emulator = builder.start();
        } catch (RuntimeException e) {
            // A state file the parser refuses, or a port already taken: say which, without a stack trace.
            System.err.println("error: " + e.getMessage());
            System.exit(1);
            return;
        }
        if (certOut != null) {
            emulator.writeCertificatePem(certOut);
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.stop();
            stopped.countDown();
        }, "azure-emulator-shutdown"));
        System.out.println("READY " + emulator.vaultUrl());
        System.out.flush();
        stopped.await();
    }

    private static String value(String[] args, int index, String option) {
        if (index >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[index];
    }
}
