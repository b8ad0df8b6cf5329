package dev.secretstore.emulator.gcp.internal;

import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.DeleteSecretRequest;
import com.google.cloud.secretmanager.v1.DestroySecretVersionRequest;
import com.google.cloud.secretmanager.v1.DisableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.EnableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.GetSecretRequest;
import com.google.cloud.secretmanager.v1.GetSecretVersionRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.UpdateSecretRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The v1 REST mapping (the HTTP bindings of secretmanager_v1.yaml): paths, custom verbs, bodies and query
 * parameters become the same request messages the gRPC service receives.
 */
public final class RestGateway {
  private static final String PARENT = "projects/[^/:]+(?:/locations/[^/:]+)?";
  private static final String SECRET = PARENT + "/secrets/[^/:]+";
  private static final String VERSION = SECRET + "/versions/[^/:]+";
  private static final Pattern SECRETS = Pattern.compile("(" + PARENT + ")/secrets");
  private static final Pattern ONE_SECRET = Pattern.compile("(" + SECRET + ")(?::([A-Za-z]+))?");
  private static final Pattern VERSIONS = Pattern.compile("(" + SECRET + ")/versions");
  private static final Pattern ONE_VERSION = Pattern.compile("(" + VERSION + ")(?::([A-Za-z]+))?");

  private final CallDispatcher dispatcher;
  private final SecretManagerOperations ops;
  private final JsonFormat.Parser parser = JsonFormat.parser();

  public RestGateway(CallDispatcher dispatcher, SecretManagerOperations ops) {
    this.dispatcher = dispatcher;
    this.ops = ops;
  }

  public void handle(HttpExchange ex) {
    try {
      route(ex);
    } catch (ApiError e) {
      RestErrors.send(ex, e);
    }
  }

  private void route(HttpExchange ex) {
    String method = ex.method();
    String override = ex.header("X-HTTP-Method-Override");
    if (override != null && method.equals("POST")) {
      method = override.toUpperCase(java.util.Locale.ROOT);
    }
    String path = ex.path().substring("/v1/".length());
    Matcher m;
    if ((m = SECRETS.matcher(path)).matches()) {
      String parent = m.group(1);
      if (method.equals("GET")) {
        var b = ListSecretsRequest.newBuilder();
        QueryParams.apply(ex.query(), b);
        ListSecretsRequest r = b.setParent(parent).build();
        call(ex, Rpc.ListSecrets, who -> ops.listSecrets(who, r));
        return;
      }
      if (method.equals("POST")) {
        var b = CreateSecretRequest.newBuilder();
        body(ex, b.getSecretBuilder());
        QueryParams.apply(ex.query(), b);
        CreateSecretRequest r = b.setParent(parent).build();
        call(ex, Rpc.CreateSecret, who -> ops.createSecret(who, r));
        return;
      }
    } else if ((m = VERSIONS.matcher(path)).matches()) {
      if (method.equals("GET")) {
        var b = ListSecretVersionsRequest.newBuilder();
        QueryParams.apply(ex.query(), b);
        ListSecretVersionsRequest r = b.setParent(m.group(1)).build();
        call(ex, Rpc.ListSecretVersions, who -> ops.listSecretVersions(who, r));
        return;
      }
    } else if ((m = ONE_VERSION.matcher(path)).matches()) {
      if (routeVersion(ex, method, m.group(1), m.group(2))) {
        return;
      }
    } else if ((m = ONE_SECRET.matcher(path)).matches()) {
      if (routeSecret(ex, method, m.group(1), m.group(2))) {
        return;
      }
    }
    throw new ApiError(io.grpc.Status.Code.NOT_FOUND, "The requested URL " + ex.path() + " (" + method
        + ") was not found on this server.");
  }

  private boolean routeSecret(HttpExchange ex, String method, String name, String verb) {
    if (verb == null) {
      switch (method) {
        case "GET": {
          var b = GetSecretRequest.newBuilder();
          QueryParams.apply(ex.query(), b);
          GetSecretRequest r = b.setName(name).build();
          call(ex, Rpc.GetSecret, who -> ops.getSecret(who, r));
          return true;
        }
        case "PATCH": {
          var b = UpdateSecretRequest.newBuilder();
          body(ex, b.getSecretBuilder());
          QueryParams.apply(ex.query(), b);
          b.getSecretBuilder().setName(name);
          UpdateSecretRequest r = b.build();
          call(ex, Rpc.UpdateSecret, who -> ops.updateSecret(who, r));
          return true;
        }
        case "DELETE": {
          var b = DeleteSecretRequest.newBuilder();
          QueryParams.apply(ex.query(), b);
          DeleteSecretRequest r = b.setName(name).build();
          call(ex, Rpc.DeleteSecret, who -> ops.deleteSecret(who, r));
          return true;
        }
        default:
          return false;
      }
    }
    switch (method + " " + verb) {
      case "POST addVersion": {
        var b = AddSecretVersionRequest.newBuilder();
        body(ex, b);
        AddSecretVersionRequest r = b.setParent(name).build();
        call(ex, Rpc.AddSecretVersion, who -> ops.addSecretVersion(who, r));
        return true;
      }
      case "GET getIamPolicy": {
        var b = GetIamPolicyRequest.newBuilder();
        QueryParams.apply(ex.query(), b);
        GetIamPolicyRequest r = b.setResource(name).build();
        call(ex, Rpc.GetIamPolicy, who -> ops.getIamPolicy(who, r));
        return true;
      }
      case "POST setIamPolicy": {
        var b = SetIamPolicyRequest.newBuilder();
        body(ex, b);
        SetIamPolicyRequest r = b.setResource(name).build();
        call(ex, Rpc.SetIamPolicy, who -> ops.setIamPolicy(who, r));
        return true;
      }
      case "POST testIamPermissions": {
        var b = TestIamPermissionsRequest.newBuilder();
        body(ex, b);
        TestIamPermissionsRequest r = b.setResource(name).build();
        call(ex, Rpc.TestIamPermissions, who -> ops.testIamPermissions(who, r));
        return true;
      }
      default:
        return false;
    }
  }

  private boolean routeVersion(HttpExchange ex, String method, String name, String verb) {
    switch (method + " " + (verb == null ? "" : verb)) {
      case "GET ": {
        GetSecretVersionRequest r = GetSecretVersionRequest.newBuilder().setName(name).build();
        call(ex, Rpc.GetSecretVersion, who -> ops.getSecretVersion(who, r));
        return true;
      }
      case "GET access": {
        AccessSecretVersionRequest r = AccessSecretVersionRequest.newBuilder().setName(name).build();
        call(ex, Rpc.AccessSecretVersion, who -> ops.accessSecretVersion(who, r));
        return true;
      }
      case "POST disable": {
        var b = DisableSecretVersionRequest.newBuilder();
        body(ex, b);
        DisableSecretVersionRequest r = b.setName(name).build();
        call(ex, Rpc.DisableSecretVersion, who -> ops.disableSecretVersion(who, r));
        return true;
      }
      case "POST enable": {
        var b = EnableSecretVersionRequest.newBuilder();
        body(ex, b);
        EnableSecretVersionRequest r = b.setName(name).build();
        call(ex, Rpc.EnableSecretVersion, who -> ops.enableSecretVersion(who, r));
        return true;
      }
      case "POST destroy": {
        var b = DestroySecretVersionRequest.newBuilder();
        body(ex, b);
        DestroySecretVersionRequest r = b.setName(name).build();
        call(ex, Rpc.DestroySecretVersion, who -> ops.destroySecretVersion(who, r));
        return true;
      }
      default:
        return false;
    }
  }

  private void body(HttpExchange ex, Message.Builder into) {
    if (ex.body().length == 0) {
      return;
    }
    try {
      parser.merge(new String(ex.body(), StandardCharsets.UTF_8), into);
    } catch (InvalidProtocolBufferException | RuntimeException e) {
      throw ApiError.invalidArgument("Invalid JSON payload received. " + e.getMessage());
    }
  }

  private void call(HttpExchange ex, Rpc rpc, Function<Principal, ? extends Message> op) {
    String alt = ex.queryFirst("$alt");
    JsonFormat.Printer printer = JsonFormat.printer().omittingInsignificantWhitespace();
    if (alt != null && alt.contains("enum-encoding=int")) {
      printer = printer.printingEnumsAsInts();
    }
    JsonFormat.Printer p = printer;
    dispatcher.dispatch(rpc, ex.header("Authorization"), op, (response, error) -> {
      if (error != null) {
        RestErrors.send(ex, error);
        return;
      }
      try {
        ex.respondJson(200, p.print(response));
      } catch (InvalidProtocolBufferException e) {
        RestErrors.send(ex, new ApiError(io.grpc.Status.Code.INTERNAL, "Could not print the response."));
      }
    });
  }
}
