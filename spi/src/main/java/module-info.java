/**
 * secretstore: keep credentials in the customer's own secrets manager. The user API is in
 * {@code dev.secretstore} ({@link dev.secretstore.SecretStores}, {@link dev.secretstore.SecretStore});
 * the provider SPI in {@code dev.secretstore.spi}. JDK only.
 */
module dev.secretstore {
    exports dev.secretstore;
    exports dev.secretstore.spi;

    uses dev.secretstore.spi.SecretStoreProvider;
    uses dev.secretstore.spi.SecretStoreDecorator;
}
