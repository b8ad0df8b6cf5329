package dev.secretstore.emulator.gcp.internal;

import com.google.gson.JsonObject;
import java.util.Map;

/** Google's JSON error envelope: {@code {"error": {"code", "message", "status"}}}. */
public final class RestErrors {
  private RestErrors() {}

  public static void send(HttpExchange ex, ApiError e) {
    JsonObject inner = new JsonObject();
    inner.addProperty("code", e.httpStatus());
    inner.addProperty("message", e.getMessage());
    inner.addProperty("status", e.code().name());
    JsonObject root = new JsonObject();
    root.add("error", inner);
    Map<String, String> headers = e.httpStatus() == 401
        ? Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")
        : Map.of();
    ex.responder().respond(e.httpStatus(), "application/json; charset=UTF-8",
        root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
  }
}
