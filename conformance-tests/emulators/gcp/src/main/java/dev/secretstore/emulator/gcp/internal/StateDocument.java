package dev.secretstore.emulator.gcp.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The state file, parsed: projects, default principal, service accounts (with optional keys), project-level IAM
 * bindings with optional conditions, and optional pre-existing secrets. Missing sections are empty; see README.
 */
public record StateDocument(boolean autoCreateProjects, DefaultPrincipal defaultPrincipal, List<Project> projects,
    List<AccountSpec> serviceAccounts, List<BindingSpec> bindings, List<SecretSpec> secrets) {

  /** A service-account key from the state file. Its {@code toString} leaves the private key out. */
  public record KeySpec(String keyId, String privateKeyPem) {
    @Override
    public String toString() {
      return "KeySpec[keyId=" + keyId + ", privateKeyPem=***]";
    }
  }

  public record AccountSpec(String email, String project, List<KeySpec> keys) {}

  public record BindingSpec(String resource, IamBinding binding) {}

  public record SecretSpec(String project, Optional<String> location, String secretId, Map<String, String> labels,
      List<byte[]> versions, List<String> states) {}

  public static StateDocument builtIn() {
    return parse(builtInJson());
  }

  public static String builtInJson() {
    try (InputStream in = StateDocument.class.getResourceAsStream("/dev/secretstore/emulator/gcp/default-state.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | NullPointerException e) {
      throw new IllegalStateException("the built-in state is missing from the jar", e);
    }
  }

  public static StateDocument parse(String json) {
    JsonObject root;
    try {
      root = JsonParser.parseString(json).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("state is not a JSON object: " + e.getMessage());
    }
    boolean auto = root.has("autoCreateProjects") && root.get("autoCreateProjects").getAsBoolean();
    DefaultPrincipal dp = DefaultPrincipal.BUILT_IN;
    if (root.has("defaultPrincipal")) {
      JsonObject d = root.getAsJsonObject("defaultPrincipal");
      dp = new DefaultPrincipal(!d.has("enabled") || d.get("enabled").getAsBoolean(),
          str(d, "member", DefaultPrincipal.BUILT_IN.member()), str(d, "role", DefaultPrincipal.BUILT_IN.role()));
      if (!IamRoles.isKnown(dp.role())) {
        throw new IllegalArgumentException("defaultPrincipal.role '" + dp.role() + "' is not a known role");
      }
    }
    List<Project> projects = new ArrayList<>();
    for (JsonElement e : array(root, "projects")) {
      JsonObject p = e.getAsJsonObject();
      String id = required(p, "id", "projects[]");
      if (!p.has("number")) {
        throw new IllegalArgumentException("projects[].number is required for project '" + id + "'");
      }
      projects.add(new Project(id, p.get("number").getAsLong()));
    }
    List<AccountSpec> accounts = new ArrayList<>();
    for (JsonElement e : array(root, "serviceAccounts")) {
      JsonObject a = e.getAsJsonObject();
      String email = required(a, "email", "serviceAccounts[]");
      List<KeySpec> keys = new ArrayList<>();
      for (JsonElement k : array(a, "keys")) {
        JsonObject ko = k.getAsJsonObject();
        keys.add(new KeySpec(required(ko, "keyId", "serviceAccounts[].keys[]"),
            required(ko, "privateKeyPem", "serviceAccounts[].keys[]")));
      }
      String project = str(a, "project", email.replaceAll("^[^@]*@([^.]*)\\..*$", "$1"));
      accounts.add(new AccountSpec(email, project, keys));
    }
    List<BindingSpec> bindings = new ArrayList<>();
    for (JsonElement e : array(root, "bindings")) {
      JsonObject b = e.getAsJsonObject();
      String resource = required(b, "resource", "bindings[]");
      String role = required(b, "role", "bindings[]");
      if (!IamRoles.isKnown(role)) {
        throw new IllegalArgumentException("bindings[].role '" + role + "' is not a known role");
      }
      List<String> members = new ArrayList<>();
      for (JsonElement m : array(b, "members")) {
        members.add(m.getAsString());
      }
      Optional<IamCondition> condition = Optional.empty();
      if (b.has("condition")) {
        JsonObject c = b.getAsJsonObject("condition");
        try {
          condition = Optional.of(IamCondition.parse(str(c, "title", ""), str(c, "description", ""),
              required(c, "expression", "bindings[].condition")));
        } catch (ApiError err) {
          throw new IllegalArgumentException(err.getMessage());
        }
      }
      bindings.add(new BindingSpec(resource, new IamBinding(role, members, condition)));
    }
    List<SecretSpec> secrets = new ArrayList<>();
    for (JsonElement e : array(root, "secrets")) {
      JsonObject s = e.getAsJsonObject();
      Map<String, String> labels = new LinkedHashMap<>();
      if (s.has("labels")) {
        s.getAsJsonObject("labels").entrySet().forEach(en -> labels.put(en.getKey(), en.getValue().getAsString()));
      }
      List<byte[]> data = new ArrayList<>();
      List<String> states = new ArrayList<>();
      for (JsonElement v : array(s, "versions")) {
        JsonObject vo = v.getAsJsonObject();
        byte[] bytes = vo.has("dataBase64") ? Base64.getDecoder().decode(vo.get("dataBase64").getAsString())
            : str(vo, "data", "").getBytes(StandardCharsets.UTF_8);
        String state = str(vo, "state", "ENABLED");
        // A destroyed version keeps no data; any byte will do, since destroying it wipes the data at once.
        data.add(bytes.length == 0 && "DESTROYED".equals(state) ? new byte[] {0} : bytes);
        states.add(state);
      }
      secrets.add(new SecretSpec(required(s, "project", "secrets[]"), Optional.ofNullable(str(s, "location", null)),
          required(s, "secretId", "secrets[]"), labels, data, states));
    }
    return new StateDocument(auto, dp, projects, accounts, bindings, secrets);
  }

  private static JsonArray array(JsonObject o, String name) {
    return o.has(name) ? o.getAsJsonArray(name) : new JsonArray();
  }

  private static String str(JsonObject o, String name, String fallback) {
    return o.has(name) && !o.get(name).isJsonNull() ? o.get(name).getAsString() : fallback;
  }

  private static String required(JsonObject o, String name, String where) {
    String v = str(o, name, null);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException(where + "." + name + " is required");
    }
    return v;
  }
}
