package dev.secretstore.emulator.aws;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar secretstore-emulator-aws.jar [--port N] [--state FILE] [--host ADDR]}. Prints exactly one line,
 * {@code READY http://127.0.0.1:<port>}, once it accepts connections, and runs until killed.
 */
public final class EmulatorMain {
    private EmulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AwsSecretsManagerEmulator.Builder builder = AwsSecretsManagerEmulator.builder();
        try {
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--port" -> builder.port(port(value(args, ++i, "--port")));
                    case "--state" -> builder.stateFile(Path.of(value(args, ++i, "--state")));
                    case "--host" -> builder.host(value(args, ++i, "--host"));
                    case "--help", "-h" -> {
                        System.out.println("usage: java -jar secretstore-emulator-aws.jar [--port N (0 = any free)] "
                                + "[--state FILE] [--host ADDR]");
                        return;
                    }
                    default -> throw new IllegalArgumentException("unknown option: " + args[i]);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("secretstore-emulator-aws: " + e.getMessage());
            System.exit(2);
            return;
        }
        AwsSecretsManagerEmulator emulator;
        try {
            emulator = builder.build().start();
        } catch (RuntimeException e) {
            System.err.println("secretstore-emulator-aws: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            emulator.stop();
            stopped.countDown();
        }, "emulator-shutdown"));
        System.out.println("READY " + emulator.endpoint());
        System.out.flush();
        stopped.await();
    }

    private static int port(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--port needs a number (0 = any free port), got '" + text + "'");
        }
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args[i];
    }
}
