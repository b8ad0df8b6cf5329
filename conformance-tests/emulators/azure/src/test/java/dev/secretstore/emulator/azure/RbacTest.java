package dev.secretstore.emulator.azure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.HttpClient;
import com.azure.security.keyvault.secrets.SecretClient;
import com.azure.security.keyvault.secrets.models.SecretProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.azure.internal.StateParser;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("RBAC: each role's allowed and refused operations, refused with 403 ForbiddenByRbac")
class RbacTest {
    private static final String ACTION_PREFIX = "Microsoft.KeyVault/vaults/secrets/";

    private static AzureKeyVaultEmulator emulator;
    private static SecretClient officer;
    private static SecretClient user;
    private static SecretClient reader;
    private static SecretClient noRole;

    @BeforeAll
    static void start() throws Exception {
        // The default state, plus a Secrets User assignment for the no-role app scoped to one secret.
        ObjectMapper json = new ObjectMapper();
        ObjectNode state = (ObjectNode) json.readTree(StateParser.defaultStateJson());
        ((ArrayNode) state.get("roleAssignments")).addObject()
                .put("principalId", EmulatorDefaults.NO_ROLE_CLIENT_ID)
                .put("role", "Key Vault Secrets User")
                .put("scope", "/secrets/scoped");
        emulator = AzureKeyVaultEmulator.builder().state(json.writeValueAsString(state)).start();
        HttpClient http = EmulatorClients.trusting(emulator.certificate());
        officer = client(http, EmulatorDefaults.OFFICER_CLIENT_ID, EmulatorDefaults.OFFICER_CLIENT_SECRET);
        user = client(http, EmulatorDefaults.USER_CLIENT_ID, EmulatorDefaults.USER_CLIENT_SECRET);
        reader = client(http, EmulatorDefaults.READER_CLIENT_ID, EmulatorDefaults.READER_CLIENT_SECRET);
        noRole = client(http, EmulatorDefaults.NO_ROLE_CLIENT_ID, EmulatorDefaults.NO_ROLE_CLIENT_SECRET);
        emulator.plantSecret("shared", "shared-value");
        emulator.plantSecret("scoped", "scoped-value");
    }

    private static SecretClient client(HttpClient http, String clientId, String clientSecret) {
        return EmulatorClients.secretClientWithoutRetries(emulator, http,
                EmulatorClients.credential(emulator, http, EmulatorDefaults.TENANT_ID, clientId, clientSecret));
    }

    @AfterAll
    static void stop() {
        emulator.stop();
    }

    @Test
    @DisplayName("Secrets Officer: set, get, list, versions, update, delete, get/list deleted, recover, purge")
    void officerMayDoEverything() {
        officer.setSecret("officer-owned", "v1");
        assertThat(officer.getSecret("officer-owned").getValue()).isEqualTo("v1");
        assertThat(officer.listPropertiesOfSecrets().stream().map(SecretProperties::getName)).contains("officer-owned");
        assertThat(officer.listPropertiesOfSecretVersions("officer-owned").stream().count()).isEqualTo(1);
        officer.updateSecretProperties(officer.getSecret("officer-owned").getProperties().setContentType("text/plain"));
        officer.beginDeleteSecret("officer-owned").waitForCompletion();
        assertThat(officer.getDeletedSecret("officer-owned").getName()).isEqualTo("officer-owned");
        assertThat(officer.listDeletedSecrets().stream().count()).isGreaterThanOrEqualTo(1);
        officer.beginRecoverDeletedSecret("officer-owned").waitForCompletion();
        officer.beginDeleteSecret("officer-owned").waitForCompletion();
        officer.purgeDeletedSecret("officer-owned");
    }

    @Test
    @DisplayName("Secrets User: may get values and read metadata; may not set, update, delete, recover or purge")
    void userReadsOnly() {
        assertThat(user.getSecret("shared").getValue()).isEqualTo("shared-value");
        assertThat(user.listPropertiesOfSecrets().stream().map(SecretProperties::getName)).contains("shared");
        assertThat(user.listPropertiesOfSecretVersions("shared").stream().count()).isEqualTo(1);

        assertForbidden(() -> user.setSecret("shared", "overwrite"), "setSecret/action", "shared");
        assertForbidden(() -> user.updateSecretProperties(user.getSecret("shared").getProperties().setEnabled(false)),
                "update/action", "shared");
        assertForbidden(() -> user.beginDeleteSecret("shared"), "delete", "shared");

        officer.setSecret("user-deleted", "v");
        officer.beginDeleteSecret("user-deleted").waitForCompletion();
        assertThat(user.getDeletedSecret("user-deleted").getName()).isEqualTo("user-deleted");
        assertForbidden(() -> user.beginRecoverDeletedSecret("user-deleted"), "recover/action", "user-deleted");
        assertForbidden(() -> user.purgeDeletedSecret("user-deleted"), "purge/action", "user-deleted");
    }

    @Test
    @DisplayName("Reader: may list secrets, versions and deleted secrets (metadata); may not get values or change anything")
    void readerSeesMetadataOnly() {
        assertThat(reader.listPropertiesOfSecrets().stream().map(SecretProperties::getName)).contains("shared");
        assertThat(reader.listPropertiesOfSecretVersions("shared").stream().count()).isEqualTo(1);

        assertForbidden(() -> reader.getSecret("shared"), "getSecret/action", "shared");
        assertForbidden(() -> reader.setSecret("reader-made", "v"), "setSecret/action", "reader-made");
        SecretProperties shared = reader.listPropertiesOfSecrets().stream()
                .filter(p -> p.getName().equals("shared")).findFirst().orElseThrow();
        assertForbidden(() -> reader.updateSecretProperties(shared.setEnabled(false)), "update/action", "shared");
        assertForbidden(() -> reader.beginDeleteSecret("shared"), "delete", "shared");

        officer.setSecret("reader-deleted", "v");
        officer.beginDeleteSecret("reader-deleted").waitForCompletion();
        assertThat(reader.getDeletedSecret("reader-deleted").getName()).isEqualTo("reader-deleted");
        assertThat(reader.listDeletedSecrets().stream().map(d -> d.getName())).contains("reader-deleted");
        assertForbidden(() -> reader.beginRecoverDeletedSecret("reader-deleted"), "recover/action", "reader-deleted");
        assertForbidden(() -> reader.purgeDeletedSecret("reader-deleted"), "purge/action", "reader-deleted");
    }

    @Test
    @DisplayName("No role: everything is refused; a role scoped to one secret opens that secret only")
    void noRoleAndSecretScope() {
        assertForbidden(() -> noRole.listPropertiesOfSecrets().stream().count(), "readMetadata/action", null);
        assertForbidden(() -> noRole.getSecret("shared"), "getSecret/action", "shared");
        assertForbidden(() -> noRole.setSecret("shared", "x"), "setSecret/action", "shared");

        assertThat(noRole.getSecret("scoped").getValue()).isEqualTo("scoped-value");
    }

    private static void assertForbidden(ThrowingCallable call, String action, String secretName) {
        String resource = "/subscriptions/5ec2e7a1-0000-4000-8000-0000000000aa/resourcegroups/secretstore-emulator"
                + "/providers/microsoft.keyvault/vaults/emulator" + (secretName == null ? "" : "/secrets/" + secretName);
        assertThatThrownBy(call)
                .isInstanceOf(HttpResponseException.class)
                .satisfies(e -> assertThat(((HttpResponseException) e).getResponse().getStatusCode()).isEqualTo(403))
                .hasMessageContaining("\"code\":\"Forbidden\"")
                .hasMessageContaining("Caller is not authorized to perform action on resource.\\r\\nIf role assignments, "
                        + "deny assignments or role definitions were changed recently, please observe propagation "
                        + "time.\\r\\nCaller: appid=")
                .hasMessageContaining(";iss=https://sts.windows.net/" + EmulatorDefaults.TENANT_ID + "/")
                .hasMessageContaining("Action: '" + ACTION_PREFIX + action + "'")
                .hasMessageContaining("Resource: '" + resource + "'")
                .hasMessageContaining("Assignment: (not found)")
                .hasMessageContaining("\"innererror\":{\"code\":\"ForbiddenByRbac\"}");
    }
}
