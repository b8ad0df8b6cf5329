package dev.secretstore.emulator.gcp;

import dev.secretstore.emulator.gcp.internal.AdminEndpoint;
import dev.secretstore.emulator.gcp.internal.EmulatorCore;
import dev.secretstore.emulator.gcp.internal.FaultRule;
import dev.secretstore.emulator.gcp.internal.QuotaKind;
import dev.secretstore.emulator.gcp.internal.StateDocument;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** The in-process control API; the admin endpoint under {@code /_emulator/} offers the same over HTTP. */
public final class EmulatorControl {
  private final EmulatorCore core;
  private final Supplier<String> tokenUri;

  EmulatorControl(EmulatorCore core, Supplier<String> tokenUri) {
    this.core = core;
    this.tokenUri = tokenUri;
  }

  /** Replaces the whole state (projects, accounts, keys, bindings, default principal, secrets) with this JSON. */
  public void loadState(String json) {
    core.load(StateDocument.parse(json));
  }

  public void loadState(Path file) {
    try {
      loadState(Files.readString(file, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read state file " + file, e);
    }
  }

  /** Back to the last loaded state; faults, latency, quotas and request counts cleared. */
  public void reset() {
    core.reset();
  }

  /** The service-account key file (standard JSON format) for {@code email}. */
  public String keyFileJson(String email) {
    return core.keyFileJson(email, tokenUri.get());
  }

  /** Writes the key file for {@code email} to {@code file} (owner-only permissions) and returns the path. */
  public Path writeKeyFile(String email, Path file) {
    try {
      AdminEndpoint.writeOwnerOnly(file, keyFileJson(email));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write key file " + file, e);
    }
  }

  public List<String> serviceAccounts() {
    return core.serviceAccounts().stream().map(a -> a.email()).toList();
  }

  /** Creates a secret with versions as if another party had; returns its name (with the project number). */
  public String plantSecret(ExistingSecret secret) {
    return core.plant(secret.project(), secret.location(), secret.secretId(), secret.labels(), secret.versions());
  }

  /**
   * Flips one bit of the stored data of version {@code version} of a global secret, keeping its recorded CRC32C:
   * AccessSecretVersion then answers with a {@code data_crc32c} the data does not match, as data damaged in storage
   * or on its way would. For clients' integrity checks.
   */
  public void damageStoredData(String project, String secretId, long version) {
    core.damageStoredData(project, java.util.Optional.empty(), secretId, version);
  }

  /**
   * Deletes a global secret and its versions as DeleteSecret would, without a request (no count, no permission): for a
   * deletion another party makes between two of a client's calls ({@link #afterNext}).
   */
  public void deleteSecret(String project, String secretId) {
    core.deleteSecret(project, java.util.Optional.empty(), secretId);
  }

  /**
   * Sets the state of version {@code version} of a global secret as Enable/Disable/DestroySecretVersion would (a
   * destroyed version's data is gone, and it stays destroyed), without a request: no count, no permission.
   */
  public void setVersionState(String project, String secretId, long version,
      com.google.cloud.secretmanager.v1.SecretVersion.State state) {
    core.setVersionState(project, java.util.Optional.empty(), secretId, version, state);
  }

  /**
   * Makes {@code change} once, right after the next request of {@code method} (e.g. {@code "ListSecretVersions"}) was
   * carried out (answered or refused by the service, e.g. an access of a disabled version; not one refused by an
   * injected fault or authentication before that) and before its response is sent: what another party changes between two of a client's calls, such as a
   * version disabled after a list named it. {@code change} runs on the emulator's call thread: make it through this
   * control API (e.g. {@link #setVersionState}), not through a client. {@link #clearFaults()} drops pending changes.
   */
  public void afterNext(String method, Runnable change) {
    core.faults().afterNext(method, change);
  }

  /**
   * The next {@code count} pages of {@code method} ({@code "ListSecrets"} or {@code "ListSecretVersions"}) that have
   * results come back with none, and a {@code next_page_token} that resumes where they would have started: what AIP-158
   * allows a Google service to do ("fewer results than the number requested (including zero results), even if not at
   * the end of the collection"), for clients' tests that they follow the token rather than stop at an empty page.
   */
  public void emptyPages(String method, int count) {
    core.faults().emptyPages(method, count);
  }

  /**
   * The next {@code count} AddSecretVersion requests arrive with one bit of their data flipped, as data damaged on its
   * way to the service would: one that carries a {@code data_crc32c} is refused (INVALID_ARGUMENT, checksum
   * mismatch) and nothing is stored; one without is stored damaged. {@link #clearFaults()} cancels what is left.
   */
  public void damageIncomingPayloads(int count) {
    core.faults().damageIncomingPayloads(count);
  }

  public void addFault(Fault fault) {
    core.faults().add(new FaultRule(fault.kind().name(), fault.methods(), fault.remaining().orElse(-1),
        fault.appliesFirst()));
  }

  /** Removes every fault and the added latency. */
  public void clearFaults() {
    core.faults().clear();
  }

  /** Delays every response by {@code latency} (zero to switch off). */
  public void setLatency(Duration latency) {
    core.faults().setLatency(latency);
  }

  /** Limits requests of a kind per minute per project; {@code null} removes the limit. */
  public void setQuota(Quota quota, Integer perMinute) {
    core.quotas().setLimit(QuotaKind.valueOf(quota.name()), perMinute);
  }

  public void setDefaultPrincipalEnabled(boolean enabled) {
    core.setDefaultPrincipalEnabled(enabled);
  }

  /** Requests received by method name (e.g. {@code AccessSecretVersion}), every attempt counted. */
  public long requestCount(String method) {
    return core.counts().get(method);
  }

  public Map<String, Long> requestCounts() {
    return core.counts().snapshot();
  }

  /**
   * The most requests of {@code method} that were in flight at once (received and not yet answered, injected latency
   * included) since the counts were last cleared: with {@link #setLatency} a client's concurrency bound shows here.
   */
  public long maxInFlight(String method) {
    return core.counts().maxInFlight(method);
  }

  /**
   * How many gRPC connections (HTTP/2 transports, on either gRPC port) clients have opened since the emulator
   * started: a client that reuses one channel opens one, however many calls it makes.
   */
  public long grpcConnectionsOpened() {
    return core.connections().opened();
  }

  /** How many gRPC connections are open now (a closed client's connection is gone shortly after it closes). */
  public long grpcConnectionsOpen() {
    return core.connections().open();
  }

  /** Clears the request counts and the in-flight maxima. */
  public void clearRequestCounts() {
    core.counts().clear();
  }
}
