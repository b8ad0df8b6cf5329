package dev.secretstore.spi;

import dev.secretstore.ConfigProblem;
import java.util.List;

/**
 * Wraps any provider's opened store in extra behaviour selected by one config field that every config
 * may carry, e.g. the read-through cache behind {@code "cache": {"maxEntries": 10000, "ttl": "PT5M"}}.
 * Found with {@link java.util.ServiceLoader} (register with {@code @AutoService(SecretStoreDecorator.class)})
 * only when a config holds a field its provider does not declare; the facade removes that field before
 * the provider sees the config, validates it here, and wraps the provider's store below the engine, so
 * the engine's rules (names, ownership, redaction) still apply to every call.
 *
 * <pre>{@code
 * @AutoService(SecretStoreDecorator.class)
 * public final class CacheDecorator implements SecretStoreDecorator {
 *     public String configField() { return "cache"; }
 *     public List<ConfigProblem> validate(Object value) { return CacheSettings.validate(value); }
 *     public SecretStoreSpi decorate(SecretStoreSpi store, Object value, String provider) {
 *         return new CachingSpi(store, CacheSettings.from(value));
 *     }
 * }
 * }</pre>
 *
 * <p>A decorator exposes a user-facing handle (e.g. invalidation) through
 * {@link SecretStoreSpi#feature(Class)}, never by letting users reach the wrapped store.
 */
public interface SecretStoreDecorator {

    /** @return the config field that selects this decorator, e.g. {@code "cache"} */
    String configField();

    /**
     * @param value the field's raw value (a JSON object parsed to a map, usually)
     * @return problems named {@code <field>} or {@code <field>.<key>}, never quoting a value; empty when valid
     */
    List<ConfigProblem> validate(Object value);

    /**
     * @param store    the provider's opened store (or an inner decorator's)
     * @param value    the field's value, already validated
     * @param provider the provider's name, for error messages
     * @return the wrapping store; closing it must close {@code store}
     */
    SecretStoreSpi decorate(SecretStoreSpi store, Object value, String provider);
}
