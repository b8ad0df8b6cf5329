package dev.secretstore.emulator.gcp.internal;

import java.util.List;
import java.util.Map;

/** One HTTP request as the REST and admin handlers see it; {@code respond} may be called from any thread. */
public record HttpExchange(String method, String path, Map<String, List<String>> query, Map<String, String> headers,
    byte[] body, Responder responder) {

  /** Sends the response (status, content type, body). */
  @FunctionalInterface
  public interface Responder {
    void respond(int status, String contentType, byte[] body, Map<String, String> extraHeaders);
  }

  /** Leaves out query, headers and body: they carry bearer tokens, self-signed JWTs and secret payloads. */
  @Override
  public String toString() {
    return "HttpExchange[" + method + " " + path + ", " + (body == null ? 0 : body.length) + " bytes]";
  }

  public String header(String name) {
    return headers.get(name.toLowerCase(java.util.Locale.ROOT));
  }

  public String queryFirst(String name) {
    List<String> v = query.get(name);
    return v == null || v.isEmpty() ? null : v.get(0);
  }

  public void respondJson(int status, String json) {
    responder.respond(status, "application/json; charset=UTF-8",
        json.getBytes(java.nio.charset.StandardCharsets.UTF_8), Map.of());
  }
}
