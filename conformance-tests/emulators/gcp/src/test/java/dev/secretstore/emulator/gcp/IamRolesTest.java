package dev.secretstore.emulator.gcp;

import static dev.secretstore.emulator.gcp.ApiErrors.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.api.gax.rpc.ApiException;
import com.google.api.gax.rpc.StatusCode.Code;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.iam.v1.Binding;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.protobuf.ByteString;
import com.google.protobuf.FieldMask;
import com.google.type.Expr;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each predefined role's allowed and refused RPCs, project- and secret-level bindings, an IAM condition, and
 * Get/Set/TestIamPermissions — all through gRPC over TLS with service-account key credentials.
 */
class IamRolesTest {
  private static final String PARENT = "projects/" + Clients.PROJECT;
  static final String CONDITIONAL = "conditional@emulator-project.iam.gserviceaccount.com";
  private static SecretManagerEmulator emulator;
  private static final Map<String, SecretManagerServiceClient> clients = new HashMap<>();
  private static final AtomicInteger counter = new AtomicInteger();

  /** The built-in accounts plus one whose accessor grant is conditioned on the secret name's prefix. */
  static String state() {
    StringBuilder accounts = new StringBuilder();
    for (String a : List.of(Clients.ADMIN, Clients.ACCESSOR, Clients.ADDER, Clients.VERSION_MANAGER, Clients.VIEWER,
        Clients.NOBODY, CONDITIONAL)) {
      accounts.append(accounts.length() == 0 ? "" : ",").append("{\"email\":\"").append(a).append("\"}");
    }
    return "{\"projects\":[{\"id\":\"emulator-project\",\"number\":100000000001}],"
        + "\"defaultPrincipal\":{\"enabled\":false},"
        + "\"serviceAccounts\":[" + accounts + "],"
        + "\"bindings\":["
        + binding("roles/secretmanager.admin", Clients.ADMIN) + ","
        + binding("roles/secretmanager.secretAccessor", Clients.ACCESSOR) + ","
        + binding("roles/secretmanager.secretVersionAdder", Clients.ADDER) + ","
        + binding("roles/secretmanager.secretVersionManager", Clients.VERSION_MANAGER) + ","
        + binding("roles/secretmanager.viewer", Clients.VIEWER) + ","
        + "{\"resource\":\"projects/emulator-project\",\"role\":\"roles/secretmanager.secretAccessor\","
        + "\"members\":[\"serviceAccount:" + CONDITIONAL + "\"],\"condition\":{\"title\":\"app secrets only\","
        + "\"expression\":\"resource.name.startsWith(\\\"projects/100000000001/secrets/app-\\\")\"}}"
        + "]}";
  }

  private static String binding(String role, String email) {
    return "{\"resource\":\"projects/emulator-project\",\"role\":\"" + role + "\",\"members\":[\"serviceAccount:"
        + email + "\"]}";
  }

  @BeforeAll
  static void start() {
    emulator = SecretManagerEmulator.builder().stateJson(state()).build().start();
    for (String a : List.of(Clients.ADMIN, Clients.ACCESSOR, Clients.ADDER, Clients.VERSION_MANAGER, Clients.VIEWER,
        Clients.NOBODY, CONDITIONAL)) {
      clients.put(a, Clients.serviceAccount(emulator, a));
    }
    admin().createSecret(PARENT, "shared", SecretLifecycleTest.automatic());
    admin().addSecretVersion(PARENT + "/secrets/shared", payload("s1"));
  }

  @AfterAll
  static void stop() {
    clients.values().forEach(SecretManagerServiceClient::close);
    emulator.stop();
  }

  private static SecretManagerServiceClient admin() {
    return clients.get(Clients.ADMIN);
  }

  private static SecretPayload payload(String s) {
    return SecretPayload.newBuilder().setData(ByteString.copyFromUtf8(s)).build();
  }

  /** A fresh secret with one version, made by the admin, for operations that change or remove things. */
  private static String scratch() {
    String name = admin().createSecret(PARENT, "scratch-" + counter.incrementAndGet(),
        SecretLifecycleTest.automatic()).getName();
    admin().addSecretVersion(name, payload("x"));
    return name;
  }

  /** Every RPC, with the permission the docs say it needs. */
  private static Map<String, Consumer<SecretManagerServiceClient>> operations() {
    String shared = PARENT + "/secrets/shared";
    Map<String, Consumer<SecretManagerServiceClient>> ops = new LinkedHashMap<>();
    ops.put("secretmanager.secrets.get", c -> c.getSecret(shared));
    ops.put("secretmanager.secrets.list", c -> c.listSecrets(PARENT).iterateAll().forEach(s -> { }));
    ops.put("secretmanager.secrets.create", c -> c.createSecret(PARENT, "made-" + counter.incrementAndGet(),
        SecretLifecycleTest.automatic()));
    ops.put("secretmanager.secrets.update", c -> c.updateSecret(Secret.newBuilder().setName(shared)
        .putLabels("touched", "yes").build(), FieldMask.newBuilder().addPaths("labels").build()));
    ops.put("secretmanager.secrets.delete", c -> {
      String s = scratch();
      c.deleteSecret(s);
    });
    ops.put("secretmanager.versions.add", c -> c.addSecretVersion(shared, payload("added")));
    ops.put("secretmanager.versions.get", c -> c.getSecretVersion(shared + "/versions/1"));
    ops.put("secretmanager.versions.list", c -> c.listSecretVersions(shared).iterateAll().forEach(v -> { }));
    ops.put("secretmanager.versions.access", c -> c.accessSecretVersion(shared + "/versions/1"));
    ops.put("secretmanager.versions.disable", c -> {
      String s = scratch();
      c.disableSecretVersion(s + "/versions/1");
    });
    ops.put("secretmanager.versions.enable", c -> {
      String s = scratch();
      c.enableSecretVersion(s + "/versions/1");
    });
    ops.put("secretmanager.versions.destroy", c -> {
      String s = scratch();
      c.destroySecretVersion(s + "/versions/1");
    });
    ops.put("secretmanager.secrets.getIamPolicy", c -> c.getIamPolicy(GetIamPolicyRequest.newBuilder()
        .setResource(shared).build()));
    ops.put("secretmanager.secrets.setIamPolicy", c -> {
      String s = scratch();
      c.setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(s).setPolicy(Policy.getDefaultInstance()).build());
    });
    return ops;
  }

  static Stream<Arguments> roles() {
    Set<String> all = operations().keySet();
    return Stream.of(
        Arguments.of("roles/secretmanager.admin", Clients.ADMIN, all),
        Arguments.of("roles/secretmanager.secretAccessor", Clients.ACCESSOR, Set.of("secretmanager.versions.access")),
        Arguments.of("roles/secretmanager.secretVersionAdder", Clients.ADDER, Set.of("secretmanager.versions.add")),
        Arguments.of("roles/secretmanager.secretVersionManager", Clients.VERSION_MANAGER, Set.of(
            "secretmanager.versions.add", "secretmanager.versions.get", "secretmanager.versions.list",
            "secretmanager.versions.disable", "secretmanager.versions.enable", "secretmanager.versions.destroy")),
        Arguments.of("roles/secretmanager.viewer", Clients.VIEWER, Set.of("secretmanager.secrets.get",
            "secretmanager.secrets.list", "secretmanager.versions.get", "secretmanager.versions.list",
            "secretmanager.secrets.getIamPolicy")),
        Arguments.of("no role", Clients.NOBODY, Set.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("roles")
  void eachRoleAllowsExactlyItsDocumentedPermissions(String role, String account, Set<String> allowed) {
    SecretManagerServiceClient client = clients.get(account);
    for (Map.Entry<String, Consumer<SecretManagerServiceClient>> op : operations().entrySet()) {
      Throwable t = catchThrowable(() -> op.getValue().accept(client));
      if (allowed.contains(op.getKey())) {
        assertThat(t).as(role + " should be allowed " + op.getKey()).isNull();
      } else {
        assertThat(t).as(role + " should be refused " + op.getKey()).isInstanceOf(ApiException.class);
        ApiException e = (ApiException) t;
        assertThat(e.getStatusCode().getCode()).as(e.getMessage()).isEqualTo(Code.PERMISSION_DENIED);
        assertThat(e.getMessage()).contains("Permission '" + op.getKey() + "' denied for resource '")
            .contains("(or it may not exist).");
      }
    }
  }

  @Test
  void refusalNamesTheResourceAndHidesExistence() {
    assertFails(() -> clients.get(Clients.NOBODY).accessSecretVersion(PARENT + "/secrets/shared/versions/latest"),
        Code.PERMISSION_DENIED, "Permission 'secretmanager.versions.access' denied for resource '" + PARENT
            + "/secrets/shared/versions/latest' (or it may not exist).");
    assertFails(() -> clients.get(Clients.NOBODY).getSecret(PARENT + "/secrets/does-not-exist"),
        Code.PERMISSION_DENIED, "Permission 'secretmanager.secrets.get' denied for resource '" + PARENT
            + "/secrets/does-not-exist' (or it may not exist).");
    assertFails(() -> admin().getSecret(PARENT + "/secrets/does-not-exist"), Code.NOT_FOUND, "not found");
  }

  @Test
  void stateWithTheDefaultPrincipalSwitchedOffRefusesCredentialLessCalls() {
    try (SecretManagerServiceClient anonymous = Clients.plaintext(emulator)) {
      assertFails(() -> anonymous.getSecret(PARENT + "/secrets/shared"), Code.UNAUTHENTICATED,
          "Request is missing required authentication credential");
    }
  }

  @Test
  void conditionOnResourceNamePrefixLimitsTheGrant() {
    String app = admin().createSecret(PARENT, "app-conditional", SecretLifecycleTest.automatic()).getName();
    admin().addSecretVersion(app, payload("app"));
    String other = admin().createSecret(PARENT, "db-conditional", SecretLifecycleTest.automatic()).getName();
    admin().addSecretVersion(other, payload("db"));
    SecretManagerServiceClient c = clients.get(CONDITIONAL);
    assertThat(c.accessSecretVersion(PARENT + "/secrets/app-conditional/versions/latest").getPayload().getData()
        .toStringUtf8()).isEqualTo("app");
    assertFails(() -> c.accessSecretVersion(PARENT + "/secrets/db-conditional/versions/latest"),
        Code.PERMISSION_DENIED, "Permission 'secretmanager.versions.access' denied");
  }

  @Test
  void secretLevelPolicyGrantsOnThatSecretOnly() {
    String granted = admin().createSecret(PARENT, "granted", SecretLifecycleTest.automatic()).getName();
    admin().addSecretVersion(granted, payload("g"));
    Policy empty = admin().getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(granted).build());
    assertThat(empty.getBindingsList()).isEmpty();

    Policy set = admin().setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(granted).setPolicy(Policy
        .newBuilder().addBindings(Binding.newBuilder().setRole("roles/secretmanager.secretAccessor")
            .addMembers("serviceAccount:" + Clients.NOBODY))).build());
    assertThat(set.getEtag()).isNotEmpty();
    Policy read = admin().getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(granted).build());
    assertThat(read.getBindingsList()).extracting(Binding::getRole).containsExactly(
        "roles/secretmanager.secretAccessor");
    assertThat(read.getEtag()).isEqualTo(set.getEtag());

    SecretManagerServiceClient nobody = clients.get(Clients.NOBODY);
    assertThat(nobody.accessSecretVersion(granted + "/versions/1").getPayload().getData().toStringUtf8())
        .isEqualTo("g");
    assertFails(() -> nobody.accessSecretVersion(PARENT + "/secrets/shared/versions/1"), Code.PERMISSION_DENIED,
        "denied");
    assertFails(() -> nobody.getSecret(granted), Code.PERMISSION_DENIED, "secretmanager.secrets.get");

    assertThat(nobody.testIamPermissions(TestIamPermissionsRequest.newBuilder().setResource(granted)
        .addPermissions("secretmanager.versions.access").addPermissions("secretmanager.secrets.get")
        .addPermissions("secretmanager.versions.add").build()).getPermissionsList())
        .containsExactly("secretmanager.versions.access");
    assertThat(clients.get(Clients.VERSION_MANAGER).testIamPermissions(TestIamPermissionsRequest.newBuilder()
        .setResource(granted).addPermissions("secretmanager.versions.access")
        .addPermissions("secretmanager.versions.destroy").build()).getPermissionsList())
        .containsExactly("secretmanager.versions.destroy");
    assertThat(nobody.testIamPermissions(TestIamPermissionsRequest.newBuilder().setResource(PARENT
        + "/secrets/missing").addPermissions("secretmanager.versions.access").build()).getPermissionsList())
        .as("a missing secret yields an empty set, not NOT_FOUND").isEmpty();

    assertFails(() -> admin().setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(granted).setPolicy(
        Policy.newBuilder().setEtag(ByteString.copyFromUtf8("stale"))).build()), Code.ABORTED, "concurrent");
    assertFails(() -> admin().setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(granted).setPolicy(
        Policy.newBuilder().addBindings(Binding.newBuilder().setRole("roles/owner").addMembers("allUsers"))).build()),
        Code.INVALID_ARGUMENT, "Role roles/owner is not supported");
    Binding conditional = Binding.newBuilder().setRole("roles/secretmanager.viewer")
        .addMembers("serviceAccount:" + Clients.NOBODY).setCondition(Expr.newBuilder().setTitle("t")
            .setExpression("resource.name.startsWith(\"" + granted + "\")")).build();
    assertFails(() -> admin().setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(granted).setPolicy(
        Policy.newBuilder().setVersion(1).addBindings(conditional)).build()), Code.INVALID_ARGUMENT, "version must be 3");
    admin().setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(granted).setPolicy(
        Policy.newBuilder().setVersion(3).addBindings(conditional)).build());
    assertThat(nobody.getSecret(granted).getName()).isEqualTo(granted);
    assertFails(() -> nobody.accessSecretVersion(granted + "/versions/1"), Code.PERMISSION_DENIED,
        "Permission 'secretmanager.versions.access' denied");
  }

  @Test
  void aPolicyWithoutConditionsIsVersionOneWhateverVersionWasSent() {
    // IAM's documented behaviour, seen with gcloud, which sends version 3 with every add-iam-policy-binding.
    String name = admin().createSecret(PARENT, "policy-version", SecretLifecycleTest.automatic()).getName();
    Binding accessor = Binding.newBuilder().setRole("roles/secretmanager.secretAccessor")
        .addMembers("serviceAccount:" + Clients.NOBODY).build();
    Policy plain = admin().setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(name).setPolicy(
        Policy.newBuilder().setVersion(3).addBindings(accessor)).build());
    assertThat(plain.getVersion()).isEqualTo(1);
    assertThat(admin().getIamPolicy(GetIamPolicyRequest.newBuilder().setResource(name).build()).getVersion())
        .isEqualTo(1);

    Binding conditional = accessor.toBuilder().setCondition(Expr.newBuilder().setTitle("t")
        .setExpression("resource.name.startsWith(\"" + name + "\")")).build();
    assertThat(admin().setIamPolicy(SetIamPolicyRequest.newBuilder().setResource(name).setPolicy(
        Policy.newBuilder().setVersion(3).addBindings(conditional)).build()).getVersion()).isEqualTo(3);
  }
}
