package dev.secretstore;

/** The operations of a {@link SecretStore}, named in every {@link SecretStoreException}. */
public enum Operation {
    /** Opening a store from its configuration. */
    OPEN,
    /** {@link SecretStore#create}. */
    CREATE,
    /** {@link SecretStore#put}. */
    PUT,
    /** {@link SecretStore#read}. */
    READ,
    /** {@link SecretStore#readAll}. */
    READ_ALL,
    /** {@link SecretStore#describe} and {@link SecretStore#find}. */
    DESCRIBE,
    /** {@link SecretStore#list} and {@link SecretStore#listAll}. */
    LIST,
    /** {@link SecretStore#delete}. */
    DELETE,
    /** {@link SecretStore#restore}. */
    RESTORE,
    /** {@link SecretStore#verify}. */
    VERIFY,
    /** Setting tags on an existing secret. */
    TAG
}
