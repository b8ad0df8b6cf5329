package dev.secretstore.internal;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.Operation;
import dev.secretstore.SecretStoreException;
import dev.secretstore.spi.SecretStoreDecorator;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The config fields that select a {@link SecretStoreDecorator} (e.g. {@code cache}), split off before the
 * provider sees the config. Decorators are looked up only when a config holds a field its provider does
 * not declare, so opening a plain store never loads one; nothing is cached, so no class loader is pinned.
 */
public final class Decorations {

    /** Decorator fields we ship, so a missing jar gets a precise message instead of "unknown field". */
    private static final Map<String, String> OUR_DECORATORS = Map.of("cache", "dev.secretstore:secretstore-cache");

    private final Map<String, ?> providerConfig;
    private final List<ConfigProblem> problems;
    private final List<Map.Entry<SecretStoreDecorator, Object>> chosen;

    private Decorations(Map<String, ?> providerConfig, List<ConfigProblem> problems,
                        List<Map.Entry<SecretStoreDecorator, Object>> chosen) {
        this.providerConfig = providerConfig;
        this.problems = problems;
        this.chosen = chosen;
    }

    /**
     * @param fields the provider's declared fields (a provider that declares a field keeps it)
     * @param config the raw config
     * @param loader where to look for decorators
     * @return the split
     */
    public static Decorations find(List<ConfigField> fields, Map<String, ?> config, ClassLoader loader) {
        Set<String> declared = fields.stream().map(ConfigField::name).collect(Collectors.toSet());
        List<String> undeclared = config.keySet().stream()
                .filter(k -> k != null && !declared.contains(k) && !k.equals(StoreConfig.PROVIDER_FIELD))
                .collect(Collectors.toList());
        if (undeclared.isEmpty()) {
            return new Decorations(config, List.of(), List.of());
        }
        Map<String, Object> rest = new LinkedHashMap<>(config);
        List<ConfigProblem> problems = new ArrayList<>();
        List<Map.Entry<SecretStoreDecorator, Object>> chosen = new ArrayList<>();
        for (SecretStoreDecorator d : load(loader)) {
            String field = d.configField();
            if (undeclared.contains(field) && rest.containsKey(field)) {
                Object value = rest.remove(field);
                List<ConfigProblem> own = d.validate(value);
                problems.addAll(own == null ? List.of() : own);
                chosen.add(Map.entry(d, value));
            }
        }
        OUR_DECORATORS.forEach((field, artifact) -> {
            if (undeclared.contains(field) && rest.containsKey(field)) {
                rest.remove(field);
                problems.add(ConfigProblem.of(field, "needs " + artifact + " on the class path (no installed "
                        + "module handles '" + field + "')"));
            }
        });
        return new Decorations(rest, problems, chosen);
    }

    private static List<SecretStoreDecorator> load(ClassLoader loader) {
        List<SecretStoreDecorator> found = new ArrayList<>();
        Iterator<SecretStoreDecorator> it = ServiceLoader.load(SecretStoreDecorator.class, loader).iterator();
        for (int errors = 0; errors < 100; ) {
            try {
                if (!it.hasNext()) {
                    break;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError | LinkageError e) {
                errors++; // a broken decorator jar is skipped; its field is then reported as not handled
            }
        }
        return found;
    }

    /** @return the config without the decorators' fields */
    public Map<String, ?> providerConfig() {
        return providerConfig;
    }

    /** @return the decorators' problems with their fields */
    public List<ConfigProblem> problems() {
        return problems;
    }

    /**
     * @param spi      the provider's store
     * @param provider the provider's name
     * @return the store wrapped by every chosen decorator, in discovery order
     */
    public SecretStoreSpi apply(SecretStoreSpi spi, String provider) {
        SecretStoreSpi current = spi;
        for (Map.Entry<SecretStoreDecorator, Object> e : chosen) {
            try {
                current = e.getKey().decorate(current, e.getValue(), provider);
            } catch (RuntimeException | LinkageError failure) {
                current.close();
                throw new SecretStoreException(provider, Operation.OPEN, null, "the '" + e.getKey().configField()
                        + "' module failed to wrap the store (" + failure.getClass().getName() + ")", null, null);
            }
        }
        return current;
    }
}
