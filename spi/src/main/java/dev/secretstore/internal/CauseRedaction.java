package dev.secretstore.internal;

import java.util.Base64;
import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Keeps secrets out of the causes the engine attaches. A foreign exception from a provider or its SDK
 * may quote what it was given (a credential from the config, the value being written); its message is
 * never used in ours, but a logged stack trace prints the cause too. When any message in the cause chain
 * contains one of the secrets, the chain is replaced by a copy with those strings masked; otherwise the
 * original cause is kept as it is.
 */
public final class CauseRedaction {

    /** Shorter strings would be masked by accident in ordinary text. */
    static final int SHORTEST_MASKED = 4;
    private static final String MASK = "***";

    private CauseRedaction() {
    }

    /**
     * @param cause   the cause to attach, may be {@code null}
     * @param secrets strings that must not appear (their Base64 forms are masked too)
     * @return {@code cause} itself, or a redacted copy of its chain
     */
    public static Throwable redact(Throwable cause, Collection<String> secrets) {
        if (cause == null) {
            return null;
        }
        List<String> forms = forms(secrets);
        if (forms.isEmpty() || !mentions(cause, forms, Collections.newSetFromMap(new IdentityHashMap<>()))) {
            return cause;
        }
        return copy(cause, forms, new IdentityHashMap<>());
    }

    private static List<String> forms(Collection<String> secrets) {
        return secrets.stream().filter(Objects::nonNull).filter(s -> s.length() >= SHORTEST_MASKED)
                .flatMap(s -> {
                    byte[] bytes = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
                    return java.util.stream.Stream.of(s, Base64.getEncoder().encodeToString(bytes),
                            Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
                })
                .distinct()
                // Longest first, so a secret containing another is masked whole.
                .sorted((a, b) -> Integer.compare(b.length(), a.length()))
                .collect(Collectors.toList());
    }

    private static boolean mentions(Throwable t, List<String> forms, Set<Throwable> seen) {
        if (t == null || !seen.add(t)) {
            return false;
        }
        String message = t.getMessage();
        if (message != null && forms.stream().anyMatch(message::contains)) {
            return true;
        }
        for (Throwable suppressed : t.getSuppressed()) {
            if (mentions(suppressed, forms, seen)) {
                return true;
            }
        }
        return mentions(t.getCause(), forms, seen);
    }

    private static Throwable copy(Throwable t, List<String> forms, IdentityHashMap<Throwable, Throwable> copies) {
        Throwable done = copies.get(t);
        if (done != null) {
            return done;
        }
        RedactedException copy = new RedactedException(t.getClass().getName(), mask(t.getMessage(), forms));
        copies.put(t, copy);
        copy.setStackTrace(t.getStackTrace());
        if (t.getCause() != null && t.getCause() != t) {
            copy.initCause(copy(t.getCause(), forms, copies));
        }
        for (Throwable suppressed : t.getSuppressed()) {
            copy.addSuppressed(copy(suppressed, forms, copies));
        }
        return copy;
    }

    private static String mask(String message, List<String> forms) {
        if (message == null) {
            return null;
        }
        String masked = message;
        for (String form : forms) {
            masked = masked.replace(form, MASK);
        }
        return masked;
    }

    /** Stands for an exception whose message quoted a secret: same class name and stack, masked message. */
    public static final class RedactedException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        private final String originalClass;

        RedactedException(String originalClass, String maskedMessage) {
            super(maskedMessage);
            this.originalClass = originalClass;
        }

        /** @return the class name of the exception this copy stands for */
        public String originalClass() {
            return originalClass;
        }

        @Override
        public String toString() {
            String message = getMessage();
            return originalClass + " (message redacted by secretstore)" + (message == null ? "" : ": " + message);
        }
    }
}
