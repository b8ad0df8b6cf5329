package dev.secretstore.emulator.gcp;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar secretstore-emulator-gcp.jar [--grpc-port P] [--grpc-plaintext-port P] [--http-port P] [--https-port P]
 * [--state FILE] [--write-cert FILE] [--write-key EMAIL=FILE]... [--stop-on-stdin-eof]}; prints a {@code READY}
 * line and runs until killed (SIGTERM/SIGINT), or, with {@code --stop-on-stdin-eof}, until its standard input
 * closes.
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    PrintStream out = System.out;
    SecretManagerEmulator.Builder b = SecretManagerEmulator.builder();
    Path cert = null;
    List<String[]> keys = new ArrayList<>();
    boolean exitOnStdinClose = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--grpc-port": b.grpcTlsPort(Integer.parseInt(value(args, ++i, a))); break;
        case "--grpc-plaintext-port": b.grpcPlaintextPort(Integer.parseInt(value(args, ++i, a))); break;
        case "--http-port": b.httpPort(Integer.parseInt(value(args, ++i, a))); break;
        case "--https-port": b.httpsPort(Integer.parseInt(value(args, ++i, a))); break;
        case "--state": b.stateFile(Path.of(value(args, ++i, a))); break;
        case "--write-cert": cert = Path.of(value(args, ++i, a)); break;
        case "--write-key": {
          String v = value(args, ++i, a);
          int eq = v.indexOf('=');
          if (eq <= 0) {
            usage("--write-key takes EMAIL=FILE");
          }
          keys.add(new String[] {v.substring(0, eq), v.substring(eq + 1)});
          break;
        }
        case "--stop-on-stdin-eof": exitOnStdinClose = true; break;
        case "--help": usage(null); return;
        default: usage("unknown option " + a);
      }
    }
    SecretManagerEmulator emulator = b.build().start();
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      emulator.stop();
      stopped.countDown();
    }, "gcp-emulator-shutdown"));
    if (cert != null) {
      out.println("CERTIFICATE " + emulator.writeCertificate(cert).toAbsolutePath());
    }
    for (String[] k : keys) {
      out.println("KEYFILE " + k[0] + " " + emulator.control().writeKeyFile(k[0], Path.of(k[1])).toAbsolutePath());
    }
    out.println(emulator.readyLine());
    out.flush();
    if (exitOnStdinClose) {
      // A parent process that dies closes our stdin: with this option we do not outlive it.
      while (System.in.read() >= 0) {
        // Input is ignored.
      }
      System.exit(0);
    }
    stopped.await();
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      usage(option + " needs a value");
    }
    return args[i];
  }

  private static void usage(String problem) {
    if (problem != null) {
      System.err.println("error: " + problem);
    }
    System.err.println("usage: java -jar secretstore-emulator-gcp.jar [--grpc-port P] [--grpc-plaintext-port P] "
        + "[--http-port P] [--https-port P] [--state FILE] [--write-cert FILE] [--write-key EMAIL=FILE]... [--stop-on-stdin-eof]");
    if (problem != null) {
      System.exit(2);
    }
  }
}
