package dev.secretstore.azure.internal;

import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.InvalidConfigException;
import dev.secretstore.spi.ConfigChecks;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The least-privilege setup on Azure, as {@code az} commands. Key Vault role assignments cannot be conditioned on
 * tags, so the boundary is the vault: a vault used by secretstore alone, with Key Vault Secrets Officer for the
 * application at that vault's scope.
 */
public final class AzurePolicy {
    public static final String VAULT_URL = "vault-url";
    public static final String CLIENT_ID = "client-id";
    public static final String ROLE = "Key Vault Secrets Officer";
    public static final String READ_ONLY_ROLE = "Key Vault Secrets User";

    private AzurePolicy() {
    }

    public static List<ConfigField> options() {
        return List.of(
                ConfigField.builder(VAULT_URL).required(true).description("the vault's URI, https://<name>.vault.azure.net/").build(),
                ConfigField.builder(CLIENT_ID).required(true).description("the application (client) id to grant").build());
    }

    public static String text(Map<String, String> options) {
        String url = options.get(VAULT_URL);
        String clientId = options.get(CLIENT_ID);
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigChecks.httpsOnly(VAULT_URL, url).ifPresent(problems::add);
        ConfigChecks.guid(CLIENT_ID, clientId).ifPresent(problems::add);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException("azure", problems);
        }
        String host = URI.create(url.trim()).getHost();
        String vault = host.contains(".") ? host.substring(0, host.indexOf('.')) : host;
        return String.join("\n",
                "# Key Vault role assignments cannot be conditioned on tags: on Azure the boundary is the vault.",
                "# Use a vault for secretstore alone, with the Azure RBAC permission model:",
                "az keyvault update --name " + vault + " --enable-rbac-authorization true",
                "",
                "# Let the application manage secrets in that vault, and nowhere else:",
                "az role assignment create \\",
                "  --role \"" + ROLE + "\" \\",
                "  --assignee " + clientId + " \\",
                "  --scope \"$(az keyvault show --name " + vault + " --query id --output tsv)\"",
                "",
                "# An application that only reads needs \"" + READ_ONLY_ROLE + "\" instead.",
                "# A new assignment can take a few minutes to propagate; 'secretstore verify' waits for it",
                "# (verifyPropagationWait) before it reports a denial, and warns when the vault holds secrets",
                "# without the managed tag (this application could read and change those too).",
                "");
    }
}
