package dev.secretstore.local.internal;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.Operation;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretIntegrityException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import java.util.List;

/** Turns the engine's {@link StoreFault}s into the contract's exception types, in one place. */
public final class Faults {
  public static final String PROVIDER = "local";

  private Faults() {}

  public static SecretStoreException toException(StoreFault fault, Operation operation, SecretName name) {
    SecretName secret = name != null ? name : fault.secretName().flatMap(Faults::parseName).orElse(null);
    String detail = fault.detail();
    String hint = fault.remediation().orElse(null);
    switch (fault.kind()) {
      case NOT_FOUND:
        return new SecretNotFoundException(PROVIDER, operation, secret, detail, hint, null);
      case ALREADY_EXISTS:
        return new SecretAlreadyExistsException(PROVIDER, operation, secret, detail, hint, null);
      case ACCESS_DENIED:
        return new AccessDeniedException(PROVIDER, operation, secret, detail, hint, null);
      case AUTHENTICATION:
        return new AuthenticationFailedException(PROVIDER, operation, secret, detail, hint, null);
      case INVALID_REQUEST:
        return new InvalidRequestException(PROVIDER, operation, secret, detail, hint, null);
      case INVALID_CONFIG:
        return new InvalidConfigException(PROVIDER,
            List.of(ConfigProblem.of(fault.configField().orElse("config"), detail)));
      case UNAVAILABLE:
        // The cause is an IOException about our own files; it never holds a value or the key.
        return new StoreUnavailableException(PROVIDER, operation, secret, detail, hint, fault.getCause());
      case INTEGRITY:
      default:
        return new SecretIntegrityException(PROVIDER, operation, secret, detail,
            hint != null ? hint : "the record was altered, truncated, rolled back or copied from elsewhere;"
                + " restore the store directory from a backup, or drop the secret with a forced delete"
                + " (secretstore delete NAME --force)", fault.location().orElse(null), null);
    }
  }

  private static java.util.Optional<SecretName> parseName(String text) {
    try {
      return java.util.Optional.of(SecretName.of(text));
    } catch (RuntimeException e) {
      return java.util.Optional.empty();
    }
  }
}
