package dev.secretstore.gcp.internal;

import com.google.gson.JsonParser;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.FaultInjector;
import dev.secretstore.conformance.FixtureFeature;
import dev.secretstore.conformance.ForeignSecretPlanter;
import dev.secretstore.conformance.RequestCounter;
import dev.secretstore.conformance.SpiForeignSecretPlanter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kit's fixture over the emulator: the privileged store is {@code secretstore@} with exactly the printed
 * conditioned grant and the matching namePrefix; the read-only store {@code reader@} (secretAccessor + viewer);
 * bad credentials a key the emulator never issued, given the way the other stores get theirs (in the config, or
 * through ADC); foreign secrets planted through the SPI as {@code admin@}.
 */
final class GcpFixture implements ConformanceFixture {

    /** How the privileged and read-only stores authenticate. */
    enum Auth { SERVICE_ACCOUNT_KEY, APPLICATION_DEFAULT }

    private final EmulatorWorld world = new EmulatorWorld();
    private final Auth auth;
    private final List<AutoCloseable> opened = new ArrayList<>();
    private final Set<String> credentials = new LinkedHashSet<>();
    private SecretStore privileged;
    private SecretStore readOnly;
    private SecretStore bad;
    private SpiForeignSecretPlanter planter;

    GcpFixture(Auth auth) {
        this.auth = auth;
    }

    EmulatorWorld world() {
        return world;
    }

    private SecretStore open(String account) {
        SecretStore store;
        if (auth == Auth.SERVICE_ACCOUNT_KEY) {
            String key = world.keyJson(account);
            remember(key);
            store = SecretStores.open(world.keyConfig(key, EmulatorWorld.NAME_PREFIX));
        } else {
            remember(world.keyJson(account));
            store = SecretStores.open(new AdcSeamProvider(world.keyFile(account)), world.adcConfig(EmulatorWorld.NAME_PREFIX));
        }
        opened.add(store);
        return store;
    }

    private void remember(String keyJson) {
        credentials.add(keyJson);
        credentials.add(JsonParser.parseString(keyJson).getAsJsonObject().get("private_key").getAsString());
    }

    @Override
    public synchronized SecretStore privilegedStore() {
        if (privileged == null) {
            privileged = open(EmulatorWorld.STORE_ACCOUNT);
        }
        return privileged;
    }

    @Override
    public synchronized FixtureFeature<SecretStore> leastPrivilegedStore() {
        if (readOnly == null) {
            readOnly = open(EmulatorWorld.READER);
        }
        return FixtureFeature.of(readOnly);
    }

    @Override
    public synchronized FixtureFeature<SecretStore> badCredentialsStore() {
        if (bad == null) {
            String unknown = world.unknownKeyJson();
            remember(unknown);
            bad = auth == Auth.SERVICE_ACCOUNT_KEY
                    ? SecretStores.open(world.keyConfig(unknown, EmulatorWorld.NAME_PREFIX))
                    // The same unknown key, found through Application Default Credentials, as the other stores are.
                    : SecretStores.open(new AdcSeamProvider(world.writeFile("unknown-key.json", unknown)),
                            world.adcConfig(EmulatorWorld.NAME_PREFIX));
            opened.add(bad);
        }
        return FixtureFeature.of(bad);
    }

    @Override
    public synchronized FixtureFeature<ForeignSecretPlanter> foreignSecrets() {
        if (planter == null) {
            String admin = world.keyJson(EmulatorWorld.ADMIN);
            remember(admin);
            planter = SpiForeignSecretPlanter.open("gcp", world.keyConfig(admin, EmulatorWorld.NAME_PREFIX));
            opened.add(planter);
        }
        return FixtureFeature.of(planter);
    }

    @Override
    public FixtureFeature<RequestCounter> requestCounter() {
        return FixtureFeature.of(() -> world.emulator.control().requestCounts().entrySet().stream()
                .filter(e -> GcpFaults.WRITES.contains(e.getKey())).mapToLong(Map.Entry::getValue).sum());
    }

    @Override
    public FixtureFeature<FaultInjector> faults() {
        privilegedStore();
        return FixtureFeature.of(new GcpFaults(world.emulator.control(), 3));
    }

    @Override
    public Set<String> credentialValues() {
        foreignSecrets();
        badCredentialsStore();
        leastPrivilegedStore();
        privilegedStore();
        return Set.copyOf(credentials);
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing the rest matters more
            }
        }
        world.close();
    }
}
