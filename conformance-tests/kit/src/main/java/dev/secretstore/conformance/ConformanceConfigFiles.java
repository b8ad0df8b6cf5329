package dev.secretstore.conformance;

import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a config-driven run finds its store configs: a system property, else an environment variable.
 *
 * @param privileged    the fully privileged store's config
 * @param readOnly      the least-privileged (read-only) store's config, if given
 * @param badCredentials a config of the same store with wrong credentials, if given
 */
record ConformanceConfigFiles(Path privileged, Optional<Path> readOnly, Optional<Path> badCredentials) {

    static Optional<ConformanceConfigFiles> locate() {
        return locate(System::getProperty, System::getenv);
    }

    static Optional<ConformanceConfigFiles> locate(Function<String, String> properties, Function<String, String> environment) {
        return setting(ConfiguredStoreConformanceTest.CONFIG_PROPERTY, ConfiguredStoreConformanceTest.CONFIG_ENV,
                properties, environment)
                .map(privileged -> new ConformanceConfigFiles(privileged,
                        setting(ConfiguredStoreConformanceTest.READONLY_CONFIG_PROPERTY,
                                ConfiguredStoreConformanceTest.READONLY_CONFIG_ENV, properties, environment),
                        setting(ConfiguredStoreConformanceTest.BAD_CREDENTIALS_CONFIG_PROPERTY,
                                ConfiguredStoreConformanceTest.BAD_CREDENTIALS_CONFIG_ENV, properties, environment)));
    }

    private static Optional<Path> setting(String property, String variable, Function<String, String> properties,
            Function<String, String> environment) {
        return Optional.ofNullable(properties.apply(property)).filter(value -> !value.isBlank())
                .or(() -> Optional.ofNullable(environment.apply(variable)).filter(value -> !value.isBlank()))
                .map(Path::of);
    }
}
