package dev.secretstore;

import java.util.Locale;
import java.util.Optional;

/**
 * Root of the single unchecked error hierarchy of secretstore.
 *
 * <p>Every exception that leaves the engine carries the provider, the {@link Operation} and the
 * {@link SecretName} it concerns, plus a remediation hint where one is known. The message reads like
 * {@code aws: put 'db/password' denied: <detail>. Remediation: <hint>} and never contains a secret
 * value or a credential: providers pass a detail that describes the failure, never the data.
 *
 * <pre>{@code
 * try {
 *     store.put(SecretName.of("db/password"), SecretValue.ofText(password));
 * } catch (AccessDeniedException e) {
 *     log.warn("{} (fix: {})", e.getMessage(), e.remediation().orElse("-"));
 * }
 * }</pre>
 *
 * <p>Providers construct these directly and leave the operation out ({@code null}), e.g.
 * {@code new AccessDeniedException("aws", null, name, "AccessDeniedException from Secrets Manager", "grant ...", cause)}:
 * an SPI method cannot know which operation the user called ({@code SecretStore.put} calls
 * {@code SecretStoreSpi.describe}, then {@code create} or {@code addVersion}). The engine sets the
 * operation the user called on every exception it passes on, and fills in provider and name where the
 * provider left them out.
 */
public class SecretStoreException extends RuntimeException {

    // Mutable only so the engine can fill in context the provider did not know (provider and name:
    // set-if-absent) and the operation the user called (always the engine's).
    private String provider;
    private Operation operation;
    private SecretName secretName;
    private final String detail;
    private final String remediation;

    /**
     * Full constructor; every argument except {@code detail} may be {@code null}.
     *
     * @param provider    provider name, e.g. {@code "aws"}
     * @param operation   the operation that failed; {@code null} from a provider (the engine sets the one the user called)
     * @param secretName  the secret concerned
     * @param detail      what went wrong, without any secret value or credential
     * @param remediation what the user can do about it
     * @param cause       the underlying exception
     */
    public SecretStoreException(String provider, Operation operation, SecretName secretName,
                                String detail, String remediation, Throwable cause) {
        super(null, cause);
        this.provider = blankToNull(provider);
        this.operation = operation;
        this.secretName = secretName;
        this.detail = detail == null ? "" : detail;
        this.remediation = blankToNull(remediation);
    }

    /** @param detail what went wrong, without any secret value or credential */
    public SecretStoreException(String detail) {
        this(null, null, null, detail, null, null);
    }

    /**
     * @param detail what went wrong, without any secret value or credential
     * @param cause  the underlying exception
     */
    public SecretStoreException(String detail, Throwable cause) {
        this(null, null, null, detail, null, cause);
    }

    /** @return the provider name; empty string when unknown */
    public String provider() {
        return provider == null ? "" : provider;
    }

    /** @return the operation that failed, if known */
    public Optional<Operation> operation() {
        return Optional.ofNullable(operation);
    }

    /** @return the secret concerned, if any */
    public Optional<SecretName> secretName() {
        return Optional.ofNullable(secretName);
    }

    /** @return the remediation hint, if known */
    public Optional<String> remediation() {
        return Optional.ofNullable(remediation);
    }

    /** @return the detail passed by the thrower, without context or remediation */
    public String detail() {
        return detail;
    }

    /**
     * A short word for the kind of failure used in the message, e.g. {@code "denied"}.
     *
     * @return the failure kind; subclasses override
     */
    protected String kind() {
        return "failed";
    }

    /**
     * Fills in the context of the call that failed. Provider and name are set only where the thrower left
     * them out; the operation, when given, replaces the thrower's, because only the engine knows which
     * operation the user called (a provider's {@code create} may run inside the user's {@code put}).
     * Used by the engine and the facade; harmless for anyone else.
     *
     * @param provider  provider name
     * @param operation the operation the user called; {@code null} keeps the thrower's
     * @param name      secret name, may be {@code null}
     * @return this exception
     */
    public SecretStoreException withContext(String provider, Operation operation, SecretName name) {
        if (this.provider == null) {
            this.provider = blankToNull(provider);
        }
        if (operation != null) {
            this.operation = operation;
        }
        if (this.secretName == null) {
            this.secretName = name;
        }
        return this;
    }

    @Override
    public String getMessage() {
        StringBuilder sb = new StringBuilder();
        boolean contextual = provider != null || operation != null || secretName != null;
        if (provider != null) {
            sb.append(provider).append(": ");
        }
        if (operation != null) {
            sb.append(operation.name().toLowerCase(Locale.ROOT).replace('_', ' ')).append(' ');
        }
        if (secretName != null) {
            sb.append('\'').append(secretName.value()).append("' ");
        }
        if (contextual) {
            sb.append(kind());
            if (!detail.isEmpty()) {
                sb.append(": ").append(detail);
            }
        } else {
            sb.append(detail.isEmpty() ? kind() : detail);
        }
        if (remediation != null) {
            sb.append(". Remediation: ").append(remediation);
        }
        return sb.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
