package dev.secretstore.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Listing providers and opening the local store, in a fresh JVM with the AWS, Azure and GCP providers and their SDKs on
 * the class path, load no cloud SDK class: the child runs with {@code -Xlog:class+load} and every class it
 * loaded is checked. Opening an AWS store in the same way does load the SDK, which shows the check sees it.
 */
class StartupLoadsNoCloudSdkTest {

    /** The SDKs and what they bring: their HTTP clients, auth libraries, gRPC, protobuf, Netty, Reactor. */
    private static final List<String> CLOUD_SDKS = List.of(
            "software.amazon.", "org.apache.hc.",
            "com.azure.", "com.microsoft.aad.", "reactor.",
            "com.google.cloud.", "com.google.api.", "com.google.auth.", "com.google.protobuf.", "io.grpc.",
            "io.netty.", "io.opencensus.", "io.perfmark.");
    private static final Pattern LOADED = Pattern.compile("\\[class,load\\] (\\S+) source:");

    @TempDir
    Path dir;

    private List<String> loadedClasses(String... probeArgs) throws IOException, InterruptedException {
        Path log = dir.resolve("classes-" + probeArgs[0] + "-" + System.nanoTime() + ".log");
        Path out = dir.resolve("out-" + System.nanoTime() + ".txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xshare:off", "-Xlog:class+load=info:file=" + log, "-cp", System.getProperty("java.class.path"),
                StartupProbe.class.getName()));
        command.addAll(List.of(probeArgs));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("child JVM finished within 60 s").isTrue();
        assertThat(child.exitValue()).as(Files.readString(out)).isZero();
        List<String> classes = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = LOADED.matcher(line);
            if (m.find()) {
                classes.add(m.group(1));
            }
        }
        assertThat(classes).as("the class-load log was read").contains("java.lang.Object");
        lastOutput = Files.readString(out);
        return classes;
    }

    private String lastOutput;

    private static List<String> cloudClasses(List<String> classes) {
        return classes.stream().filter(c -> CLOUD_SDKS.stream().anyMatch(c::startsWith)).toList();
    }

    @Test
    @DisplayName("listing providers loads every provider class and no cloud SDK class")
    void listingLoadsNoSdk() throws Exception {
        List<String> classes = loadedClasses("list");
        assertThat(lastOutput).contains("aws").contains("azure").contains("gcp").contains("local");
        assertThat(classes).contains("dev.secretstore.aws.AwsSecretStoreProvider");
        assertThat(cloudClasses(classes)).isEmpty();
    }

    @Test
    @DisplayName("opening (and closing) the local store loads no cloud SDK class")
    void openingLocalLoadsNoSdk() throws Exception {
        List<String> classes = loadedClasses("open", "provider=local", "path=" + dir.resolve("store"),
                "keyFile=" + dir.resolve("master.key"));
        assertThat(lastOutput).contains("opened local");
        assertThat(cloudClasses(classes)).isEmpty();
    }

    @Test
    @DisplayName("control: opening an AWS store does load the AWS SDK, so the check above would see it")
    void openingAwsLoadsTheSdk() throws Exception {
        List<String> classes = loadedClasses("open", "provider=aws", "auth_type=ACCESS_KEY", "awsRegion=us-east-1",
                "endpoint=http://127.0.0.1:9", "awsAccessKey=AKIAIOSFODNN7EXAMPLE",
                "awsSecretAccessKey=wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
        assertThat(lastOutput).contains("opened aws");
        assertThat(cloudClasses(classes)).anyMatch(c -> c.startsWith("software.amazon.awssdk."));
    }
}
