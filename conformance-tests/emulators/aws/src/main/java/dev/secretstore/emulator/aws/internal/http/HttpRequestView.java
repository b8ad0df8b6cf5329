package dev.secretstore.emulator.aws.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP request as the protocol layers need it, detached from Netty.
 *
 * @param headers lower-case header name to its values, in arrival order
 * @param rawQuery the query string as sent (still percent-encoded), empty when absent
 */
public record HttpRequestView(String method, String path, String rawQuery, Map<String, List<String>> headers,
                              byte[] body) {

    /** Leaves out headers and body: they carry signatures, session tokens and secret values. */
    @Override
    public String toString() {
        return "HttpRequestView[" + method + " " + path + ", " + body.length + " bytes]";
    }

    public String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
