package dev.secretstore.testing;

import com.google.auto.service.AutoService;
import dev.secretstore.ConfigField;
import dev.secretstore.spi.SecretStoreProvider;
import dev.secretstore.spi.SecretStoreSpi;
import dev.secretstore.spi.StoreConfig;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** A discovered provider with policy options and a recommendation, for {@code SecretStores.recommendedPolicy}. */
@AutoService(SecretStoreProvider.class)
public final class PolicyProvider extends DiscoveryOnlyProvider {

    private static final AtomicInteger OPENS = new AtomicInteger();

    public PolicyProvider() {
        super("policy-test", "a provider that only recommends a policy");
    }

    public static int opens() {
        return OPENS.get();
    }

    @Override
    public List<ConfigField> policyOptions() {
        return List.of(ConfigField.builder("tag-key").required(true).description("the managed tag key").build(),
                ConfigField.builder("kms-key-arn").description("a KMS key").build());
    }

    @Override
    public Optional<String> recommendedPolicy(Map<String, String> options) {
        return Optional.of("allow if tag " + options.get("tag-key") + "=true");
    }

    @Override
    public SecretStoreSpi open(StoreConfig config) {
        OPENS.incrementAndGet();
        return super.open(config);
    }
}
