package dev.secretstore.emulator.azure.internal;

/** A Key Vault error answer: status, error code, message and an optional inner error code. */
public final class VaultException extends RuntimeException {
    private final int status;
    private final String code;
    private final String innerCode;

    public VaultException(int status, String code, String message, String innerCode) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
        this.innerCode = innerCode;
    }

    public EmulatorResponse toResponse() {
        return KeyVaultErrors.response(status, code, getMessage(), innerCode);
    }

    public int status() {
        return status;
    }
}
