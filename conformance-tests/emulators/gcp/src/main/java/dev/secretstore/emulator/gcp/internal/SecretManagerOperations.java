package dev.secretstore.emulator.gcp.internal;

import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.AddSecretVersionRequest;
import com.google.cloud.secretmanager.v1.CreateSecretRequest;
import com.google.cloud.secretmanager.v1.DeleteSecretRequest;
import com.google.cloud.secretmanager.v1.DestroySecretVersionRequest;
import com.google.cloud.secretmanager.v1.DisableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.EnableSecretVersionRequest;
import com.google.cloud.secretmanager.v1.GetSecretRequest;
import com.google.cloud.secretmanager.v1.GetSecretVersionRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsResponse;
import com.google.cloud.secretmanager.v1.ListSecretsRequest;
import com.google.cloud.secretmanager.v1.ListSecretsResponse;
import com.google.cloud.secretmanager.v1.ReplicationStatus;
import com.google.cloud.secretmanager.v1.Secret;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.cloud.secretmanager.v1.SecretVersion;
import com.google.cloud.secretmanager.v1.UpdateSecretRequest;
import com.google.iam.v1.GetIamPolicyRequest;
import com.google.iam.v1.Policy;
import com.google.iam.v1.SetIamPolicyRequest;
import com.google.iam.v1.TestIamPermissionsRequest;
import com.google.iam.v1.TestIamPermissionsResponse;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import com.google.protobuf.Timestamp;
import com.google.protobuf.util.FieldMaskUtil;
import io.grpc.Status;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The service's behaviour, transport-neutral: every method checks the project, quota and IAM permission first
 * (so a caller without permission learns nothing about existence), then validates and acts on the store.
 */
public final class SecretManagerOperations {
  static final int MAX_PAYLOAD_BYTES = 64 * 1024;
  /** The quotas page's content limit on aliases per secret. */
  private static final int MAX_ALIASES = 50;
  /** resources.proto: at most 63 letters, digits, '-' and '_', starting with a letter; never 'latest' or 'NEW'. */
  private static final java.util.regex.Pattern ALIAS = java.util.regex.Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");
  private static final java.util.Comparator<Secret> NEWEST_FIRST = java.util.Comparator
      .comparing((Secret s) -> s.getCreateTime().getSeconds()).thenComparing(s -> s.getCreateTime().getNanos())
      .reversed().thenComparing(Secret::getName);
  private static final String SECRET_TYPE = "secretmanager.googleapis.com/Secret";
  private static final String VERSION_TYPE = "secretmanager.googleapis.com/SecretVersion";
  private static final String PROJECT_TYPE = "cloudresourcemanager.googleapis.com/Project";
  private static final String LOCATION_TYPE = "secretmanager.googleapis.com/Location";

  private final ProjectDirectory projects;
  private final Faults faults;
  private final Authorizer authorizer;
  private final QuotaMeter quotas;
  private final Clock clock;
  private final TreeMap<String, StoredSecret> secrets = new TreeMap<>();
  private final AtomicLong etagCounter = new AtomicLong();

  public SecretManagerOperations(ProjectDirectory projects, Faults faults, Authorizer authorizer, QuotaMeter quotas,
      Clock clock) {
    this.projects = projects;
    this.faults = faults;
    this.authorizer = authorizer;
    this.quotas = quotas;
    this.clock = clock;
  }

  public synchronized void clear() {
    secrets.clear();
  }

  // ---- secrets ----

  public synchronized Secret createSecret(Principal who, CreateSecretRequest r) {
    SecretPath parent = SecretPath.parseParent(r.getParent());
    Project project = enter(Rpc.CreateSecret, parent, r.getParent());
    requireOn(who, Rpc.CreateSecret.permission(), project, parent.canonical(project), r.getParent(),
        parent.location().isPresent() ? LOCATION_TYPE : PROJECT_TYPE, List.of());
    SecretIdRule.check(r.getSecretId());
    Secret in = r.getSecret();
    ReplicationRule.check(parent, in);
    LabelRules.checkLabels(in.getLabelsMap());
    LabelRules.checkAnnotations(in.getAnnotationsMap());
    SecretPath path = parent.withSecret(r.getSecretId());
    String name = path.canonical(project);
    if (secrets.containsKey(name)) {
      throw new ApiError(Status.Code.ALREADY_EXISTS, "Secret [" + name + "] already exists.");
    }
    Secret meta = withExpiry(in.toBuilder()).setName(name).setCreateTime(now()).setEtag(newEtag()).build();
    secrets.put(name, new StoredSecret(project, meta));
    return meta;
  }

  public synchronized Secret getSecret(Principal who, GetSecretRequest r) {
    SecretPath path = SecretPath.parseSecret(r.getName(), "name");
    Project project = enter(Rpc.GetSecret, path, r.getName());
    StoredSecret s = secretFor(who, Rpc.GetSecret.permission(), project, path, r.getName());
    return existing(s, path, project).meta;
  }

  public synchronized ListSecretsResponse listSecrets(Principal who, ListSecretsRequest r) {
    SecretPath parent = SecretPath.parseParent(r.getParent());
    Project project = enter(Rpc.ListSecrets, parent, r.getParent());
    requireOn(who, Rpc.ListSecrets.permission(), project, parent.canonical(project), r.getParent(),
        parent.location().isPresent() ? LOCATION_TYPE : PROJECT_TYPE, List.of());
    ListFilter filter = ListFilter.parse(r.getFilter());
    String prefix = parent.canonical(project) + "/secrets/";
    List<Secret> matching = new ArrayList<>();
    for (StoredSecret s : secrets.tailMap(prefix).values()) {
      if (!s.meta.getName().startsWith(prefix)) {
        break;
      }
      if (filter.matches(FilterTargets.of(s.meta))) {
        matching.add(s.meta);
      }
    }
    // service.proto: "sorted in reverse by create_time (newest first)".
    matching.sort(NEWEST_FIRST);
    Page<Secret> page = Page.of(matching, r.getPageSize(), r.getPageToken(), Secret::getName);
    if (!page.items().isEmpty() && faults.takeEmptyPage(Rpc.ListSecrets.name())) {
      return ListSecretsResponse.newBuilder().setNextPageToken(Page.resumeToken(r.getPageToken()))
          .setTotalSize(totalSize(r.getFilter(), matching)).build();
    }
    return ListSecretsResponse.newBuilder().addAllSecrets(page.items()).setNextPageToken(page.nextToken())
        .setTotalSize(totalSize(r.getFilter(), matching)).build();
  }

  public synchronized Secret updateSecret(Principal who, UpdateSecretRequest r) {
    SecretPath path = SecretPath.parseSecret(r.getSecret().getName(), "secret.name");
    Project project = enter(Rpc.UpdateSecret, path, r.getSecret().getName());
    StoredSecret s = existing(secretFor(who, Rpc.UpdateSecret.permission(), project, path,
        r.getSecret().getName()), path, project);
    if (r.getUpdateMask().getPathsCount() == 0) {
      throw ApiError.invalidArgument("update_mask must contain at least one path.");
    }
    Set<String> updatable = Set.of("labels", "annotations", "version_aliases", "expire_time", "ttl", "topics",
        "rotation", "version_destroy_ttl");
    for (String p : r.getUpdateMask().getPathsList()) {
      if (!updatable.contains(p)) {
        throw ApiError.invalidArgument("update_mask path '" + p + "' cannot be updated; updatable fields are "
            + new java.util.TreeSet<>(updatable) + ".");
      }
    }
    checkEtag(r.getSecret().getEtag(), s.meta.getEtag());
    Secret.Builder b = s.meta.toBuilder();
    FieldMaskUtil.merge(r.getUpdateMask(), r.getSecret(), b,
        new FieldMaskUtil.MergeOptions().setReplaceRepeatedFields(true)
            .setReplaceMessageFields(true).setReplacePrimitiveFields(true));
    LabelRules.checkLabels(b.getLabelsMap());
    LabelRules.checkAnnotations(b.getAnnotationsMap());
    if (b.getVersionAliasesCount() > MAX_ALIASES) {
      throw ApiError.invalidArgument("A secret may have at most " + MAX_ALIASES + " version aliases; got "
          + b.getVersionAliasesCount() + ".");
    }
    for (Map.Entry<String, Long> alias : b.getVersionAliasesMap().entrySet()) {
      String a = alias.getKey();
      if (!ALIAS.matcher(a).matches() || a.equals("latest") || a.equals("NEW")) {
        throw ApiError.invalidArgument("Version alias '" + a + "' is invalid: an alias has at most 63 letters, digits, "
            + "'-' or '_', starts with a letter, and is not 'latest' or 'NEW'.");
      }
      if (!s.versions.containsKey(alias.getValue())) {
        throw ApiError.invalidArgument("Version alias '" + alias.getKey() + "' refers to version "
            + alias.getValue() + ", which does not exist.");
      }
    }
    s.meta = withExpiry(b).setEtag(newEtag()).build();
    return s.meta;
  }

  public synchronized Empty deleteSecret(Principal who, DeleteSecretRequest r) {
    SecretPath path = SecretPath.parseSecret(r.getName(), "name");
    Project project = enter(Rpc.DeleteSecret, path, r.getName());
    StoredSecret s = existing(secretFor(who, Rpc.DeleteSecret.permission(), project, path, r.getName()), path,
        project);
    checkEtag(r.getEtag(), s.meta.getEtag());
    secrets.remove(s.meta.getName());
    return Empty.getDefaultInstance();
  }

  // ---- versions ----

  public synchronized SecretVersion addSecretVersion(Principal who, AddSecretVersionRequest r) {
    SecretPath path = SecretPath.parseSecret(r.getParent(), "parent");
    Project project = enter(Rpc.AddSecretVersion, path, r.getParent());
    StoredSecret s = existing(secretFor(who, Rpc.AddSecretVersion.permission(), project, path, r.getParent()), path,
        project);
    SecretPayload payload = r.getPayload();
    byte[] data = payload.getData().toByteArray();
    if (data.length == 0) {
      // Google refuses an empty version (recorded: HTTP 400 "Field [payload] is required." for data "").
      throw ApiError.invalidArgument("Field [payload] is required.");
    }
    if (data.length > MAX_PAYLOAD_BYTES) {
      throw ApiError.invalidArgument("Secret payload is " + data.length + " bytes; it must be no larger than 64KiB ("
          + MAX_PAYLOAD_BYTES + " bytes).");
    }
    if (faults.takeIncomingPayloadDamage()) {
      data[0] ^= 1; // damaged on its way in, after the client computed its data_crc32c
    }
    long crc = Crc32c.of(data);
    if (payload.hasDataCrc32C() && payload.getDataCrc32C() != crc) {
      throw ApiError.invalidArgument("Checksum mismatch: the payload's data_crc32c does not match the CRC32C of "
          + "its data; the data was corrupted in transit.");
    }
    return addVersion(s, path, project, data, crc, payload.hasDataCrc32C());
  }

  private SecretVersion addVersion(StoredSecret s, SecretPath path, Project project, byte[] data, long crc,
      boolean clientChecksum) {
    long number = ++s.lastVersion;
    SecretVersion.Builder meta = SecretVersion.newBuilder()
        .setName(path.secretOnly().withVersion(Long.toString(number)).canonical(project))
        .setCreateTime(now()).setState(SecretVersion.State.ENABLED).setEtag(newEtag())
        .setClientSpecifiedPayloadChecksum(clientChecksum);
    if (s.meta.getReplication().hasAutomatic()) {
      meta.setReplicationStatus(ReplicationStatus.newBuilder()
          .setAutomatic(ReplicationStatus.AutomaticStatus.getDefaultInstance()));
    } else if (s.meta.getReplication().hasUserManaged()) {
      var um = ReplicationStatus.UserManagedStatus.newBuilder();
      for (var replica : s.meta.getReplication().getUserManaged().getReplicasList()) {
        um.addReplicas(ReplicationStatus.UserManagedStatus.ReplicaStatus.newBuilder()
            .setLocation(replica.getLocation()));
      }
      meta.setReplicationStatus(ReplicationStatus.newBuilder().setUserManaged(um));
    }
    StoredVersion v = new StoredVersion(number, meta.build(), data, crc);
    s.versions.put(number, v);
    return v.meta;
  }

  public synchronized SecretVersion getSecretVersion(Principal who, GetSecretVersionRequest r) {
    SecretPath path = SecretPath.parseVersion(r.getName());
    Project project = enter(Rpc.GetSecretVersion, path, r.getName());
    return version(who, Rpc.GetSecretVersion.permission(), project, path, r.getName()).meta;
  }

  public synchronized AccessSecretVersionResponse accessSecretVersion(Principal who, AccessSecretVersionRequest r) {
    SecretPath path = SecretPath.parseVersion(r.getName());
    Project project = enter(Rpc.AccessSecretVersion, path, r.getName());
    StoredVersion v = version(who, Rpc.AccessSecretVersion.permission(), project, path, r.getName());
    requireEnabled(v);
    return AccessSecretVersionResponse.newBuilder().setName(v.meta.getName())
        .setPayload(SecretPayload.newBuilder().setData(ByteString.copyFrom(v.data)).setDataCrc32C(v.crc32c))
        .build();
  }

  public synchronized ListSecretVersionsResponse listSecretVersions(Principal who, ListSecretVersionsRequest r) {
    SecretPath path = SecretPath.parseSecret(r.getParent(), "parent");
    Project project = enter(Rpc.ListSecretVersions, path, r.getParent());
    StoredSecret s = existing(secretFor(who, Rpc.ListSecretVersions.permission(), project, path, r.getParent()), path,
        project);
    ListFilter filter = ListFilter.parse(r.getFilter());
    List<SecretVersion> matching = new ArrayList<>();
    for (StoredVersion v : s.versions.descendingMap().values()) {
      if (filter.matches(FilterTargets.of(v.meta))) {
        matching.add(v.meta);
      }
    }
    Page<SecretVersion> page = Page.of(matching, r.getPageSize(), r.getPageToken(), SecretVersion::getName);
    if (!page.items().isEmpty() && faults.takeEmptyPage(Rpc.ListSecretVersions.name())) {
      return ListSecretVersionsResponse.newBuilder().setNextPageToken(Page.resumeToken(r.getPageToken()))
          .setTotalSize(totalSize(r.getFilter(), matching)).build();
    }
    return ListSecretVersionsResponse.newBuilder().addAllVersions(page.items()).setNextPageToken(page.nextToken())
        .setTotalSize(totalSize(r.getFilter(), matching)).build();
  }

  public synchronized SecretVersion disableSecretVersion(Principal who, DisableSecretVersionRequest r) {
    StoredVersion v = versionToChangeState(who, Rpc.DisableSecretVersion, r.getName(), r.getEtag());
    return setState(v, SecretVersion.State.DISABLED);
  }

  public synchronized SecretVersion enableSecretVersion(Principal who, EnableSecretVersionRequest r) {
    StoredVersion v = versionToChangeState(who, Rpc.EnableSecretVersion, r.getName(), r.getEtag());
    return setState(v, SecretVersion.State.ENABLED);
  }

  /** The checks every state change shares: permission, etag, and a destroyed version stays destroyed. */
  private StoredVersion versionToChangeState(Principal who, Rpc rpc, String name, String etag) {
    SecretPath path = SecretPath.parseVersion(name);
    Project project = enter(rpc, path, name);
    StoredVersion v = version(who, rpc.permission(), project, path, name);
    checkEtag(etag, v.meta.getEtag());
    requireNotDestroyed(v);
    return v;
  }

  public synchronized SecretVersion destroySecretVersion(Principal who, DestroySecretVersionRequest r) {
    StoredVersion v = versionToChangeState(who, Rpc.DestroySecretVersion, r.getName(), r.getEtag());
    v.data = new byte[0];
    v.crc32c = 0;
    v.meta = v.meta.toBuilder().setDestroyTime(now()).build();
    return setState(v, SecretVersion.State.DESTROYED);
  }

  private SecretVersion setState(StoredVersion v, SecretVersion.State state) {
    v.meta = v.meta.toBuilder().setState(state).setEtag(newEtag()).build();
    return v.meta;
  }

  private static void requireEnabled(StoredVersion v) {
    if (v.meta.getState() != SecretVersion.State.ENABLED) {
      throw ApiError.failedPrecondition("Secret Version [" + v.meta.getName() + "] is in " + v.meta.getState()
          + " state.");
    }
  }

  private static void requireNotDestroyed(StoredVersion v) {
    if (v.meta.getState() == SecretVersion.State.DESTROYED) {
      throw ApiError.failedPrecondition("Secret Version [" + v.meta.getName() + "] is in DESTROYED state.");
    }
  }

  // ---- IAM ----

  public synchronized Policy getIamPolicy(Principal who, GetIamPolicyRequest r) {
    SecretPath path = SecretPath.parseSecret(r.getResource(), "resource");
    Project project = enter(Rpc.GetIamPolicy, path, r.getResource());
    StoredSecret s = existing(secretFor(who, Rpc.GetIamPolicy.permission(), project, path, r.getResource()),
        path, project);
    return s.policy;
  }

  public synchronized Policy setIamPolicy(Principal who, SetIamPolicyRequest r) {
    SecretPath path = SecretPath.parseSecret(r.getResource(), "resource");
    Project project = enter(Rpc.SetIamPolicy, path, r.getResource());
    StoredSecret s = existing(secretFor(who, Rpc.SetIamPolicy.permission(), project, path, r.getResource()),
        path, project);
    Policy in = r.getPolicy();
    if (!in.getEtag().isEmpty() && !in.getEtag().equals(s.policy.getEtag())) {
      throw new ApiError(Status.Code.ABORTED, "There were concurrent policy changes. Please retry the whole "
          + "read-modify-write with exponential backoff.");
    }
    List<IamBinding> bindings = PolicyCodec.toBindings(in);
    s.bindings = bindings;
    // As documented for IAM: a policy without conditional bindings comes back as version 1 even when version 3
    // was sent (gcloud always sends 3).
    boolean conditional = in.getBindingsList().stream().anyMatch(b -> b.hasCondition());
    s.policy = in.toBuilder().setVersion(conditional ? 3 : Math.min(in.getVersion(), 1))
        .setEtag(ByteString.copyFromUtf8(newEtag())).build();
    return s.policy;
  }

  public synchronized TestIamPermissionsResponse testIamPermissions(Principal who, TestIamPermissionsRequest r) {
    SecretPath path = SecretPath.parseSecret(r.getResource(), "resource");
    Project project = enter(Rpc.TestIamPermissions, path, r.getResource());
    for (String p : r.getPermissionsList()) {
      if (p.contains("*")) {
        throw ApiError.invalidArgument("Permissions with wildcards (" + p + ") are not allowed.");
      }
    }
    TestIamPermissionsResponse.Builder out = TestIamPermissionsResponse.newBuilder();
    StoredSecret s = secrets.get(path.canonical(project));
    if (s == null) {
      return out.build();
    }
    for (String p : r.getPermissionsList()) {
      if (authorizer.allows(who, p, project, s.meta.getName(), SECRET_TYPE, s.bindings)) {
        out.addPermissions(p);
      }
    }
    return out.build();
  }

  // ---- planting (control API) ----

  /** Creates a secret and versions as another party would have, bypassing IAM and quotas. */
  /**
   * Flips one bit of a stored version's data and keeps its recorded CRC32C, so that AccessSecretVersion answers
   * with a checksum the data no longer matches (damage in storage or on the way). For data-integrity tests.
   */
  public synchronized void damageStoredData(String projectRef, Optional<String> location, String secretId,
      long version) {
    Project project = projects.find(projectRef).orElseThrow(() -> new IllegalArgumentException(
        "project '" + projectRef + "' is not known to the emulator"));
    StoredSecret s = secrets.get(new SecretPath(projectRef, location, secretId, null).canonical(project));
    StoredVersion v = s == null ? null : s.versions.get(version);
    if (v == null || v.data == null || v.data.length == 0) {
      throw new IllegalArgumentException("no stored data for version " + version + " of secret '" + secretId + "'");
    }
    v.data[0] ^= 1;
  }

  /** service.proto: "The total number of [secrets or versions] but 0 when the [...] filter field is set." */
  private static int totalSize(String filter, List<?> matching) {
    return filter.isEmpty() ? matching.size() : 0;
  }

  /** A deletion as DeleteSecret makes it (the secret and its versions gone), without a request (for the control API). */
  public synchronized void deleteSecret(String projectRef, Optional<String> location, String secretId) {
    Project project = projects.find(projectRef).orElseThrow(() -> new IllegalArgumentException(
        "project '" + projectRef + "' is not known to the emulator"));
    if (secrets.remove(new SecretPath(projectRef, location, secretId, null).canonical(project)) == null) {
      throw new IllegalArgumentException("no secret '" + secretId + "'");
    }
  }

  /** A state change as Enable/Disable/DestroySecretVersion make it, without a request (for the control API). */
  public synchronized void setVersionState(String projectRef, Optional<String> location, String secretId,
      long version, SecretVersion.State state) {
    Project project = projects.find(projectRef).orElseThrow(() -> new IllegalArgumentException(
        "project '" + projectRef + "' is not known to the emulator"));
    StoredSecret s = secrets.get(new SecretPath(projectRef, location, secretId, null).canonical(project));
    StoredVersion v = s == null ? null : s.versions.get(version);
    if (v == null) {
      throw new IllegalArgumentException("no version " + version + " of secret '" + secretId + "'");
    }
    if (v.meta.getState() == SecretVersion.State.DESTROYED || state == SecretVersion.State.STATE_UNSPECIFIED
        || state == SecretVersion.State.UNRECOGNIZED) {
      throw new IllegalArgumentException("a destroyed version stays destroyed; the state must be ENABLED, DISABLED or "
          + "DESTROYED");
    }
    if (state == SecretVersion.State.DESTROYED) {
      v.data = new byte[0];
      v.crc32c = 0;
      v.meta = v.meta.toBuilder().setDestroyTime(now()).build();
    }
    setState(v, state);
  }

  public synchronized String plant(String projectRef, Optional<String> location, String secretId,
      Map<String, String> labels, List<byte[]> versionData) {
    Project project = projects.find(projectRef).orElseThrow(() -> new IllegalArgumentException(
        "project '" + projectRef + "' is not known to the emulator"));
    SecretIdRule.check(secretId);
    LabelRules.checkLabels(labels);
    SecretPath path = new SecretPath(projectRef, location, secretId, null);
    String name = path.canonical(project);
    if (secrets.containsKey(name)) {
      // Another party could not have created it twice either; replacing it would hide a test's mistake.
      throw new IllegalArgumentException("secret '" + name + "' already exists; delete it or reset first");
    }
    Secret.Builder meta = Secret.newBuilder().setName(name).setCreateTime(now()).setEtag(newEtag())
        .putAllLabels(labels);
    if (location.isEmpty()) {
      meta.setReplication(com.google.cloud.secretmanager.v1.Replication.newBuilder()
          .setAutomatic(com.google.cloud.secretmanager.v1.Replication.Automatic.getDefaultInstance()));
    }
    // Check every version before storing anything, so a refused plant leaves no half-made secret.
    for (byte[] d : versionData) {
      if (d.length > MAX_PAYLOAD_BYTES) {
        throw new IllegalArgumentException("a planted version of '" + secretId + "' is larger than 64KiB");
      }
      if (d.length == 0) {
        throw new IllegalArgumentException("a planted version of '" + secretId + "' is empty; Secret Manager "
            + "refuses empty payloads, so no one else could have made it");
      }
    }
    StoredSecret s = new StoredSecret(project, meta.build());
    secrets.put(name, s);
    for (byte[] d : versionData) {
      addVersion(s, path, project, d.clone(), Crc32c.of(d), false);
    }
    return name;
  }

  // ---- helpers ----

  /** Resolves the project (unknown projects look like missing permission, as on Google) and charges quota. */
  private Project enter(Rpc rpc, SecretPath path, String asWritten) {
    purgeExpired();
    Optional<Project> project = projects.find(path.projectRef());
    if (project.isEmpty()) {
      // The front end refuses a project that does not exist before any permission check (error_reason.proto).
      throw ServiceErrors.consumerInvalid(path.projectRef());
    }
    Optional<ApiError> refused = faults.nextForProject(rpc.name(), project.get(), path.projectRef());
    if (refused.isPresent()) {
      throw refused.get();
    }
    quotas.charge(rpc.quotaKind(), project.get());
    return project.get();
  }

  private void requireOn(Principal who, String permission, Project project, String canonical, String asWritten,
      String type, List<IamBinding> resourceBindings) {
    if (!authorizer.allows(who, permission, project, canonical, type, resourceBindings)) {
      throw ApiError.permissionDenied(permission, asWritten);
    }
  }

  /** Checks the permission on the secret (using its own policy when it exists); returns it or null. */
  private StoredSecret secretFor(Principal who, String permission, Project project, SecretPath path,
      String asWritten) {
    String canonicalSecret = path.secretOnly().canonical(project);
    StoredSecret s = secrets.get(canonicalSecret);
    String resource = path.canonical(project);
    String type = path.version() == null ? SECRET_TYPE : VERSION_TYPE;
    requireOn(who, permission, project, resource, asWritten, type, s == null ? List.of() : s.bindings);
    return s;
  }

  private static StoredSecret existing(StoredSecret s, SecretPath path, Project project) {
    if (s == null) {
      throw ApiError.notFound("Secret [" + path.secretOnly().canonical(project) + "] not found.");
    }
    return s;
  }

  private StoredVersion version(Principal who, String permission, Project project, SecretPath path,
      String asWritten) {
    StoredSecret s = secretFor(who, permission, project, path, asWritten);
    String secretName = path.secretOnly().canonical(project);
    if (s == null) {
      throw ApiError.notFound("Secret [" + secretName + "] not found or has no versions.");
    }
    String v = path.version();
    StoredVersion found;
    if (v.equals("latest")) {
      found = s.latest().orElseThrow(() -> ApiError.notFound("Secret [" + secretName
          + "] not found or has no versions."));
    } else if (v.matches("[1-9][0-9]{0,18}")) {
      found = s.versions.get(Long.parseLong(v));
    } else if (s.meta.getVersionAliasesMap().containsKey(v)) {
      found = s.versions.get(s.meta.getVersionAliasesMap().get(v));
    } else {
      throw ApiError.notFound("Secret Version [" + path.canonical(project) + "] not found.");
    }
    if (found == null) {
      throw ApiError.notFound("Secret Version [" + path.canonical(project) + "] not found.");
    }
    return found;
  }

  /**
   * resources.proto: {@code ttl} is input only and sets {@code expire_time}, which is always given on output; an
   * expiration in the past is refused.
   */
  private Secret.Builder withExpiry(Secret.Builder b) {
    if (b.hasTtl()) {
      if (b.getTtl().getSeconds() < 0 || (b.getTtl().getSeconds() == 0 && b.getTtl().getNanos() <= 0)) {
        throw ApiError.invalidArgument("ttl must be positive.");
      }
      Instant at = clock.instant().plusSeconds(b.getTtl().getSeconds()).plusNanos(b.getTtl().getNanos());
      b.setExpireTime(Timestamp.newBuilder().setSeconds(at.getEpochSecond()).setNanos(at.getNano() / 1000 * 1000));
      b.clearTtl();
    }
    if (b.hasExpireTime() && !expiresAfterNow(b.getExpireTime())) {
      throw ApiError.invalidArgument("expire_time must be in the future.");
    }
    return b;
  }

  private boolean expiresAfterNow(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos()).isAfter(clock.instant());
  }

  /** A secret past its expire_time is deleted with its versions, as Secret Manager does. */
  private void purgeExpired() {
    secrets.values().removeIf(s -> s.meta.hasExpireTime() && !expiresAfterNow(s.meta.getExpireTime()));
  }

  private static void checkEtag(String given, String current) {
    if (!given.isEmpty() && !given.equals(current)) {
      throw new ApiError(Status.Code.ABORTED, "The etag provided in the request (" + given
          + ") does not match the current etag of the resource (" + current + ").");
    }
  }

  private Timestamp now() {
    Instant i = clock.instant();
    return Timestamp.newBuilder().setSeconds(i.getEpochSecond()).setNanos(i.getNano() / 1000 * 1000).build();
  }

  private String newEtag() {
    long micros = Math.max(clock.instant().toEpochMilli() * 1000, etagCounter.incrementAndGet());
    etagCounter.set(micros);
    return "\"" + Long.toHexString(micros) + "\"";
  }

}
