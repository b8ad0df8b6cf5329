package dev.secretstore.emulator.gcp.internal;

import com.google.cloud.secretmanager.v1.DestroySecretVersionRequest;
import com.google.cloud.secretmanager.v1.DisableSecretVersionRequest;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Everything behind both transports: state, identity, IAM, faults, quotas, counts and the operations. */
public final class EmulatorCore {
  private final Clock clock;
  private final ProjectDirectory projects = new ProjectDirectory();
  private final ServiceAccountDirectory accounts = new ServiceAccountDirectory();
  private final AccessTokens tokens = new AccessTokens();
  private volatile DefaultPrincipal defaultPrincipal = DefaultPrincipal.BUILT_IN;
  private final Authorizer authorizer = new Authorizer(() -> defaultPrincipal);
  private final Authenticator authenticator;
  private final QuotaMeter quotas;
  private final Faults faults = new Faults();
  private final RequestCounts counts = new RequestCounts();
  private final GrpcConnections connections = new GrpcConnections();
  private final SecretManagerOperations operations;
  private volatile StateDocument state;

  public EmulatorCore(StateDocument initial, Clock clock) {
    this.clock = clock;
    this.authenticator = new Authenticator(accounts, tokens, () -> defaultPrincipal, clock);
    this.quotas = new QuotaMeter(clock);
    this.operations = new SecretManagerOperations(projects, faults, authorizer, quotas, clock);
    load(initial);
  }

  public synchronized void load(StateDocument doc) {
    projects.reset(doc.projects(), doc.autoCreateProjects());
    List<ServiceAccount> list = new ArrayList<>();
    for (StateDocument.AccountSpec a : doc.serviceAccounts()) {
      List<ServiceAccountKey> keys = new ArrayList<>();
      for (StateDocument.KeySpec k : a.keys()) {
        keys.add(ServiceAccountKey.fromPem(k.keyId(), k.privateKeyPem()));
      }
      list.add(new ServiceAccount(a.email(), a.project(), keys));
    }
    accounts.reset(list);
    Map<Long, List<IamBinding>> bindings = new HashMap<>();
    for (StateDocument.BindingSpec b : doc.bindings()) {
      SecretPath p = SecretPath.parseParent(b.resource());
      Project project = projects.find(p.projectRef()).orElseThrow(() -> new IllegalArgumentException(
          "bindings[].resource '" + b.resource() + "' names a project that is not in projects[]"));
      for (String m : b.binding().members()) {
        PolicyCodec.checkMember(m);
      }
      bindings.computeIfAbsent(project.number(), n -> new ArrayList<>()).add(b.binding());
    }
    authorizer.resetProjectBindings(bindings);
    defaultPrincipal = doc.defaultPrincipal();
    tokens.clear();
    operations.clear();
    for (StateDocument.SecretSpec s : doc.secrets()) {
      String name = operations.plant(s.project(), s.location(), s.secretId(), s.labels(), s.versions());
      for (int i = 0; i < s.states().size(); i++) {
        applyState(name + "/versions/" + (i + 1), s.states().get(i));
      }
    }
    this.state = doc;
  }

  private void applyState(String versionName, String stateName) {
    Principal owner = new Principal("emulator:control");
    DefaultPrincipal saved = defaultPrincipal;
    // The control plane acts with full rights for the duration of the change.
    defaultPrincipal = new DefaultPrincipal(true, owner.member(), IamRoles.ADMIN);
    try {
      switch (stateName) {
        case "ENABLED":
          break;
        case "DISABLED":
          operations.disableSecretVersion(owner, DisableSecretVersionRequest.newBuilder().setName(versionName).build());
          break;
        case "DESTROYED":
          operations.destroySecretVersion(owner, DestroySecretVersionRequest.newBuilder().setName(versionName).build());
          break;
        default:
          throw new IllegalArgumentException("secrets[].versions[].state must be ENABLED, DISABLED or DESTROYED");
      }
    } finally {
      defaultPrincipal = saved;
    }
  }

  /** Back to the last loaded state; faults, quotas, latency and counts cleared. */
  public synchronized void reset() {
    faults.clear();
    quotas.clear();
    counts.clear();
    load(state);
  }

  public synchronized void damageStoredData(String project, Optional<String> location, String secretId, long version) {
    operations.damageStoredData(project, location, secretId, version);
  }

  public synchronized void deleteSecret(String project, Optional<String> location, String secretId) {
    operations.deleteSecret(project, location, secretId);
  }

  public synchronized void setVersionState(String project, Optional<String> location, String secretId, long version,
      com.google.cloud.secretmanager.v1.SecretVersion.State state) {
    operations.setVersionState(project, location, secretId, version, state);
  }

  public synchronized String plant(String project, Optional<String> location, String secretId,
      Map<String, String> labels, List<byte[]> versions) {
    try {
      return operations.plant(project, location, secretId, labels, versions);
    } catch (ApiError e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** The standard JSON key file of a service account (its first key), pointing token_uri at this emulator. */
  public String keyFileJson(String email, String tokenUri) {
    ServiceAccount a = accounts.byEmail(email).orElseThrow(() -> new IllegalArgumentException(
        "service account '" + email + "' is not known to the emulator"));
    ServiceAccountKey k = accounts.primaryKey(a);
    JsonObject o = new JsonObject();
    o.addProperty("type", "service_account");
    o.addProperty("project_id", a.projectId());
    o.addProperty("private_key_id", k.keyId());
    o.addProperty("private_key", k.privateKeyPem());
    o.addProperty("client_email", a.email());
    o.addProperty("client_id", Long.toUnsignedString(a.email().hashCode() & 0xffffffffL));
    o.addProperty("auth_uri", "https://accounts.google.com/o/oauth2/auth");
    o.addProperty("token_uri", tokenUri);
    o.addProperty("auth_provider_x509_cert_url", "https://www.googleapis.com/oauth2/v1/certs");
    o.addProperty("universe_domain", "googleapis.com");
    return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(o);
  }

  public void setDefaultPrincipalEnabled(boolean enabled) {
    DefaultPrincipal d = defaultPrincipal;
    defaultPrincipal = new DefaultPrincipal(enabled, d.member(), d.role());
  }

  public DefaultPrincipal defaultPrincipal() {
    return defaultPrincipal;
  }

  public List<ServiceAccount> serviceAccounts() {
    return accounts.all();
  }

  public Iterable<Project> projects() {
    return projects.all();
  }

  public Clock clock() {
    return clock;
  }

  public Authenticator authenticator() {
    return authenticator;
  }

  public AccessTokens tokens() {
    return tokens;
  }

  public GrpcConnections connections() {
    return connections;
  }

  public Faults faults() {
    return faults;
  }

  public QuotaMeter quotas() {
    return quotas;
  }

  public RequestCounts counts() {
    return counts;
  }

  public SecretManagerOperations operations() {
    return operations;
  }
}
