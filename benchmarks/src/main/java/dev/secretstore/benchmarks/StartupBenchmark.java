package dev.secretstore.benchmarks;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Start-up in a fresh JVM, wall time of the whole child process (start to exit), with every cloud provider and
 * its SDK on the class path (this module's class path: aws, gcp, local, the cache, the CLI). {@code jvmOnly} is
 * the same JVM and class path running a main that returns at once ({@code java -version}-class start);
 * {@code javaVersion} is {@code java -version} itself. {@code listProviders}, {@code openLocal},
 * {@code openAws}, {@code openGcp} and {@code openAzure} open a store and close it (the clouds against their
 * emulators, running in this JVM; opening makes no request); {@code cliGet} is the CLI's {@code get} of one secret of a local
 * store, end to end.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 10)
@Fork(1)
@State(Scope.Benchmark)
public class StartupBenchmark {
    private AwsWorld aws;
    private GcpWorld gcp;
    private AzureWorld azure;
    private Path dir;
    private String java;
    private String classPath;
    private List<String> localConfig;
    private Path configFile;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        classPath = System.getProperty("java.class.path");
        aws = new AwsWorld(0, 0);
        gcp = new GcpWorld(0, 0);
        azure = new AzureWorld(0, 0);
        dir = Files.createTempDirectory("bench-startup");
        Map<String, Object> local = Map.of("provider", "local", "path", dir.resolve("store").toString(),
                "keyFile", dir.resolve("master.key").toString());
        try (SecretStore store = SecretStores.open(local)) {
            store.create(dev.secretstore.SecretName.of("bench/db/password"), SecretValue.ofText("x".repeat(32)));
        }
        localConfig = List.of("provider=local", "path=" + local.get("path"), "keyFile=" + local.get("keyFile"));
        configFile = dir.resolve("local.json");
        Files.writeString(configFile, "{\"provider\": \"local\", \"path\": \"" + local.get("path") + "\", \"keyFile\": \""
                + local.get("keyFile") + "\"}");
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        aws.close();
        gcp.close();
        azure.close();
    }

    private int run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        int code = p.waitFor();
        if (code != 0) {
            throw new IllegalStateException("exit " + code + ": " + command.get(command.size() - 1));
        }
        return code;
    }

    private int probe(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(java, "-cp", classPath, StartupProbe.class.getName()));
        command.addAll(List.of(args));
        return run(command);
    }

    private static String[] pairs(Map<String, Object> config) {
        return config.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toArray(String[]::new);
    }

    @Benchmark
    public int javaVersion() throws IOException, InterruptedException {
        return run(List.of(java, "-version"));
    }

    @Benchmark
    public int jvmOnly() throws IOException, InterruptedException {
        return probe("none");
    }

    @Benchmark
    public int listProviders() throws IOException, InterruptedException {
        return probe("list");
    }

    @Benchmark
    public int openLocal() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("open"));
        args.addAll(localConfig);
        return probe(args.toArray(String[]::new));
    }

    @Benchmark
    public int openAws() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("open"));
        args.addAll(List.of(pairs(aws.config(null))));
        return probe(args.toArray(String[]::new));
    }

    @Benchmark
    public int openGcp() throws IOException, InterruptedException {
        Path key = dir.resolve("gcp-key.json");
        Map<String, Object> config = new java.util.LinkedHashMap<>(gcp.config());
        try {
            Files.writeString(key, (String) config.get("credentialsJson"));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        config.put("credentialsJson", "@" + key);
        List<String> args = new ArrayList<>(List.of("open"));
        args.addAll(List.of(pairs(config)));
        return probe(args.toArray(String[]::new));
    }

    @Benchmark
    public int openAzure() throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("open"));
        args.addAll(List.of(pairs(azure.config())));
        return probe(args.toArray(String[]::new));
    }

    @Benchmark
    public int cliGet() throws IOException, InterruptedException {
        return run(List.of(java, "-cp", classPath, "dev.secretstore.cli.Main", "get", "-c", configFile.toString(),
                "bench/db/password"));
    }

}
