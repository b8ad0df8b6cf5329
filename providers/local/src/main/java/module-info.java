/**
 * The embedded local provider. It usually runs on the class path (found through the
 * {@code META-INF/services} entry {@code @AutoService} generates); this descriptor lets it run on the
 * module path too, where {@code provides} is how {@link java.util.ServiceLoader} finds it. The
 * internal package is not exported.
 */
@SuppressWarnings("requires-automatic") // auto-service-annotations is an automatic module, at compile time only
module dev.secretstore.local {
    // The provider's public signatures use the SPI's types.
    requires transitive dev.secretstore;
    // @AutoService has class retention: needed to compile, never at run time.
    requires static com.google.auto.service;

    exports dev.secretstore.local;

    provides dev.secretstore.spi.SecretStoreProvider with dev.secretstore.local.LocalSecretStoreProvider;
}
