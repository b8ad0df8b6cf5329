package dev.secretstore.emulator.gcp.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/** The documented control endpoint under {@code /_emulator/} on the HTTP port (see README). */
public final class AdminEndpoint {
  public static final String PREFIX = "/_emulator/";
  private final EmulatorCore core;
  private final Supplier<String> tokenUri;
  private final Supplier<String> certificatePem;
  private final Supplier<Map<String, String>> addresses;

  public AdminEndpoint(EmulatorCore core, Supplier<String> tokenUri, Supplier<String> certificatePem,
      Supplier<Map<String, String>> addresses) {
    this.core = core;
    this.tokenUri = tokenUri;
    this.certificatePem = certificatePem;
    this.addresses = addresses;
  }

  public void handle(HttpExchange ex) {
    try {
      route(ex, ex.path().substring(PREFIX.length()));
    } catch (IllegalArgumentException | IllegalStateException | ClassCastException | UnsupportedOperationException e) {
      RestErrors.send(ex, ApiError.invalidArgument(e.getMessage()));
    } catch (ApiError e) {
      RestErrors.send(ex, e);
    } catch (IOException e) {
      RestErrors.send(ex, new ApiError(Status.Code.INTERNAL, "I/O failure: " + e.getMessage()));
    }
  }

  private void route(HttpExchange ex, String path) throws IOException {
    String m = ex.method();
    if (path.equals("info") && m.equals("GET")) {
      JsonObject o = new JsonObject();
      addresses.get().forEach(o::addProperty);
      JsonArray accounts = new JsonArray();
      core.serviceAccounts().forEach(a -> accounts.add(a.email()));
      o.add("serviceAccounts", accounts);
      JsonArray projects = new JsonArray();
      for (Project p : core.projects()) {
        JsonObject po = new JsonObject();
        po.addProperty("id", p.id());
        po.addProperty("number", p.number());
        projects.add(po);
      }
      o.add("projects", projects);
      o.addProperty("defaultPrincipal", core.defaultPrincipal().enabled() ? core.defaultPrincipal().member() : "");
      ex.respondJson(200, o.toString());
    } else if (path.equals("state") && (m.equals("POST") || m.equals("PUT"))) {
      core.load(StateDocument.parse(new String(ex.body(), StandardCharsets.UTF_8)));
      ok(ex);
    } else if (path.equals("reset") && m.equals("POST")) {
      core.reset();
      ok(ex);
    } else if (path.startsWith("keys/")) {
      String email = path.substring("keys/".length());
      String json = core.keyFileJson(email, tokenUri.get());
      if (m.equals("GET")) {
        ex.respondJson(200, json);
      } else if (m.equals("POST")) {
        String target = body(ex).get("path").getAsString();
        writeOwnerOnly(Path.of(target), json);
        JsonObject o = new JsonObject();
        o.addProperty("path", target);
        ex.respondJson(200, o.toString());
      } else {
        notFound(ex);
      }
    } else if (path.equals("certificate") && m.equals("GET")) {
      ex.responder().respond(200, "application/x-pem-file", certificatePem.get().getBytes(StandardCharsets.US_ASCII),
          Map.of());
    } else if (path.equals("secrets") && m.equals("POST")) {
      JsonObject b = body(ex);
      Map<String, String> labels = new LinkedHashMap<>();
      if (b.has("labels")) {
        b.getAsJsonObject("labels").entrySet().forEach(e -> labels.put(e.getKey(), e.getValue().getAsString()));
      }
      List<byte[]> versions = new ArrayList<>();
      if (b.has("versions")) {
        for (JsonElement v : b.getAsJsonArray("versions")) {
          versions.add(v.isJsonPrimitive() ? v.getAsString().getBytes(StandardCharsets.UTF_8)
              : java.util.Base64.getDecoder().decode(v.getAsJsonObject().get("dataBase64").getAsString()));
        }
      }
      String name = core.plant(b.get("project").getAsString(),
          Optional.ofNullable(b.has("location") ? b.get("location").getAsString() : null),
          b.get("secretId").getAsString(), labels, versions);
      JsonObject o = new JsonObject();
      o.addProperty("name", name);
      ex.respondJson(200, o.toString());
    } else if (path.equals("faults") && m.equals("POST")) {
      JsonObject b = body(ex);
      core.faults().add(new FaultRule(b.get("code").getAsString(),
          b.has("method") ? java.util.Set.of(b.get("method").getAsString()) : java.util.Set.of(),
          b.has("times") ? b.get("times").getAsInt() : -1,
          b.has("afterApplying") && b.get("afterApplying").getAsBoolean()));
      ok(ex);
    } else if (path.equals("faults") && m.equals("DELETE")) {
      core.faults().clear();
      ok(ex);
    } else if (path.equals("latency") && (m.equals("PUT") || m.equals("POST"))) {
      core.faults().setLatency(Duration.ofMillis(body(ex).get("millis").getAsLong()));
      ok(ex);
    } else if (path.equals("quotas") && (m.equals("PUT") || m.equals("POST"))) {
      JsonObject b = body(ex);
      JsonElement limit = b.get("perMinute");
      core.quotas().setLimit(QuotaKind.valueOf(b.get("kind").getAsString()),
          limit == null || limit.isJsonNull() ? null : limit.getAsInt());
      ok(ex);
    } else if (path.equals("requests") && m.equals("GET")) {
      JsonObject o = new JsonObject();
      JsonObject by = new JsonObject();
      long total = 0;
      for (Map.Entry<String, Long> e : core.counts().snapshot().entrySet()) {
        by.addProperty(e.getKey(), e.getValue());
        total += e.getValue();
      }
      o.addProperty("total", total);
      o.add("byMethod", by);
      ex.respondJson(200, o.toString());
    } else if (path.equals("requests") && m.equals("DELETE")) {
      core.counts().clear();
      ok(ex);
    } else if (path.equals("default-principal") && (m.equals("PUT") || m.equals("POST"))) {
      core.setDefaultPrincipalEnabled(body(ex).get("enabled").getAsBoolean());
      ok(ex);
    } else {
      notFound(ex);
    }
  }

  /** Key files hold a private key: readable by the owner only where the file system supports it. */
  public static void writeOwnerOnly(Path target, String content) throws IOException {
    Path parent = target.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(target, content, StandardCharsets.UTF_8);
    try {
      Files.setPosixFilePermissions(target, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system; the file keeps its default permissions.
    }
  }

  private static JsonObject body(HttpExchange ex) {
    try {
      return JsonParser.parseString(new String(ex.body(), StandardCharsets.UTF_8)).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("the request body must be a JSON object");
    }
  }

  private static void ok(HttpExchange ex) {
    ex.respondJson(200, "{}");
  }

  private static void notFound(HttpExchange ex) {
    RestErrors.send(ex, ApiError.notFound("No admin endpoint " + ex.method() + " " + ex.path() + "."));
  }
}
