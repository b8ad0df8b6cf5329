package dev.secretstore;

import dev.secretstore.internal.CauseRedaction;
import dev.secretstore.internal.Decorations;
import dev.secretstore.internal.ConfigValidator;
import dev.secretstore.internal.ProviderDiscovery;
import dev.secretstore.internal.ProviderDiscovery.Installed;
import dev.secretstore.internal.ProviderRegistry;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The facade: finds installed providers (through {@link java.util.ServiceLoader}) and opens stores.
 *
 * <pre>{@code
 * SecretStore aws = SecretStores.getInstance("aws", Map.of(
 *         "auth_type", "IAM_ROLE",
 *         "roleArn", "arn:aws:iam::123456789012:role/AirbyteSecretsRole",
 *         "awsRegion", "us-east-1"));
 * SecretStore recognised = SecretStores.open(configFromJson);   // "provider" field or shape
 * SecretStore local = SecretStores.openDefault();                // ~/.secretstore/store
 * }</pre>
 *
 * <p>Discovery is lazy and happens once per class loader (the thread context class loader unless one
 * is given); listing providers constructs only the provider objects, never a cloud client. A provider
 * that fails to load is skipped and reported by {@link #providerLoadFailures()}. Errors are worded as
 * in the JCA: {@code no such provider: x}, {@code aws SecretStore not available}.
 */
public final class SecretStores {

    private static final String LOCAL = "local";
    private static final Set<String> OUR_PROVIDERS = Set.of("aws", "azure", "gcp", LOCAL);

    private SecretStores() {
    }

    /** @return providers visible to the thread context class loader, unmodifiable */
    public static List<ProviderInfo> installedProviders() {
        return installedProviders(contextLoader());
    }

    /**
     * @param loader the class loader to search
     * @return providers visible to it, de-duplicated by name (first wins), unmodifiable
     */
    public static List<ProviderInfo> installedProviders(ClassLoader loader) {
        // A loop, not a stream: this runs at start-up, where every first lambda costs a class spun at run time.
        List<Installed> installed = discovery(loader).installed();
        ProviderInfo[] infos = new ProviderInfo[installed.size()];
        for (int i = 0; i < infos.length; i++) {
            infos[i] = installed.get(i).info();
        }
        return List.of(infos);
    }

    /** @return providers of the thread context class loader that failed to load or were duplicates */
    public static List<ProviderLoadFailure> providerLoadFailures() {
        return providerLoadFailures(contextLoader());
    }

    /**
     * @param loader the class loader to search
     * @return what failed to load there and why
     */
    public static List<ProviderLoadFailure> providerLoadFailures(ClassLoader loader) {
        return discovery(loader).failures();
    }

    /**
     * Opens a store of a type with the first provider that implements it.
     *
     * @param type   store type, e.g. "aws", "local"
     * @param config the configuration map
     * @return the opened store
     * @throws NoSuchProviderException {@code aws SecretStore not available}
     * @throws InvalidConfigException  listing every problem of the config
     */
    public static SecretStore getInstance(String type, Map<String, ?> config) {
        return getInstance(type, config, contextLoader());
    }

    /**
     * @param type   store type
     * @param config the configuration map
     * @param loader the class loader to search
     * @return the opened store
     */
    public static SecretStore getInstance(String type, Map<String, ?> config, ClassLoader loader) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(config, "config");
        ProviderDiscovery d = discovery(loader);
        List<Installed> ofType = d.installed().stream().filter(i -> i.info().type().equals(type))
                .collect(Collectors.toList());
        if (ofType.isEmpty()) {
            throw notAvailable(type, d);
        }
        Object named = config.get(StoreConfig.PROVIDER_FIELD);
        if (named == null || named.equals(type)) {
            return open(ofType.get(0), config); // discovery order is the preference order, as in the JCA
        }
        // A config that names its provider picks among several providers of the type, and must agree with it.
        return ofType.stream().filter(i -> i.info().name().equals(named)).findFirst()
                .map(i -> open(i, config))
                .orElseThrow(() -> new InvalidConfigException(type, List.of(ConfigProblem.of(StoreConfig.PROVIDER_FIELD,
                        "names a provider that does not implement type '" + type + "'; expected one of "
                                + ofType.stream().map(i -> i.info().name()).collect(Collectors.joining(", "))))));
    }

    /**
     * Opens a store of a type with a named provider.
     *
     * @param type         store type
     * @param config       the configuration map
     * @param providerName provider name
     * @return the opened store
     * @throws NoSuchProviderException {@code no such provider: x}, or when it does not implement the type
     */
    public static SecretStore getInstance(String type, Map<String, ?> config, String providerName) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(providerName, "providerName");
        ProviderDiscovery d = discovery(contextLoader());
        Installed chosen = byName(d, providerName).orElseThrow(() -> noSuchProvider(providerName, d));
        if (!chosen.info().type().equals(type)) {
            throw new NoSuchProviderException(type + " SecretStore not available from provider " + providerName
                    + " (it implements " + chosen.info().type() + ")");
        }
        return open(chosen, config);
    }

    /**
     * Opens the store a config describes: its {@code provider} field names the provider (or type);
     * without one, the provider is recognised from the config's shape. An empty config opens the
     * default local store.
     *
     * @param config the configuration map
     * @return the opened store
     * @throws InvalidConfigException when no provider, or more than one, recognises the shape
     */
    public static SecretStore open(Map<String, ?> config) {
        return open(config, contextLoader());
    }

    /**
     * @param config the configuration map
     * @param loader the class loader to search
     * @return the opened store
     */
    public static SecretStore open(Map<String, ?> config, ClassLoader loader) {
        Objects.requireNonNull(config, "config");
        ProviderDiscovery d = discovery(loader);
        Object named = config.get(StoreConfig.PROVIDER_FIELD);
        if (named != null) {
            if (!(named instanceof String) || ((String) named).isBlank()) {
                throw new InvalidConfigException(List.of(ConfigProblem.of(StoreConfig.PROVIDER_FIELD,
                        "expected a provider name (a string), e.g. " + names(d))));
            }
            String name = (String) named;
            Installed chosen = byName(d, name)
                    .or(() -> d.installed().stream().filter(i -> i.info().type().equals(name)).findFirst())
                    .orElseThrow(() -> noSuchProvider(name, d));
            return open(chosen, config);
        }
        if (config.isEmpty()) {
            return openDefault(loader);
        }
        if (d.installed().isEmpty()) {
            throw noProvidersAtAll(d);
        }
        List<Installed> matches = d.installed().stream().filter(i -> recognises(i.provider(), config))
                .collect(Collectors.toList());
        if (matches.isEmpty()) {
            throw new InvalidConfigException(List.of(ConfigProblem.of(StoreConfig.PROVIDER_FIELD,
                    "no installed provider recognises this config; it could have been one of: "
                            + d.installed().stream().map(i -> i.info().shapeDescription()).collect(Collectors.joining("; "))
                            + ". Add a \"provider\" field or the fields of one of these shapes")));
        }
        if (matches.size() > 1) {
            throw new InvalidConfigException(List.of(ConfigProblem.of(StoreConfig.PROVIDER_FIELD,
                    "ambiguous config: it matches " + matches.stream().map(i -> i.info().shapeDescription())
                            .collect(Collectors.joining("; ")) + ". Add a \"provider\" field naming one of "
                            + matches.stream().map(i -> i.info().name()).collect(Collectors.joining(", ")))));
        }
        return open(matches.get(0), config);
    }

    /**
     * Opens the local store at its default path (creating it and its key on first use).
     *
     * @return the default store
     * @throws NoSuchProviderException if no local provider is installed, saying which jar to add
     */
    public static SecretStore openDefault() {
        return openDefault(contextLoader());
    }

    /**
     * @param loader the class loader to search
     * @return the default local store
     * @throws NoSuchProviderException if no local provider is visible to {@code loader}
     */
    public static SecretStore openDefault(ClassLoader loader) {
        ProviderDiscovery d = discovery(loader);
        Installed local = d.installed().stream().filter(i -> i.info().type().equals(LOCAL)).findFirst()
                .orElseThrow(() -> new NoSuchProviderException(LOCAL + " SecretStore not available: no provider of "
                        + "type 'local' is installed; add the jar dev.secretstore:secretstore-local "
                        + "(secretstore-local-<version>.jar) to the class path", firstFailureCause(d)));
        return open(local, Map.of());
    }

    /**
     * Opens a store with a given provider object, bypassing discovery (for tests and embedding);
     * the config is validated exactly as for discovered providers.
     *
     * @param provider the provider
     * @param config   the configuration map
     * @return the opened store
     */
    public static SecretStore open(SecretStoreProvider provider, Map<String, ?> config) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(config, "config");
        ProviderInfo info = ProviderInfo.builder(provider.name()).type(provider.type())
                .description(provider.description()).version(provider.version())
                .capabilities(provider.capabilities()).configFields(provider.configFields())
                .shapeDescription(provider.shapeDescription()).build();
        return openWith(provider, info, config);
    }

    /**
     * The least-privilege setup a provider recommends (what {@code secretstore policy <provider>} prints),
     * e.g. the IAM policy for AWS or the role-assignment commands for Azure. Builds no client, does no I/O.
     *
     * <pre>{@code
     * SecretStores.recommendedPolicy("aws", Map.of("tag-key", "AirbyteManaged")).ifPresent(System.out::println);
     * }</pre>
     *
     * @param providerName the provider's name
     * @param options      values for the provider's {@link SecretStoreProvider#policyOptions()}
     * @return the recommendation, or empty when the provider has none
     * @throws NoSuchProviderException {@code no such provider: x}
     * @throws InvalidConfigException  naming every unknown, mistyped or missing option (values never quoted)
     */
    public static Optional<String> recommendedPolicy(String providerName, Map<String, String> options) {
        Objects.requireNonNull(providerName, "providerName");
        Objects.requireNonNull(options, "options");
        SecretStoreProvider provider = policyProvider(providerName);
        List<ConfigProblem> problems = ConfigValidator.validateFields(provider.policyOptions(), options);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(providerName, problems);
        }
        return provider.recommendedPolicy(Map.copyOf(options));
    }

    /**
     * @param providerName the provider's name
     * @return the options {@link #recommendedPolicy(String, Map)} accepts for it
     * @throws NoSuchProviderException {@code no such provider: x}
     */
    public static List<ConfigField> policyOptions(String providerName) {
        return policyProvider(Objects.requireNonNull(providerName, "providerName")).policyOptions();
    }

    private static SecretStoreProvider policyProvider(String providerName) {
        ProviderDiscovery d = discovery(contextLoader());
        return byName(d, providerName).orElseThrow(() -> noSuchProvider(providerName, d)).provider();
    }

    private static SecretStore open(Installed installed, Map<String, ?> config) {
        return openWith(installed.provider(), installed.info(), config);
    }

    private static SecretStore openWith(SecretStoreProvider provider, ProviderInfo info, Map<String, ?> rawConfig) {
        Decorations decorations = Decorations.find(info.configFields(), rawConfig, contextLoader());
        Map<String, ?> config = decorations.providerConfig();
        List<ConfigProblem> problems = new ArrayList<>(ConfigValidator.validate(provider, config));
        problems.addAll(decorations.problems());
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(info.name(), problems);
        }
        StoreConfig storeConfig = StoreConfig.of(info.name(), config, info.configFields());
        SecretStoreSpi spi;
        try {
            spi = provider.open(storeConfig);
        } catch (InvalidConfigException e) {
            throw new InvalidConfigException(info.name(),
                    ConfigValidator.scrub(e.problems(), info.configFields(), config));
        } catch (SecretStoreException e) {
            throw e.withContext(info.name(), Operation.OPEN, null);
        } catch (RuntimeException | LinkageError e) {
            // Only the class name of the cause: its message might quote the config, and so might the
            // messages in its chain, which a logged stack trace prints (those are masked).
            throw new SecretStoreException(info.name(), Operation.OPEN, null, info.type()
                    + " SecretStore not available: the provider failed to open (" + e.getClass().getName() + ")",
                    e instanceof NoClassDefFoundError ? "add the provider's dependencies to the class path" : null,
                    CauseRedaction.redact(e, ConfigValidator.sensitiveValues(info.configFields(), config)));
        }
        if (spi == null) {
            throw new SecretStoreException(info.name(), Operation.OPEN, null,
                    info.type() + " SecretStore not available: the provider returned no store", null, null);
        }
        spi = decorations.apply(spi, info.name());
        return new SecretStore(info, provider, spi, ConfigValidator.sensitiveValues(info.configFields(), config));
    }

    private static boolean recognises(SecretStoreProvider p, Map<String, ?> config) {
        try {
            return p.recognises(config);
        } catch (RuntimeException e) {
            return false; // A faulty shape check must not stop the others from recognising the config.
        }
    }

    private static Optional<Installed> byName(ProviderDiscovery d, String name) {
        return d.installed().stream().filter(i -> i.info().name().equals(name)).findFirst();
    }

    private static NoSuchProviderException noSuchProvider(String name, ProviderDiscovery d) {
        return new NoSuchProviderException("no such provider: " + name, missingJarHint(name, d), firstFailureCause(d));
    }

    private static NoSuchProviderException notAvailable(String type, ProviderDiscovery d) {
        return new NoSuchProviderException(type + " SecretStore not available", missingJarHint(type, d),
                firstFailureCause(d));
    }

    // The message keeps the JCA's short shape; what is missing, and how to add it, goes in the remediation.
    private static String missingJarHint(String name, ProviderDiscovery d) {
        String installed = d.installed().isEmpty() ? "none" : names(d);
        String ours = OUR_PROVIDERS.contains(name) ? " (ours: dev.secretstore:secretstore-" + name + ")" : "";
        String failed = d.failures().isEmpty() ? ""
                : "; " + d.failures().size() + " provider(s) failed to load, see SecretStores.providerLoadFailures()";
        return "installed providers: " + installed + failed + ". Put the '" + name
                + "' provider's jar and its dependencies on the class path" + ours + ". " + servicesFileHint();
    }

    private static NoSuchProviderException noProvidersAtAll(ProviderDiscovery d) {
        return new NoSuchProviderException("no such provider: no SecretStore provider is installed; add a provider jar "
                + "such as dev.secretstore:secretstore-local to the class path. " + servicesFileHint(),
                firstFailureCause(d));
    }

    // A jar on the class path without the services entry is skipped without a trace (ServiceLoader never sees
    // it), so "put the jar on the class path" alone misleads the author of a provider built without the processor.
    // Built on the error path only: a string concatenation in a static initialiser would bootstrap
    // java.lang.invoke's StringConcatFactory (tens of ms in a fresh JVM) before every listing.
    private static String servicesFileHint() {
        return "If it is there already: a jar declares its provider only in "
                + "META-INF/services/" + SecretStoreProvider.class.getName() + ", which @AutoService writes only when the "
                + "auto-service annotation processor runs (compiler annotationProcessorPaths), and is skipped without it";
    }

    // A provider that failed to load is the likeliest reason a lookup failed, so it becomes the cause.
    private static Throwable firstFailureCause(ProviderDiscovery d) {
        return d.failures().stream().filter(f -> f.cause().isPresent()).findFirst()
                .map(f -> (Throwable) new ProviderLoadFailureCause(f)).orElse(null);
    }

    private static String names(ProviderDiscovery d) {
        return d.installed().stream().map(i -> i.info().name()).collect(Collectors.joining(", "));
    }

    private static ProviderDiscovery discovery(ClassLoader loader) {
        return ProviderRegistry.forLoader(loader);
    }

    private static ClassLoader contextLoader() {
        ClassLoader l = Thread.currentThread().getContextClassLoader();
        return l != null ? l : SecretStores.class.getClassLoader();
    }

    /** Carries a {@link ProviderLoadFailure} as an exception cause. */
    private static final class ProviderLoadFailureCause extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ProviderLoadFailureCause(ProviderLoadFailure f) {
            super("provider failed to load: " + f, f.cause().orElse(null));
        }
    }
}
