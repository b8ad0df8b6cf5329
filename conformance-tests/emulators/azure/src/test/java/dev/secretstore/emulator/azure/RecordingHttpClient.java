package dev.secretstore.emulator.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import reactor.core.publisher.Mono;

/** Wraps the SDK's HTTP client and records each exchange, so tests can see what the SDK put on the wire. */
final class RecordingHttpClient implements HttpClient {
    private final HttpClient delegate;
    private final List<Exchange> exchanges = new CopyOnWriteArrayList<>();

    RecordingHttpClient(HttpClient delegate) {
        this.delegate = delegate;
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return send(request, Context.NONE);
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return delegate.send(request, context).doOnNext(response -> record(request, response));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        HttpResponse response = delegate.sendSync(request, context);
        record(request, response);
        return response;
    }

    private void record(HttpRequest request, HttpResponse response) {
        exchanges.add(new Exchange(request.getHttpMethod().name(), request.getUrl().getPath(),
                request.getHeaders().getValue(HttpHeaderName.AUTHORIZATION),
                request.getHeaders().getValue(HttpHeaderName.CONTENT_LENGTH),
                response.getStatusCode(), response.getHeaderValue(HttpHeaderName.WWW_AUTHENTICATE)));
    }

    List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    void clear() {
        exchanges.clear();
    }

    /** What one request and its response looked like on the wire. */
    record Exchange(String method, String path, String authorization, String contentLength, int status,
                    String wwwAuthenticate) {
    }
}
