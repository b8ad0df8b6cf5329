package dev.secretstore.emulator.aws;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** Calls the emulator's documented {@code /_emulator/} control endpoint (not an AWS API, so plain HTTP). */
final class AdminHttp {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private AdminHttp() {
    }

    record Reply(int status, String body) {
    }

    static Reply call(URI endpoint, String method, String path, String json) {
        HttpRequest.BodyPublisher body = json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json);
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/_emulator/" + path))
                .method(method, body).header("Content-Type", "application/json").build();
        try {
            HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Reply(r.statusCode(), r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
