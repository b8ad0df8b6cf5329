package dev.secretstore.migrate;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A migration run in its own JVM, for the crash tests: migrates (with deleteSource) from the local store in
 * {@code args[0]} to the one in {@code args[1]} (answering each write 20 ms late) with the journal {@code args[2]}, printing one line per finished
 * or deleted secret so the test can kill it at a chosen point, and "end" when the run returns.
 */
public final class MigrationChild {

    private MigrationChild() {
    }

    public static void main(String[] args) {
        PrintStream out = System.out;
        try (SecretStore source = LocalStores.open(Path.of(args[0]));
             SecretStore target = dev.secretstore.SecretStores.open(withSlowWrites(LocalStores.config(Path.of(args[1]))))) {
            MigrationReport report = Migration.builder(source, target).journal(Path.of(args[2])).concurrency(4)
                    .deleteSource(true).throttleRetries(5, Duration.ofMillis(1), Duration.ofMillis(10))
                    .listener(new MigrationListener() {
                        @Override
                        public void finished(SecretName name, SecretOutcome outcome) {
                            line(out, "finished " + outcome);
                        }

                        @Override
                        public void deletedFromSource(SecretName name) {
                            line(out, "deleted");
                        }
                    }).build().run();
            line(out, "end " + report.succeeded());
        }
    }

    /** A target that answers 20 ms after each write, as a remote one would: kills often land in that window. */
    private static java.util.Map<String, Object> withSlowWrites(java.util.Map<String, Object> config) {
        java.util.Map<String, Object> slow = new java.util.HashMap<>(config);
        slow.put("slowWrites", 20);
        return slow;
    }

    private static void line(PrintStream out, String line) {
        synchronized (out) {
            out.println(line);
            out.flush();
        }
    }
}
