package dev.secretstore.emulator.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Single requests through the Azure SDK's own HTTP client, for what the typed clients do not expose: exact
 * bodies and headers, query parameters such as {@code maxresults}, hand-made tokens and the admin endpoint.
 */
final class RawHttp {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http;

    RawHttp(HttpClient http) {
        this.http = http;
    }

    Reply send(HttpMethod method, String url, String bearerToken, String body, String contentType) {
        HttpRequest request = new HttpRequest(method, url);
        if (bearerToken != null) {
            request.setHeader(HttpHeaderName.AUTHORIZATION, "Bearer " + bearerToken);
        }
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, contentType);
            request.setBody(body);
        }
        try (HttpResponse response = http.sendSync(request, Context.NONE)) {
            String text = response.getBodyAsBinaryData() == null ? "" : response.getBodyAsBinaryData().toString();
            return new Reply(response.getStatusCode(), response.getHeaderValue(HttpHeaderName.WWW_AUTHENTICATE),
                    response.getHeaderValue(HttpHeaderName.RETRY_AFTER), text);
        }
    }

    Reply get(String url, String bearerToken) {
        return send(HttpMethod.GET, url, bearerToken, null, null);
    }

    Reply postJson(String url, String json) {
        return send(HttpMethod.POST, url, null, json, "application/json");
    }

    /** One response: status, the headers the tests look at, and the body. */
    record Reply(int status, String wwwAuthenticate, String retryAfter, String body) {
        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }
    }
}
