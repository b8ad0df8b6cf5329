package com.example.vault;

import com.google.auto.service.AutoService;
import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import dev.secretstore.spi.VerificationStepKind;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A secretstore provider that keeps secrets in a PKCS#12 keystore file, through {@code java.security.KeyStore}.
 *
 * <p>Config: {@code {"provider": "example-keystore", "keystoreFile": "/path/vault.p12", "passwordEnv": "VAULT_PASSWORD"}}.
 * ServiceLoader finds this class through the {@code META-INF/services} entry that {@code @AutoService} generates.
 */
@AutoService(SecretStoreProvider.class)
public final class KeystoreVaultProvider implements SecretStoreProvider {

    public static final String NAME = "example-keystore";

    static final String KEYSTORE_FILE = "keystoreFile";
    static final String PASSWORD = "password";
    static final String PASSWORD_ENV = "passwordEnv";
    static final String READ_ONLY = "readOnly";
    static final String TAG_KEY = "tagKey";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String description() {
        return "Example third-party provider: secrets in a password-protected PKCS#12 keystore file";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.VERSIONS, Capability.READ_SPECIFIC_VERSION, Capability.BINARY,
                Capability.TAGS, Capability.LIST_BY_PREFIX);
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(
                ConfigField.builder(KEYSTORE_FILE).required(true)
                        .description("Path of the .p12 file; created on the first write").build(),
                ConfigField.builder(PASSWORD).secret(true)
                        .description("Keystore password (prefer passwordEnv)").build(),
                ConfigField.builder(PASSWORD_ENV)
                        .description("Name of the environment variable holding the keystore password").build(),
                ConfigField.builder(READ_ONLY).type(ConfigField.Type.BOOLEAN).defaultValue("false")
                        .description("Refuse every write with access denied").build(),
                ConfigField.builder(TAG_KEY).defaultValue("AirbyteManaged")
                        .description("Tag that marks the secrets this library manages").build());
    }

    @Override
    public boolean recognises(Map<String, ?> config) {
        return config.containsKey(KEYSTORE_FILE);
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig config) {
        List<ConfigProblem> problems = new ArrayList<>();
        if (config.has(PASSWORD) == config.has(PASSWORD_ENV)) {
            problems.add(ConfigProblem.of(PASSWORD_ENV, "set exactly one of password and passwordEnv"));
        }
        return problems;
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        Path file = Path.of(config.requireString(KEYSTORE_FILE));
        KeystoreFile keystore = new KeystoreFile(file, password(config));
        return new KeystoreVault(keystore, config.bool(READ_ONLY).orElse(false),
                config.string(TAG_KEY).orElse("AirbyteManaged"));
    }

    /**
     * The "fix:" line {@code secretstore verify} prints under a failed step: the likely causes, in this
     * vault's terms. Without it the engine falls back to the exception's own remediation, then a generic one.
     */
    @Override
    public Optional<String> remediation(VerificationStepKind step, SecretStoreException failure) {
        if (failure instanceof AuthenticationFailedException) {
            return Optional.of("the keystore password is wrong: check \"" + PASSWORD + "\", or that the variable named"
                    + " by \"" + PASSWORD_ENV + "\" holds the password this keystore was created with");
        }
        if (failure instanceof AccessDeniedException) {
            return Optional.of("this config has \"" + READ_ONLY + "\": true, which refuses every write;"
                    + " verify needs a writable config");
        }
        if (failure instanceof StoreUnavailableException && step == VerificationStepKind.CREATE) {
            return Optional.of("the keystore file cannot be written: check that the directory of \"" + KEYSTORE_FILE
                    + "\" exists (or can be created) and is writable by this user");
        }
        return Optional.empty();
    }

    private static char[] password(StoreConfig config) {
        if (config.has(PASSWORD)) {
            return config.requireString(PASSWORD).toCharArray();
        }
        String variable = config.requireString(PASSWORD_ENV);
        String value = System.getenv(variable);
        if (value == null) {
            throw new InvalidConfigException(NAME, List.of(ConfigProblem.of(PASSWORD_ENV,
                    "environment variable '" + variable + "' is not set")));
        }
        return value.toCharArray();
    }
}
