package dev.secretstore.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.secretstore.Capability;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.ProviderInfo;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.VerificationReport;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("The local provider: discovery, config and capabilities")
class LocalSecretStoreProviderTest {
  @TempDir
  Path tmp;

  private final LocalSecretStoreProvider provider = new LocalSecretStoreProvider();

  @Test
  @DisplayName("is found by ServiceLoader as 'local' with its capabilities and config fields")
  void discovered() {
    ProviderInfo info = SecretStores.installedProviders().stream().filter(p -> p.name().equals("local"))
        .findFirst().orElseThrow();
    assertThat(info.capabilities()).contains(Capability.VERSIONS, Capability.BINARY, Capability.BATCH_READ,
        Capability.SOFT_DELETE, Capability.RESTORE, Capability.TAGS, Capability.LIST_BY_PREFIX,
        Capability.READ_SPECIFIC_VERSION);
    assertThat(info.configFields()).extracting(f -> f.name())
        .containsExactly("path", "keyFile", "keyEnv", "readOnly", "tagKey", "allowInsecurePermissions");
  }

  @Test
  @DisplayName("recognises local-shaped configs and no cloud config")
  void recognises() {
    assertThat(provider.recognises(Map.of("path", "/x"))).isTrue();
    assertThat(provider.recognises(Map.of("keyFile", "/k"))).isTrue();
    assertThat(provider.recognises(Map.of("keyEnv", "K", "readOnly", true))).isTrue();
    assertThat(provider.recognises(Map.of())).isFalse();
    assertThat(provider.recognises(Map.of("path", "/x", "awsRegion", "us-east-1"))).isFalse();
    assertThat(provider.recognises(Map.of("auth_type", "IAM_ROLE", "roleArn", "r", "awsRegion", "us-east-1")))
        .isFalse();
    assertThat(provider.recognises(Map.of("vaultUrl", "https://v", "keyFile", "/k"))).isFalse();
  }

  @Test
  @DisplayName("opens through SecretStores.open from its shape, and verifies")
  void opensByShape() {
    TempStore temp = new TempStore(tmp);
    try (SecretStore store = SecretStores.open(temp.config())) {
      assertThat(store.providerName()).isEqualTo("local");
      assertThat(store.limits().maxValueBytes()).isEqualTo(65_536);
      assertThat(store.limits().maxNameLength()).isEqualTo(255);
      assertThat(store.limits().maxTags()).isEqualTo(50);
      VerificationReport report = store.verify();
      assertThat(report.passed()).as(report.toString()).isTrue();
    }
  }

  @Test
  @DisplayName("config problems name the field")
  void configProblems() {
    TempStore temp = new TempStore(tmp);
    assertThatThrownBy(() -> temp.open(Map.of("path", "~someone/store")))
        .isInstanceOfSatisfying(InvalidConfigException.class,
            e -> assertThat(e.problems()).anySatisfy(p -> assertThat(p.field()).isEqualTo("path")));
    assertThatThrownBy(() -> temp.open(Map.of("path", temp.storeDir.toString(), "readOnly", "maybe")))
        .isInstanceOfSatisfying(InvalidConfigException.class,
            e -> assertThat(e.problems()).singleElement().hasToString("readOnly: expected a boolean (true or false)"));
    assertThatThrownBy(() -> temp.open(Map.of("pth", temp.storeDir.toString())))
        .isInstanceOfSatisfying(InvalidConfigException.class,
            e -> assertThat(e.problems()).singleElement().hasToString("pth: unknown field; did you mean 'path'?"));
    assertThatThrownBy(() -> temp.open(Map.of("path", 42, "tagKey", "")))
        .isInstanceOfSatisfying(InvalidConfigException.class, e -> assertThat(e.problems())
            .anySatisfy(p -> assertThat(p).hasToString("path: expected a string")));
    assertThat(temp.storeDir).as("a refused config creates nothing").doesNotExist();
  }
}
