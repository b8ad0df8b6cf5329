package dev.secretstore.emulator.aws.internal.http;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete response, or the instruction to reset the connection instead of answering. */
public record HttpResponseView(int status, String contentType, byte[] body, Map<String, String> headers,
                               boolean resetConnection) {

    public static HttpResponseView of(int status, String contentType, String body) {
        return new HttpResponseView(status, contentType, body.getBytes(StandardCharsets.UTF_8), new LinkedHashMap<>(),
                false);
    }

    public static HttpResponseView reset() {
        return new HttpResponseView(0, null, new byte[0], Map.of(), true);
    }

    public HttpResponseView withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new HttpResponseView(status, contentType, body, copy, resetConnection);
    }
}
