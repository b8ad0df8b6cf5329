package dev.secretstore.spi;

import dev.secretstore.ConfigProblem;
import dev.secretstore.internal.DidYouMean;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reusable checks for {@link SecretStoreProvider#validate(StoreConfig)}. Each returns the problem
 * (field + expectation), never echoing the value, or empty when the value is fine. A check of an
 * absent value passes: requiredness is a separate check.
 *
 * <pre>{@code
 * public List<ConfigProblem> validate(StoreConfig c) {
 *     List<ConfigProblem> problems = new ArrayList<>();
 *     ConfigChecks.requiredWhen(c, "roleArn", "auth_type", "IAM_ROLE").ifPresent(problems::add);
 *     ConfigChecks.httpsOrLoopback("endpoint", c.string("endpoint").orElse(null)).ifPresent(problems::add);
 *     ConfigChecks.guid("tenantId", c.string("tenantId").orElse(null)).ifPresent(problems::add);
 *     return problems;
 * }
 * }</pre>
 */
public final class ConfigChecks {

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private ConfigChecks() {
    }

    /**
     * An endpoint must be {@code https://}, or {@code http://} on a loopback host only
     * (localhost, 127.0.0.0/8, ::1) — emulators run there; anything else would send credentials in clear.
     *
     * @param field the field name
     * @param uri   the value, may be {@code null}
     * @return the problem, if any
     */
    public static Optional<ConfigProblem> httpsOrLoopback(String field, String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        Optional<URI> parsed = parseAbsolute(uri);
        if (parsed.isEmpty()) {
            return problem(field, "expected an absolute https:// URL");
        }
        String scheme = parsed.get().getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")) {
            return Optional.empty();
        }
        if (scheme.equals("http")) {
            return isLoopbackHost(parsed.get().getHost()) ? Optional.empty()
                    : problem(field, "http:// is accepted only for loopback hosts (localhost, 127.0.0.1, ::1); "
                            + "expected an https:// URL");
        }
        return problem(field, "expected an https:// URL (http:// only for loopback hosts)");
    }

    /**
     * @param field the field name
     * @param uri   the value, may be {@code null}
     * @return a problem unless the value is an absolute {@code https://} URL with a host
     */
    public static Optional<ConfigProblem> httpsOnly(String field, String uri) {
        if (uri == null) {
            return Optional.empty();
        }
        Optional<URI> parsed = parseAbsolute(uri);
        if (parsed.isEmpty() || !parsed.get().getScheme().equalsIgnoreCase("https")) {
            return problem(field, "expected an https:// URL");
        }
        return Optional.empty();
    }

    /**
     * @param field the field name
     * @param value the value, may be {@code null}
     * @return a problem unless the value is a GUID like {@code 12345678-1234-1234-1234-123456789012}
     */
    public static Optional<ConfigProblem> guid(String field, String value) {
        if (value == null || GUID.matcher(value).matches()) {
            return Optional.empty();
        }
        return problem(field, "expected a GUID (8-4-4-4-12 hexadecimal digits)");
    }

    /**
     * @param field       the field name
     * @param value       the value, may be {@code null}
     * @param pattern     the whole value must match
     * @param expectation how to describe a valid value, e.g. "an IAM role ARN (arn:aws:iam::123456789012:role/name)"
     * @return a problem {@code expected <expectation>} unless the value matches
     */
    public static Optional<ConfigProblem> matches(String field, String value, Pattern pattern, String expectation) {
        if (value == null || pattern.matcher(value).matches()) {
            return Optional.empty();
        }
        return problem(field, "expected " + expectation);
    }

    /**
     * A field required only when another field has a given value, e.g. {@code roleArn} for
     * {@code auth_type IAM_ROLE}.
     *
     * @param config         the config
     * @param field          the conditionally required field
     * @param conditionField the deciding field
     * @param conditionValues values of the deciding field that make {@code field} required
     * @return {@code "<field>: required for <conditionField> <value>"} if missing
     */
    public static Optional<ConfigProblem> requiredWhen(StoreConfig config, String field, String conditionField,
                                                       String... conditionValues) {
        Optional<String> condition = config.string(conditionField);
        if (condition.isEmpty() || !Arrays.asList(conditionValues).contains(condition.get())) {
            return Optional.empty();
        }
        Object v = config.asMap().get(field);
        if (v == null || (v instanceof String && ((String) v).isBlank())) {
            return problem(field, "required for " + conditionField + " " + condition.get());
        }
        return Optional.empty();
    }

    /**
     * A field allowed only when another field has a given value, e.g. {@code externalId} only with
     * {@code auth_type IAM_ROLE}.
     *
     * @param config          the config
     * @param field           the conditional field
     * @param conditionField  the deciding field
     * @param conditionValues values of the deciding field that allow {@code field}
     * @return {@code "<field>: only allowed with <conditionField> <values>"} if present otherwise
     */
    public static Optional<ConfigProblem> onlyWhen(StoreConfig config, String field, String conditionField,
                                                   String... conditionValues) {
        if (!config.has(field)) {
            return Optional.empty();
        }
        Optional<String> condition = config.string(conditionField);
        if (condition.isPresent() && Arrays.asList(conditionValues).contains(condition.get())) {
            return Optional.empty();
        }
        return problem(field, "only allowed with " + conditionField + " " + String.join(" or ", conditionValues));
    }

    /**
     * An unknown key inside an object field (e.g. {@code retry}), reported as the facade reports unknown
     * top-level fields: with the closest known key, or the list of known keys. The key itself is not
     * repeated beyond the field path given.
     *
     * @param field the path to report, e.g. {@code "retry.maxAtempts"}
     * @param key   the unknown key, e.g. {@code "maxAtempts"}
     * @param known the keys allowed at that level
     * @return {@code "<field>: unknown field; did you mean '<known>'?"} or {@code "... expected one of ..."}
     */
    public static ConfigProblem unknownField(String field, String key, Collection<String> known) {
        return ConfigProblem.of(field, DidYouMean.suggest(key, known)
                .map(s -> "unknown field; did you mean '" + s + "'?")
                .orElse("unknown field; expected one of " + String.join(", ", known)));
    }

    /**
     * @param host a host name or IP literal (IPv6 with or without brackets); no DNS lookup is made
     * @return whether it is a loopback host
     */
    public static boolean isLoopbackHost(String host) {
        if (host == null || host.isEmpty()) {
            return false;
        }
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.equals("localhost") || h.endsWith(".localhost")) {
            return true;
        }
        if (h.matches("127\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}")) {
            return Arrays.stream(h.split("\\.")).allMatch(p -> Integer.parseInt(p) <= 255);
        }
        return h.matches("(0{0,4}:){2,7}0{0,3}1") || h.equals("::1");
    }

    private static Optional<URI> parseAbsolute(String uri) {
        try {
            URI u = new URI(uri.trim());
            if (u.getScheme() == null || u.getHost() == null) {
                return Optional.empty();
            }
            return Optional.of(u);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static Optional<ConfigProblem> problem(String field, String message) {
        return Optional.of(ConfigProblem.of(field, message));
    }
}
