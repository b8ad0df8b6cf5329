package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The Key Vault secrets REST surface. Checks run in the service's order: bearer token (401 with the challenge),
 * api-version, secret name, RBAC (403), then the operation itself.
 */
public final class VaultApi {
    /** As recorded from the real service (azure-sdk-for-js recordings, 2022). */
    private static final String MISSING_TOKEN = "AKV10000: Request is missing a Bearer or PoP token.";

    private final SecretVault vault;
    private final AccessTokens tokens;
    private final EmulatorClock clock;

    public VaultApi(SecretVault vault, AccessTokens tokens, EmulatorClock clock) {
        this.vault = vault;
        this.tokens = tokens;
        this.clock = clock;
    }

    public EmulatorResponse handle(EmulatorRequest request, VaultRoute route, LoadedState state) {
        VaultOptions options = vault.options();
        try {
            Caller caller = authenticate(request, options);
            checkApiVersion(request);
            if (route.name() != null && !SecretNames.isValid(route.name())) {
                throw KeyVaultErrors.invalidName(route.name());
            }
            state.authorizer().require(caller, route.action(), route.name(), options);
            return execute(request, route, options);
        } catch (VaultException e) {
            EmulatorResponse response = e.toResponse();
            if (e.status() == 401) {
                response = response.withHeader("WWW-Authenticate", "Bearer authorization=\"" + request.origin() + "/"
                        + options.tenantId() + "\", resource=\"" + AccessTokens.VAULT_AUDIENCE + "\"");
            }
            return response;
        }
    }

    private Caller authenticate(EmulatorRequest request, VaultOptions options) {
        Optional<String> header = request.header("authorization");
        if (header.isEmpty() || !header.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new VaultException(401, "Unauthorized", MISSING_TOKEN, null);
        }
        return tokens.verify(header.get().substring(7).trim(), options.tenantId(), clock.tokenNow());
    }

    private static void checkApiVersion(EmulatorRequest request) {
        String version = request.queryParameter("api-version").orElse(null);
        if (version == null || version.isEmpty()) {
            throw KeyVaultErrors.badParameter("The api-version query parameter is required.");
        }
        if (!ApiVersions.isSupported(version)) {
            throw KeyVaultErrors.badParameter("The specified version (" + version + ") is not recognized. "
                    + "Consider using the latest supported version (" + ApiVersions.LATEST + ").");
        }
    }

    private EmulatorResponse execute(EmulatorRequest request, VaultRoute route, VaultOptions options) {
        String origin = request.origin();
        return switch (route.operation()) {
            case SET_SECRET -> {
                SecretRequestBody body = SecretRequestBody.parse(request.body());
                String value = body.value().orElseThrow(
                        () -> KeyVaultErrors.badParameter("Property 'value' is required."));
                yield ok(SecretJson.bundle(origin, vault.set(route.name(), value, body.changes()), options, true));
            }
            case GET_SECRET -> ok(SecretJson.bundle(origin, vault.get(route.name(), route.version()), options, true));
            case UPDATE_SECRET -> {
                SecretRequestBody body = SecretRequestBody.parse(request.body());
                yield ok(SecretJson.bundle(origin, vault.update(route.name(), route.version(), body.changes()),
                        options, false));
            }
            case DELETE_SECRET -> ok(SecretJson.deletedBundle(origin, vault.delete(route.name()), options));
            case GET_SECRETS -> page(request, vault.list(), s -> SecretJson.item(origin, s, options, false));
            case GET_SECRET_VERSIONS -> page(request, vault.versions(route.name()),
                    s -> SecretJson.item(origin, s, options, true));
            case GET_DELETED_SECRET -> ok(SecretJson.deletedBundle(origin, vault.getDeleted(route.name()), options));
            case GET_DELETED_SECRETS -> page(request, vault.listDeleted(),
                    s -> SecretJson.deletedItem(origin, s, options));
            case RECOVER_DELETED_SECRET -> ok(SecretJson.bundle(origin, vault.recover(route.name()), options, false));
            case PURGE_DELETED_SECRET -> {
                vault.purge(route.name());
                yield EmulatorResponse.empty(204);
            }
            case TOKEN, OPENID_CONFIGURATION -> throw new IllegalStateException("not a vault operation");
        };
    }

    private static EmulatorResponse ok(ObjectNode body) {
        return EmulatorResponse.json(200, body);
    }

    private static EmulatorResponse page(EmulatorRequest request, List<SecretView> items,
                                         java.util.function.Function<SecretView, ObjectNode> render) {
        return ok(Paging.page(request, items, render));
    }
}
