package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.LinkedHashMap;
import java.util.Map;

/** One HTTP response: status, extra headers and a body (JSON unless said otherwise). */
public record EmulatorResponse(int status, Map<String, String> headers, byte[] body) {

    public static EmulatorResponse json(int status, Object body) {
        try {
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("Content-Type", "application/json; charset=utf-8");
            return new EmulatorResponse(status, headers, Json.MAPPER.writeValueAsBytes(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render a response body", e);
        }
    }

    public static EmulatorResponse empty(int status) {
        return new EmulatorResponse(status, new LinkedHashMap<>(), new byte[0]);
    }

    public EmulatorResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(name, value);
        return new EmulatorResponse(status, copy, body);
    }
}
