package dev.secretstore.testing;

import com.google.auto.service.AutoService;
import dev.secretstore.Capability;
import dev.secretstore.ConfigField;
import dev.secretstore.ConfigProblem;
import dev.secretstore.spi.ConfigChecks;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Declares the Azure Key Vault config of CONFIGS.md; opens an in-memory store. */
@AutoService(SecretStoreProvider.class)
public final class AzureShapedProvider implements SecretStoreProvider {

    @Override
    public String name() {
        return "azure";
    }

    @Override
    public String description() {
        return "Azure-shaped test provider";
    }

    @Override
    public Set<Capability> capabilities() {
        return EnumSet.of(Capability.TAGS);
    }

    @Override
    public List<ConfigField> configFields() {
        return List.of(
                ConfigField.builder("vaultUrl").required(true).description("https://<vault>.vault.azure.net/").build(),
                ConfigField.builder("tenantId").required(true).description("Entra tenant GUID").build(),
                ConfigField.builder("clientId").required(true).description("application (client) GUID").build(),
                ConfigField.builder("clientSecret").required(true).secret(true).description("client secret").build(),
                ConfigField.builder("tagKey").defaultValue("AirbyteManaged").build(),
                ConfigField.builder("authorityHost").defaultValue("https://login.microsoftonline.com/").build());
    }

    @Override
    public boolean recognises(Map<String, ?> config) {
        return config.containsKey("vaultUrl");
    }

    @Override
    public String shapeDescription() {
        return "azure: vaultUrl + tenantId + clientId + clientSecret";
    }

    @Override
    public List<ConfigProblem> validate(StoreConfig c) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigChecks.httpsOnly("vaultUrl", c.string("vaultUrl").orElse(null)).ifPresent(problems::add);
        ConfigChecks.guid("tenantId", c.string("tenantId").orElse(null)).ifPresent(problems::add);
        ConfigChecks.guid("clientId", c.string("clientId").orElse(null)).ifPresent(problems::add);
        ConfigChecks.httpsOrLoopback("authorityHost", c.string("authorityHost").orElse(null)).ifPresent(problems::add);
        return problems;
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        OpenCounter.OPENS.incrementAndGet();
        return new InMemorySpi();
    }
}
