package dev.secretstore.connections;

import com.fasterxml.jackson.databind.JsonNode;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Runs in a child JVM started by {@link CrashSafetyTest}: one operation of a platform that keeps its
 * sanitised configs as files in {@code <dir>/configs} (its "database") and its secrets in the local store
 * {@code <dir>}. It counts the steps it reaches: before every store write or delete, and between the
 * phases (secrets written, config persisted, committed). At step {@code stopAt} it prints
 * {@code paused <step>} and waits to be killed; if it gets through, it prints {@code done <steps>}.
 *
 * <ul>
 *   <li>{@code update <dir> <config id> <new full config file> <stopAt>}: prepare, persist, commit;</li>
 *   <li>{@code delete <dir> <config id> <stopAt>}: remove the config file, then its secrets;</li>
 *   <li>{@code sweep <dir> <stopAt>}: sweep orphans (grace zero) against the persisted configs.</li>
 * </ul>
 */
public final class CrashChild {

    private static final long MAX_LIFETIME_MILLIS = 5 * 60 * 1000;
    private static int steps;
    private static int stopAt;

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(MAX_LIFETIME_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            Runtime.getRuntime().halt(3); // never outlive a test run that lost track of us
        }, "lifetime-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        String mode = args[0];
        Path dir = Path.of(args[1]);
        stopAt = Integer.parseInt(args[args.length - 1]);
        try (SecretStore store = SecretStores.open(new PausingLocalProvider(CrashChild::step), LocalStores.config(dir))) {
            ConnectionSecrets secrets = ConnectionSecrets.of(store);
            switch (mode) {
                case "update" -> {
                    JsonNode previous = Json.MAPPER.readTree(configFile(dir, args[2]).toFile());
                    JsonNode edited = Json.MAPPER.readTree(Path.of(args[3]).toFile());
                    PreparedUpdate update = secrets.prepareUpdate(CrashSafetyTest.SPEC, previous, edited, CrashSafetyTest.SCOPE);
                    step("prepared");
                    persist(dir, args[2], update.config());
                    step("persisted");
                    secrets.commit(update);
                    step("committed");
                }
                case "delete" -> {
                    Path file = configFile(dir, args[2]);
                    JsonNode config = Json.MAPPER.readTree(file.toFile());
                    Files.delete(file);
                    step("config removed");
                    secrets.delete(config);
                    step("secrets deleted");
                }
                case "sweep" -> {
                    secrets.sweeper(null, Duration.ZERO).sweep(ConnectionSecrets.liveCoordinates(persisted(dir)), false);
                    step("swept");
                }
                default -> throw new IllegalArgumentException(mode);
            }
        }
        System.out.println("done " + steps);
        System.out.flush();
    }

    private static void step(String what) {
        steps++;
        if (steps == stopAt) {
            System.out.println("paused " + what);
            System.out.flush();
            try {
                Thread.sleep(MAX_LIFETIME_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            Runtime.getRuntime().halt(4); // never carry on past the step we were asked to die at
        }
    }

    static Path configFile(Path dir, String id) {
        return dir.resolve("configs").resolve(id + ".json");
    }

    /** Writes a config the way a database commits it: whole or not at all. */
    static void persist(Path dir, String id, JsonNode config) {
        try {
            Path target = configFile(dir, id);
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), ".tmp-", ".json");
            Files.write(tmp, Json.MAPPER.writeValueAsBytes(config));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<JsonNode> persisted(Path dir) {
        List<JsonNode> configs = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir.resolve("configs"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".json")
                    && !f.getFileName().toString().startsWith(".tmp-")).sorted().toList()) {
                configs.add(Json.MAPPER.readTree(file.toFile()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return configs;
    }
}
