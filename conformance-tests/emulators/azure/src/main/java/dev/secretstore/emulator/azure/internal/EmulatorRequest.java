package dev.secretstore.emulator.azure.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** One HTTP request as the emulator's handlers see it: decoded path, query, headers and body. */
public record EmulatorRequest(
        String method,
        String path,
        Map<String, List<String>> query,
        Map<String, String> headers,
        byte[] body) {

    /** Leaves out query, headers and body: they carry bearer tokens, client secrets and secret values. */
    @Override
    public String toString() {
        return "EmulatorRequest[" + method + " " + path + ", " + (body == null ? 0 : body.length) + " bytes]";
    }

    /** The first value of a query parameter. */
    public Optional<String> queryParameter(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** A header, looked up case-insensitively (headers are stored lower-cased). */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(java.util.Locale.ROOT)));
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** {@code https://host:port} as the client addressed this server. */
    public String origin() {
        return "https://" + header("host").orElse("127.0.0.1");
    }
}
