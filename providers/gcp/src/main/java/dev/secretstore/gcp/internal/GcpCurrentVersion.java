package dev.secretstore.gcp.internal;

import com.google.api.gax.rpc.ApiException;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.ListSecretVersionsRequest;
import com.google.cloud.secretmanager.v1.ListSecretVersionsResponse;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretVersion;
import dev.secretstore.AccessDeniedException;
import dev.secretstore.Operation;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.StoreUnavailableException;
import java.util.Optional;

/**
 * A secret's current version: its newest <em>enabled</em> version. Secret Manager's {@code versions/latest} alias is
 * the most recently created version whatever its state (service.proto), so it is asked first (one request, the common
 * case), and only when that version is disabled or destroyed (AccessSecretVersion's FAILED_PRECONDITION; a
 * GetSecretVersion's state) is the newest enabled one looked up: ListSecretVersions with the documented filter
 * {@code state:ENABLED} and a page of one (versions are listed newest first by create_time, service.proto), then
 * AccessSecretVersion of that version.
 */
final class GcpCurrentVersion {

    /** The documented filter (cloud.google.com/secret-manager/docs/filtering) for versions that can be accessed. */
    static final String ENABLED = "state:ENABLED";
    /**
     * Look-ups of the newest enabled version per read: a version disabled or destroyed between the list and the access
     * is listed again, a bounded number of times (each round is two requests).
     */
    static final int MAX_ROUNDS = 3;
    /**
     * Empty pages followed per list: with the filter applied by the service they are rare, and a service that kept
     * answering them would otherwise hold the read for ever.
     */
    static final int MAX_EMPTY_PAGES = 10;

    private final SecretManagerServiceClient client;
    private final GcpCalls calls;
    private final Runnable beforeEachRequest;

    /**
     * @param beforeEachRequest run on the calling thread just before each request of each attempt: {@code readAll}'s
     *                          look-ups take a permit of the store's read rate there, as its plain reads do
     */
    GcpCurrentVersion(SecretManagerServiceClient client, GcpCalls calls, Runnable beforeEachRequest) {
        this.client = client;
        this.calls = calls;
        this.beforeEachRequest = beforeEachRequest;
    }

    /**
     * The newest enabled version's value.
     *
     * @throws SecretNotFoundException naming the state when no version is enabled (or the secret is gone)
     * @throws AccessDeniedException   naming {@code secretmanager.versions.list} when the newest version is not enabled
     *                                 and the caller may not list versions (secretAccessor alone)
     */
    AccessSecretVersionResponse access(SecretName name, String secretPath) {
        String versionPath = secretPath + "/versions/latest";
        Accessed accessed = accessIfEnabled(name, versionPath);
        for (int round = 0; accessed.response() == null; round++) {
            if (round == MAX_ROUNDS) {
                throw noEnabledVersion(name, secretPath, versionPath + " is " + accessed.state()
                        + " (AccessSecretVersion: FAILED_PRECONDITION), the newest enabled version listed " + MAX_ROUNDS
                        + " times was no longer enabled when accessed (versions keep changing state: try again)");
            }
            Optional<SecretVersion> newest = newestEnabled(Operation.READ, name, secretPath, accessed.state());
            if (newest.isEmpty()) {
                throw noEnabledVersion(name, secretPath, versionPath + " is " + accessed.state()
                        + " (AccessSecretVersion: FAILED_PRECONDITION) and ListSecretVersions finds no ENABLED version");
            }
            versionPath = newest.get().getName();
            // Disabled or destroyed since it was listed (or a newer one was added and disabled): list again.
            accessed = accessIfEnabled(name, versionPath);
        }
        return accessed.response();
    }

    /**
     * The newest enabled version's metadata: GetSecretVersion of {@code latest}, and ListSecretVersions only when that
     * one is not enabled; empty when the secret has no version or none is enabled.
     */
    Optional<SecretVersion> describe(SecretName name, String secretPath) {
        SecretVersion latest;
        try {
            latest = calls.call(Operation.DESCRIBE, GcpRpc.GET_VERSION, name, secretPath + "/versions/latest",
                    () -> client.getSecretVersion(secretPath + "/versions/latest"));
        } catch (SecretNotFoundException noVersions) {
            return Optional.empty();
        }
        if (latest.getState() == SecretVersion.State.ENABLED) {
            return Optional.of(latest);
        }
        return newestEnabled(Operation.DESCRIBE, name, secretPath, latest.getState().name());
    }

    /**
     * The first ENABLED version listed, newest first. A page may hold fewer results than its size, none included, before
     * the end of the list (AIP-158): only an empty {@code next_page_token} says there is no more, so an empty page with a
     * token is followed (one more request each), up to {@link #MAX_EMPTY_PAGES}.
     */
    private Optional<SecretVersion> newestEnabled(Operation op, SecretName name, String secretPath, String latestState) {
        ListSecretVersionsRequest.Builder request = ListSecretVersionsRequest.newBuilder().setParent(secretPath)
                .setFilter(ENABLED).setPageSize(1);
        int emptyPages = 0;
        while (true) {
            ListSecretVersionsRequest page = request.build();
            ListSecretVersionsResponse response;
            try {
                response = calls.call(op, GcpRpc.LIST_VERSIONS, name, secretPath,
                        () -> {
                            beforeEachRequest.run();
                            return client.listSecretVersionsCallable().call(page);
                        });
            } catch (AccessDeniedException denied) {
                throw new AccessDeniedException(GcpErrors.PROVIDER, null, name, "the newest version of " + secretPath
                        + " is " + latestState + ", and finding the newest enabled one needs to list the versions: "
                        + denied.detail(), denied.remediation().orElse(null), denied);
            }
            Optional<SecretVersion> enabled = response.getVersionsList().stream()
                    .filter(v -> v.getState() == SecretVersion.State.ENABLED).findFirst();
            String next = response.getNextPageToken();
            if (enabled.isPresent() || next.isEmpty()) {
                return enabled;
            }
            if (++emptyPages == MAX_EMPTY_PAGES) {
                throw new StoreUnavailableException(GcpErrors.PROVIDER, null, name, "ListSecretVersions on "
                        + secretPath + " answered " + MAX_EMPTY_PAGES + " empty pages that were not the last, looking "
                        + "for the newest enabled version", "a transient state of the service: try again", null, null);
            }
            request.setPageToken(next);
        }
    }

    private Accessed accessIfEnabled(SecretName name, String versionPath) {
        return calls.call(Operation.READ, GcpRpc.ACCESS_VERSION, name, versionPath, () -> {
            try {
                beforeEachRequest.run();
                return new Accessed(client.accessSecretVersion(versionPath), null);
            } catch (ApiException e) {
                Optional<String> state = GcpErrors.notEnabledState(e);
                if (state.isPresent()) {
                    return new Accessed(null, state.get());
                }
                throw e;
            }
        });
    }

    private static SecretNotFoundException noEnabledVersion(SecretName name, String secretPath, String why) {
        return new SecretNotFoundException(GcpErrors.PROVIDER, null, name, "no enabled version of " + secretPath
                + " could be read: " + why, "enable a version (gcloud secrets versions enable VERSION --secret SECRET) "
                + "or put a new value; a destroyed version's value is gone for good", null);
    }

    /**
     * AccessSecretVersion's outcome: the response, or the state of a version that is not enabled. Its text names the
     * version, never the payload (a record's own toString would print the response, value included).
     */
    record Accessed(AccessSecretVersionResponse response, String state) {
        @Override
        public String toString() {
            return response == null ? "Accessed[state=" + state + "]"
                    : "Accessed[version=" + response.getName() + ", value withheld]";
        }
    }
}
