package dev.secretstore.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where config-driven runs find their files, and how they report bad ones without quoting them. */
class ConfiguredFixtureTest {

    @TempDir
    Path dir;

    @Test
    void systemPropertiesWinOverEnvironmentVariables() {
        Map<String, String> properties = Map.of(ConfiguredStoreConformanceTest.CONFIG_PROPERTY, "from-property.json");
        Map<String, String> environment = Map.of(ConfiguredStoreConformanceTest.CONFIG_ENV, "from-env.json",
                ConfiguredStoreConformanceTest.READONLY_CONFIG_ENV, "readonly-from-env.json");

        ConformanceConfigFiles files = ConformanceConfigFiles.locate(properties::get, environment::get).orElseThrow();

        assertThat(files.privileged()).isEqualTo(Path.of("from-property.json"));
        assertThat(files.readOnly()).contains(Path.of("readonly-from-env.json"));
        assertThat(files.badCredentials()).isEmpty();
    }

    @Test
    void blankSettingsCountAsAbsent() {
        Map<String, String> properties = Map.of(ConfiguredStoreConformanceTest.CONFIG_PROPERTY, " ");

        assertThat(ConformanceConfigFiles.locate(properties::get, name -> null)).isEmpty();
    }

    @Test
    void aMissingFileIsNamedWithItsProperty() {
        Path missing = dir.resolve("nowhere.json");

        Throwable failure = catchThrowable(() ->
                ConfiguredFixture.load(new ConformanceConfigFiles(missing, Optional.empty(), Optional.empty())));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(ConfiguredStoreConformanceTest.CONFIG_PROPERTY)
                .hasMessageContaining(missing.toString());
    }

    @Test
    void malformedJsonIsReportedByPositionWithoutQuotingTheFile() throws IOException {
        String credential = "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY";
        Path broken = Files.writeString(dir.resolve("broken.json"),
                "{\"auth_type\": \"ACCESS_KEY\",\n \"awsSecretAccessKey\": " + credential + "}\n");

        Throwable failure = catchThrowable(() ->
                ConfiguredFixture.load(new ConformanceConfigFiles(broken, Optional.empty(), Optional.empty())));

        assertThat(failure).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("line 2")
                .hasMessageNotContaining(credential)
                .hasMessageNotContaining(credential.substring(0, 10));
        assertThat(failure.getCause()).isNull();
    }
}
