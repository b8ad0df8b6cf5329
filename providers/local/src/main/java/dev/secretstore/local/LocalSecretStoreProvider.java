package dev.secretstore.local;

import com.google.auto.service.AutoService;
import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.Operation;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreLimits;
import dev.secretstore.local.internal.Faults;
import dev.secretstore.local.internal.LocalSecretStoreSpi;
import dev.secretstore.local.internal.LocalSettings;
import dev.secretstore.local.internal.LocalStore;
import dev.secretstore.local.internal.StoreFault;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.spi.VerificationStepKind;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The embedded default store: secrets in AES-256-GCM encrypted files on this machine, no cloud needed.
 *
 * <pre>{@code
 * SecretStore store = SecretStores.getInstance("local",
 *     Map.of("path", "~/.secretstore/store", "keyFile", "~/.secretstore/master.key"));
 * }</pre>
 *
 * Config fields: {@code path}, {@code keyFile} or {@code keyEnv} (an environment variable holding the base64
 * key), {@code readOnly}, {@code tagKey}; all optional. With no key configured, a random 256-bit key is
 * created at {@code ~/.secretstore/master.key} (mode 0600) the first time the store is opened.
 */
@SuppressWarnings("exports") // @AutoService is compile-time only (class retention), never part of the API
@AutoService(SecretStoreProvider.class)
public final class LocalSecretStoreProvider implements SecretStoreProvider {
  public static final String NAME = "local";

  static final StoreLimits LIMITS = StoreLimits.builder()
      .maxValueBytes(65_536)
      .maxNameLength(255)
      .maxTags(50)
      .maxTagKeyLength(128)
      .maxTagValueLength(256)
      .build();

  private static final Set<Capability> CAPABILITIES = Collections.unmodifiableSet(EnumSet.of(
      Capability.VERSIONS, Capability.BINARY, Capability.BATCH_READ, Capability.SOFT_DELETE, Capability.RESTORE,
      Capability.TAGS, Capability.LIST_BY_PREFIX, Capability.READ_SPECIFIC_VERSION, Capability.LIST_VERSIONS));

  private static final List<ConfigField> FIELDS = List.of(
      ConfigField.builder("path")
          .description("directory holding the encrypted store; '~' is the user's home")
          .defaultValue(LocalSettings.DEFAULT_PATH).build(),
      ConfigField.builder("keyFile")
          .description("file holding the base64 256-bit master key; created (mode 0600) for a new store;"
              + " default " + LocalSettings.DEFAULT_KEY_FILE + "; not with keyEnv").build(),
      ConfigField.builder("keyEnv")
          .description("name of an environment variable holding the base64 256-bit master key; not with keyFile")
          .build(),
      ConfigField.builder("readOnly").type(ConfigField.Type.BOOLEAN)
          .description("refuse every write with an access-denied error (least-privilege use)")
          .defaultValue("false").build(),
      ConfigField.builder("tagKey")
          .description("tag key marking secrets as managed (<tagKey>=true)")
          .defaultValue(LocalSettings.DEFAULT_TAG_KEY).build(),
      ConfigField.builder("allowInsecurePermissions").type(ConfigField.Type.BOOLEAN)
          .description("use a key file or store directory that other users can read or write, or that another"
              + " user owns, with a warning instead of refusing it")
          .defaultValue("false").build());

  /** Fields of the cloud providers' configs: their presence means the config is not ours. */
  private static final Set<String> CLOUD_FIELDS = Set.of(
      "auth_type", "roleArn", "externalId", "awsRegion", "awsAccessKey", "awsSecretAccessKey", "kmsKeyArn",
      "endpoint", "vaultUrl", "tenantId", "clientId", "clientSecret", "authorityHost", "projectId",
      "credentialsJson", "labelKey", "region");

  private final Function<String, String> environment;
  private final Path home;
  private final Clock clock;

  /** The instance {@link java.util.ServiceLoader} creates. Does no I/O. */
  public LocalSecretStoreProvider() {
    this(System::getenv, null, Clock.systemUTC());
  }

  /** For tests: a fake environment, a home directory standing in for {@code ~}, and a clock. */
  LocalSecretStoreProvider(Function<String, String> environment, Path home, Clock clock) {
    this.environment = environment;
    this.home = home;
    this.clock = clock;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "Encrypted files on this machine (AES-256-GCM); the embedded default, no cloud needed";
  }

  @Override
  public String version() {
    return Optional.ofNullable(getClass().getPackage().getImplementationVersion()).orElse("unknown");
  }

  @Override
  public Set<Capability> capabilities() {
    return CAPABILITIES;
  }

  @Override
  public List<ConfigField> configFields() {
    return FIELDS;
  }

  @Override
  public boolean recognises(Map<String, ?> config) {
    boolean ours = config.containsKey("path") || config.containsKey("keyFile") || config.containsKey("keyEnv");
    return ours && config.keySet().stream().noneMatch(CLOUD_FIELDS::contains);
  }

  @Override
  public String shapeDescription() {
    return NAME + ": path / keyFile / keyEnv (all optional)";
  }

  @Override
  public List<ConfigProblem> validate(StoreConfig config) {
    List<ConfigProblem> problems = new ArrayList<>();
    if (config.has("keyFile") && config.has("keyEnv")) {
      problems.add(ConfigProblem.of("keyEnv", "give either keyFile or keyEnv, not both"));
    }
    try {
      settings(config);
    } catch (StoreFault fault) {
      ConfigProblem problem = ConfigProblem.of(fault.configField().orElse("config"), fault.detail());
      if (!problems.contains(problem)) {
        problems.add(problem);
      }
    }
    return problems;
  }

  @Override
  public SecretStoreSpi open(StoreConfig config) {
    try {
      LocalSettings settings = settings(config);
      LocalStore store = LocalStore.open(settings, clock, environment, LIMITS.maxTags());
      return new LocalSecretStoreSpi(store, LIMITS, settings.tagKey());
    } catch (StoreFault fault) {
      throw Faults.toException(fault, Operation.OPEN, null);
    }
  }

  @Override
  public Optional<String> remediation(VerificationStepKind step, SecretStoreException failure) {
    if (failure instanceof AccessDeniedException) {
      return Optional.of(failure.remediation().orElse("the local store is read-only (\"readOnly\": true, or its"
          + " directory is not writable by this user); open it writable to create and delete secrets"));
    }
    if (failure instanceof AuthenticationFailedException) {
      return Optional.of("the master key does not open this store: point keyFile or keyEnv at the key the"
          + " store was created with");
    }
    return Optional.empty();
  }

  private LocalSettings settings(StoreConfig config) {
    return LocalSettings.resolve(config.string("path"), config.string("keyFile"), config.string("keyEnv"),
        config.bool("readOnly").orElse(false), config.string("tagKey"),
        config.bool("allowInsecurePermissions").orElse(false), homeDirectory());
  }

  private Path homeDirectory() {
    return home != null ? home : Path.of(System.getProperty("user.home"));
  }

  @Override
  public String toString() {
    return "LocalSecretStoreProvider[" + NAME + "]";
  }
}
