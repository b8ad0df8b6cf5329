package com.example.vault;

import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.StoreUnavailableException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Arrays;
import javax.crypto.spec.SecretKeySpec;

/**
 * The keystore file: loaded fresh for every operation (so several stores on one file see each other's
 * writes) and saved through a temporary file and an atomic rename (so a crash never leaves half a file).
 */
final class KeystoreFile {

    private final Path path;
    private final char[] password;

    KeystoreFile(Path path, char[] password) {
        this.path = path.toAbsolutePath().normalize();
        this.password = password.clone();
    }

    Path path() {
        return path;
    }

    /** @return the keystore's current content; an empty keystore when the file does not exist yet */
    KeyStore load() {
        try {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(path)) {
                keystore.load(in, password);
            } catch (NoSuchFileException e) {
                keystore.load(null, password);
            }
            return keystore;
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new AuthenticationFailedException(KeystoreVaultProvider.NAME, null, null,
                        "wrong keystore password", "check the password (or the variable named by passwordEnv)", null);
            }
            throw unavailable("cannot read the keystore file", e);
        } catch (GeneralSecurityException e) {
            throw unavailable("cannot read the keystore file", e);
        }
    }

    void save(KeyStore keystore) {
        try {
            Files.createDirectories(path.getParent());
            Path temporary = Files.createTempFile(path.getParent(), path.getFileName().toString(), ".tmp");
            try {
                try (OutputStream out = Files.newOutputStream(temporary)) {
                    keystore.store(out, password);
                }
                Files.move(temporary, path, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException | GeneralSecurityException e) {
            throw unavailable("cannot write the keystore file", e);
        }
    }

    /** @return the bytes of a secret-key entry, or null when there is no such entry */
    byte[] read(KeyStore keystore, String alias) {
        try {
            KeyStore.Entry entry = keystore.getEntry(alias, new KeyStore.PasswordProtection(password));
            return entry == null ? null : ((KeyStore.SecretKeyEntry) entry).getSecretKey().getEncoded();
        } catch (GeneralSecurityException e) {
            throw unavailable("cannot read keystore entry", e);
        }
    }

    /** Stores bytes as an AES secret-key entry: PKCS#12 encrypts it with the keystore password. */
    void write(KeyStore keystore, String alias, byte[] bytes) {
        try {
            SecretKeySpec key = new SecretKeySpec(bytes, "AES");
            keystore.setEntry(alias, new KeyStore.SecretKeyEntry(key), new KeyStore.PasswordProtection(password));
        } catch (GeneralSecurityException e) {
            throw unavailable("cannot write keystore entry", e);
        }
    }

    private static StoreUnavailableException unavailable(String detail, Exception cause) {
        return new StoreUnavailableException(KeystoreVaultProvider.NAME, null, null,
                detail + " (" + cause.getClass().getSimpleName() + ")", null, cause);
    }

    @Override
    public String toString() {
        return "KeystoreFile[" + path + ", password=***]";
    }

    void destroyPassword() {
        Arrays.fill(password, '\0');
    }
}
