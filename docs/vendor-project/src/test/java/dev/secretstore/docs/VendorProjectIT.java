package dev.secretstore.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * docs/write-a-provider.md, followed to the letter: its pom and the sample's sources, built by a separate
 * Maven run outside this build, against a local repository holding what its install step installs.
 */
@DisplayName("docs/write-a-provider.md: a vendor project laid out as the page says")
class VendorProjectIT {

    private static final Path ROOT = Path.of(System.getProperty("vendor.repositoryRoot")).toAbsolutePath().normalize();
    private static final Path PAGE = ROOT.resolve("docs/write-a-provider.md");
    private static final Path SAMPLE = ROOT.resolve("samples/third-party-vault");
    private static final Path VENDOR_REPO = Path.of(System.getProperty("vendor.localRepository"));
    private static final Path WORK = Path.of(System.getProperty("vendor.workDirectory"));
    private static final String VERSION = System.getProperty("vendor.secretstoreVersion");
    private static final String SERVICES_ENTRY = "META-INF/services/dev.secretstore.spi.SecretStoreProvider";
    private static final String POM_MARKER = "<!-- vendor-pom:";

    @Test
    @DisplayName("the page's pom is the sample's, at this build's secretstore, JUnit, auto-service and Surefire versions")
    void pageShowsTheSamplePom() throws IOException {
        String pom = pagePom();

        assertThat(pom).as("the pom on the page is samples/third-party-vault/pom.xml")
                .isEqualTo(Files.readString(SAMPLE.resolve("pom.xml")));
        assertThat(pom).contains("<secretstore.version>" + VERSION + "</secretstore.version>")
                .contains("<junit.version>" + System.getProperty("vendor.junitVersion") + "</junit.version>")
                .contains("<auto-service.version>" + System.getProperty("vendor.autoServiceVersion")
                        + "</auto-service.version>")
                .contains("<surefire.version>" + System.getProperty("vendor.surefireVersion") + "</surefire.version>")
                .contains("<artifactId>auto-service</artifactId>")
                .doesNotContain("<parent>");
        assertThat(Files.readString(PAGE)).contains("today `" + VERSION + "`");
    }

    @Test
    @DisplayName("the install step's artifacts come with sources and javadoc jars, and the parent pom they name")
    void publishedArtifacts() throws IOException {
        for (String artifact : List.of("secretstore-spi", "secretstore-conformance")) {
            Path dir = VENDOR_REPO.resolve("dev/secretstore").resolve(artifact).resolve(VERSION);
            assertThat(dir.resolve(artifact + "-" + VERSION + ".jar")).isRegularFile();
            assertThat(dir.resolve(artifact + "-" + VERSION + ".pom")).isRegularFile();
            assertThat(entries(dir.resolve(artifact + "-" + VERSION + "-sources.jar")))
                    .anyMatch(e -> e.startsWith("dev/secretstore/") && e.endsWith(".java"));
            assertThat(entries(dir.resolve(artifact + "-" + VERSION + "-javadoc.jar")))
                    .contains("index.html").anyMatch(e -> e.contains("dev/secretstore/") && e.endsWith(".html"));
        }
        assertThat(entries(VENDOR_REPO.resolve("dev/secretstore/secretstore-spi/" + VERSION + "/secretstore-spi-"
                + VERSION + "-sources.jar"))).contains("dev/secretstore/SecretStore.java");
        assertThat(VENDOR_REPO.resolve("dev/secretstore/secretstore-parent/" + VERSION + "/secretstore-parent-"
                + VERSION + ".pom")).isRegularFile();
    }

    @Test
    @DisplayName("built by its own mvn verify outside the parent pom: compiles, runs the kit's tests, jar declares the provider")
    void buildsOutsideThisBuild() throws Exception {
        Path project = WORK.resolve("vendor-project");
        deleteRecursively(project);
        Files.createDirectories(project);
        Files.writeString(project.resolve("pom.xml"), pagePom());
        copyRecursively(SAMPLE.resolve("src"), project.resolve("src"));
        Path settings = Files.writeString(WORK.resolve("vendor-settings.xml"), settings());
        Path log = WORK.resolve("vendor-project.log");

        int exit = mvn(project, settings, log);

        String output = Files.readString(log);
        assertThat(exit).as("mvn verify of the vendor project; its log, %s, ends:%n%s", log, tail(output)).isZero();
        assertThat(output).contains("BUILD SUCCESS").doesNotContain("No tests to run");
        int[] counts = surefireCounts(project.resolve("target/surefire-reports"));
        assertThat(counts[0]).as("tests run by the vendor build").isGreaterThan(50);
        assertThat(counts[1]).as("failures and errors").isZero();
        Path jar = project.resolve("target/keystore-vault-provider-0.1.0-SNAPSHOT.jar");
        try (JarFile file = new JarFile(jar.toFile())) {
            assertThat(file.getEntry(SERVICES_ENTRY)).as("the services entry @AutoService writes").isNotNull();
            assertThat(new String(file.getInputStream(file.getEntry(SERVICES_ENTRY)).readAllBytes(), StandardCharsets.UTF_8))
                    .contains("com.example.vault.KeystoreVaultProvider");
            assertThat(file.getManifest().getMainAttributes().getValue(Attributes.Name.IMPLEMENTATION_VERSION))
                    .isEqualTo("0.1.0-SNAPSHOT");
        }
    }

    // ---- the child build ----------------------------------------------------------------------------

    /**
     * The child resolves third-party artifacts from this build's local repository first (read as a file://
     * remote, so it is never written), then from Maven Central; it installs nothing anywhere.
     */
    private static String settings() {
        String cache = Path.of(System.getProperty("vendor.buildCache")).toUri().toString();
        String repository = """
                    <id>secretstore-build-cache</id>
                    <url>%s</url>
                    <releases><enabled>true</enabled><checksumPolicy>ignore</checksumPolicy></releases>
                    <snapshots><enabled>false</enabled></snapshots>
                """.formatted(cache);
        return """
                <settings>
                  <profiles>
                    <profile>
                      <id>build-cache</id>
                      <repositories><repository>
                %s      </repository></repositories>
                      <pluginRepositories><pluginRepository>
                %s      </pluginRepository></pluginRepositories>
                    </profile>
                  </profiles>
                  <activeProfiles><activeProfile>build-cache</activeProfile></activeProfiles>
                </settings>
                """.formatted(repository, repository);
    }

    private static int mvn(Path project, Path settings, Path log) throws IOException, InterruptedException {
        String home = System.getProperty("vendor.mavenHome", "");
        String mvn = home.isBlank() || home.startsWith("${") ? "mvn" : Path.of(home, "bin", "mvn").toString();
        List<String> command = new ArrayList<>(List.of(mvn, "-B", "-V", "-ntp", "-Dstyle.color=never",
                "-s", settings.toString(), "-Dmaven.repo.local=" + VENDOR_REPO, "-f", project.resolve("pom.xml").toString()));
        if ("offline=true".equals(System.getProperty("vendor.offline"))) {
            // Offline like this build, but the file:// repository above is local, so it stays usable.
            command.addAll(List.of("-o", "-Daether.offline.protocols=file"));
        }
        command.add("verify");
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        process.getOutputStream().close();
        try {
            // A bound for a hung child only: the build takes well under a minute on a 2-core machine.
            assertThat(process.waitFor(4, TimeUnit.MINUTES)).as("the vendor build finished within 4 minutes").isTrue();
            return process.exitValue();
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }

    // ---- helpers --------------------------------------------------------------------------------------

    private static String pagePom() throws IOException {
        String page = Files.readString(PAGE);
        int marker = page.indexOf(POM_MARKER);
        assertThat(marker).as("%s marks the vendor pom with '%s'", PAGE, POM_MARKER).isNotNegative();
        Matcher block = Pattern.compile("```xml\n(.*?)```", Pattern.DOTALL).matcher(page);
        assertThat(block.find(marker)).as("an xml block after the marker").isTrue();
        return block.group(1);
    }

    private static List<String> entries(Path jar) throws IOException {
        assertThat(jar).isRegularFile();
        try (JarFile file = new JarFile(jar.toFile())) {
            return file.stream().map(e -> e.getName()).toList();
        }
    }

    /** @return {tests, failures + errors} over every Surefire XML report */
    private static int[] surefireCounts(Path reports) throws IOException {
        Pattern suite = Pattern.compile("<testsuite [^>]*");
        int tests = 0;
        int failed = 0;
        try (Stream<Path> files = Files.list(reports)) {
            for (Path xml : files.filter(p -> p.getFileName().toString().endsWith(".xml")).toList()) {
                Matcher m = suite.matcher(Files.readString(xml));
                if (m.find()) {
                    tests += attribute(m.group(), "tests");
                    failed += attribute(m.group(), "failures") + attribute(m.group(), "errors");
                }
            }
        }
        return new int[] {tests, failed};
    }

    private static int attribute(String element, String name) {
        Matcher m = Pattern.compile("\\s" + name + "=\"(\\d+)\"").matcher(element);
        return m.find() ? Integer.parseInt(m.group(1)) : 0;
    }

    private static String tail(String output) {
        List<String> lines = output.lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
