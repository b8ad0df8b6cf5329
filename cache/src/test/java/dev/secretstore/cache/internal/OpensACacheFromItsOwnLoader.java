package dev.secretstore.cache.internal;

import dev.secretstore.cache.CacheSettings;
import dev.secretstore.spi.SecretStoreSpi;
import java.util.function.Function;

/**
 * Stands for an application (a web application on a server that shares the cache jar between applications): the
 * test defines this class in a class loader of its own, and this class opens a cache while its thread carries an
 * inheritable thread-local value of the application's, as logging and tracing contexts do. Public, with no nested or
 * lambda classes, so that a loader defining only this class can run it.
 */
public final class OpensACacheFromItsOwnLoader implements Function<SecretStoreSpi, SecretStoreSpi> {

    private static final InheritableThreadLocal<Object> CONTEXT = new InheritableThreadLocal<>();

    @Override
    public SecretStoreSpi apply(SecretStoreSpi store) {
        CONTEXT.set(this);
        try {
            return new CachingSpi(store, CacheSettings.defaults());
        } finally {
            CONTEXT.remove(); // the request ends: the application's thread keeps nothing of it
        }
    }
}
