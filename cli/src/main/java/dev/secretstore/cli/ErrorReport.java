package dev.secretstore.cli;

import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.SecretIntegrityException;
import dev.secretstore.SecretStoreException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Prints a failed command's error and returns its exit code. Only messages built to be safe are shown:
 * the SPI's exception messages and config problems never contain a value or a credential, and for
 * anything else only the exception type is printed, since its message is not under our control.
 */
final class ErrorReport {

    private ErrorReport() {
    }

    static int print(Exception failure, boolean json, Io io) {
        int exitCode = ExitCodes.of(failure);
        io.terminal().clearProgress();
        if (json) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", failure.getClass().getSimpleName());
            error.put("message", message(failure));
            if (failure instanceof SecretStoreException e) {
                error.put("provider", e.provider());
                e.operation().ifPresent(op -> error.put("operation", op.name()));
                e.secretName().ifPresent(name -> error.put("secret", name.value()));
                e.remediation().ifPresent(hint -> error.put("remediation", hint));
            }
            if (failure instanceof SecretIntegrityException e) {
                e.location().ifPresent(location -> error.put("location", location));
            }
            if (failure instanceof InvalidConfigException e) {
                error.put("problems", e.problems().stream().map(ErrorReport::problem).toList());
            }
            Map<String, Object> document = new LinkedHashMap<>();
            document.put("error", error);
            document.put("exitCode", exitCode);
            Json.print(io.out(), document);
        } else {
            if (failure instanceof InvalidConfigException e) {
                String provider = e.provider().isEmpty() ? "" : " for provider '" + e.provider() + "'";
                io.err().println("error: invalid config" + provider + ":");
                for (ConfigProblem p : e.problems()) {
                    io.err().println("  - " + p.field() + ": " + p.message());
                }
            } else {
                io.err().println("error: " + message(failure));
            }
            io.err().flush();
        }
        return exitCode;
    }

    private static String message(Exception failure) {
        if (failure instanceof SecretStoreException || failure instanceof UsageException) {
            return failure.getMessage();
        }
        return "unexpected " + failure.getClass().getName() + " (a bug: please report it with the command you ran)";
    }

    private static Map<String, Object> problem(ConfigProblem p) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("field", p.field());
        problem.put("message", p.message());
        return problem;
    }
}
