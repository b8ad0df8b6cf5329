package dev.secretstore.emulator.gcp.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.TypeRegistry;
import com.google.protobuf.util.JsonFormat;
import com.google.rpc.ErrorInfo;
import com.google.rpc.Help;
import com.google.rpc.LocalizedMessage;
import java.util.Map;

/**
 * Google's JSON error envelope: {@code {"error": {"code", "message", "status", "details"?}}}, the details in the
 * proto3 JSON form of {@code Any} ({@code "@type": "type.googleapis.com/google.rpc.ErrorInfo"}, ...), as AIP-193 shows.
 */
public final class RestErrors {
  private static final JsonFormat.Printer DETAILS = JsonFormat.printer().omittingInsignificantWhitespace()
      .usingTypeRegistry(TypeRegistry.newBuilder().add(ErrorInfo.getDescriptor()).add(Help.getDescriptor())
          .add(LocalizedMessage.getDescriptor()).build());

  private RestErrors() {}

  public static void send(HttpExchange ex, ApiError e) {
    JsonObject inner = new JsonObject();
    inner.addProperty("code", e.httpStatus());
    inner.addProperty("message", e.getMessage());
    inner.addProperty("status", e.code().name());
    if (!e.details().isEmpty()) {
      JsonArray details = new JsonArray();
      for (Any d : e.details()) {
        details.add(JsonParser.parseString(print(d)));
      }
      inner.add("details", details);
    }
    JsonObject root = new JsonObject();
    root.add("error", inner);
    Map<String, String> headers = e.httpStatus() == 401
        ? Map.of("WWW-Authenticate", "Bearer realm=\"https://accounts.google.com/\", error=\"invalid_token\"")
        : Map.of();
    ex.responder().respond(e.httpStatus(), "application/json; charset=UTF-8",
        root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), headers);
  }

  private static String print(Any detail) {
    try {
      return DETAILS.print(detail);
    } catch (InvalidProtocolBufferException unknownType) {
      throw new IllegalStateException("a status detail of a type the REST envelope cannot print", unknownType);
    }
  }
}
