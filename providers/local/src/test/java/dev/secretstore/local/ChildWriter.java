package dev.secretstore.local;

import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.local.internal.CrashPoint;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Runs in a child JVM started by the crash-safety and multi-process tests.
 *
 * <ul>
 *   <li>{@code loop <store> <keyFile> <secrets> <first N> [<compact index every E entries>]}: puts "value-N-xxx…" round-robin into {@code s0..s<secrets-1>}
 *       forever, printing "wrote <secret> <N>" after each put returns, until killed;
 *   <li>{@code append <store> <keyFile> <name> <count> [<compact index every E entries>]}: waits for a line on
 *       standard input (so that several children start writing together), adds {@code count} versions to
 *       {@code name}, then prints "done";
 *   <li>{@code rotate <store> <keyFile>}: rotates the store's key again and again, printing "rotated" after
 *       each rotation, until killed;
 *   <li>{@code stall <store> <keyFile> <name>}: puts "new" into {@code name} but stops once the new record is
 *       durable in its temporary file, before the rename, prints "stalled" and waits there to be killed.
 * </ul>
 */
public final class ChildWriter {
  static final String PADDING = "x".repeat(16 * 1024);

  private ChildWriter() {}

  /** A child never outlives a test run that lost track of it (its parent was killed, or hung). */
  private static final long MAX_LIFETIME_MILLIS = 10 * 60 * 1000;

  public static void main(String[] args) throws IOException {
    Thread watchdog = new Thread(() -> {
      try {
        Thread.sleep(MAX_LIFETIME_MILLIS);
      } catch (InterruptedException e) {
        return;
      }
      Runtime.getRuntime().halt(3);
    }, "lifetime-watchdog");
    watchdog.setDaemon(true);
    watchdog.start();
    String mode = args[0];
    if ((mode.equals("loop") || mode.equals("append")) && args.length > 5) {
      CrashPoint.compactIndexEvery(Integer.parseInt(args[5]));
    }
    Map<String, Object> config = Map.of("path", args[1], "keyFile", args[2]);
    if (mode.equals("rotate")) {
      System.out.println("ready");
      System.out.flush();
      while (true) {
        LocalKeyRotation.rotate(new LocalSecretStoreProvider(), config);
        System.out.println("rotated");
        if (System.out.checkError()) {
          return;
        }
      }
    }
    try (SecretStore store = SecretStores.open(new LocalSecretStoreProvider(), config)) {
      System.out.println("ready");
      System.out.flush();
      if (mode.equals("stall")) {
        CrashPoint.beforeRename(() -> {
          System.out.println("stalled");
          System.out.flush();
          try {
            Thread.sleep(MAX_LIFETIME_MILLIS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          Runtime.getRuntime().halt(4); // never let the write complete
        });
        store.put(SecretName.of(args[3]), SecretValue.ofText("new"));
        return;
      }
      if (mode.equals("loop")) {
        int secrets = Integer.parseInt(args[3]);
        for (long n = Long.parseLong(args[4]); ; n++) {
          String secret = "s" + (n % secrets);
          // Large values make record files large, so the kill is likely to land while one is being written.
          store.put(SecretName.of(secret), SecretValue.ofText("value-" + n + "-" + PADDING));
          System.out.println("wrote " + secret + " " + n);
          if (System.out.checkError()) {
            return; // the test closed our output: nobody is listening any more
          }
        }
      }
      if (new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine() == null) {
        return; // the test went away before saying "go"
      }
      SecretName name = SecretName.of(args[3]);
      int count = Integer.parseInt(args[4]);
      for (int i = 0; i < count; i++) {
        store.put(name, SecretValue.ofText("from-" + ProcessHandle.current().pid() + "-" + i));
      }
      System.out.println("done");
    }
  }
}
