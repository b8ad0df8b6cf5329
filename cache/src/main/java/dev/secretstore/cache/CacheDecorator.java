package dev.secretstore.cache;

import com.google.auto.service.AutoService;
import dev.secretstore.ConfigProblem;
import dev.secretstore.cache.internal.CachingSpi;
import dev.secretstore.spi.SecretStoreDecorator;
import dev.secretstore.spi.SecretStoreSpi;
import java.util.List;

/**
 * Wraps a store in the read-through cache when its config has a {@code cache} field. Found by the facade
 * with {@link java.util.ServiceLoader}; users never name it.
 */
@AutoService(SecretStoreDecorator.class)
public final class CacheDecorator implements SecretStoreDecorator {

    @Override
    public String configField() {
        return CacheSettings.FIELD;
    }

    @Override
    public List<ConfigProblem> validate(Object value) {
        return CacheSettings.validate(value);
    }

    @Override
    public SecretStoreSpi decorate(SecretStoreSpi store, Object value, String provider) {
        return new CachingSpi(store, CacheSettings.from(value));
    }
}
