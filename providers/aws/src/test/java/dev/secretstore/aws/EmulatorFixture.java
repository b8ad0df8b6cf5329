package dev.secretstore.aws;

import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.FaultInjector;
import dev.secretstore.conformance.FixtureFeature;
import dev.secretstore.conformance.ForeignSecretPlanter;
import dev.secretstore.conformance.RequestCounter;
import dev.secretstore.conformance.SpiForeignSecretPlanter;
import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.emulator.aws.Fault;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conformance fixture over the AWS emulator, through the official SDK on a real socket. The privileged,
 * read-only and bad-credential stores are given as configs; foreign secrets are planted with the emulator's
 * admin user; writes are counted from the emulator's request log and faults go to its fault table.
 */
final class EmulatorFixture implements ConformanceFixture {

    private static final List<String> WRITES = List.of("CreateSecret", "PutSecretValue", "UpdateSecret", "TagResource",
            "UntagResource", "DeleteSecret", "RestoreSecret");

    private final EmulatedAccount account;
    private final Map<String, Object> privilegedConfig;
    private final Map<String, Object> readOnlyConfig;
    private final Map<String, Object> badConfig;
    private final Map<String, String> exclusions;
    private final Runnable onClose;
    private SecretStore privileged;
    private SecretStore readOnly;
    private SecretStore bad;
    private SpiForeignSecretPlanter planter;

    EmulatorFixture(EmulatedAccount account, Map<String, Object> privilegedConfig, Map<String, Object> readOnlyConfig,
                    Map<String, Object> badConfig, Map<String, String> exclusions, Runnable onClose) {
        this.account = account;
        this.privilegedConfig = privilegedConfig;
        this.readOnlyConfig = readOnlyConfig;
        this.badConfig = badConfig;
        this.exclusions = exclusions;
        this.onClose = onClose;
    }

    @Override
    public synchronized SecretStore privilegedStore() {
        if (privileged == null) {
            privileged = SecretStores.open(privilegedConfig);
        }
        return privileged;
    }

    @Override
    public synchronized FixtureFeature<SecretStore> leastPrivilegedStore() {
        if (readOnly == null) {
            readOnly = SecretStores.open(readOnlyConfig);
        }
        return FixtureFeature.of(readOnly);
    }

    @Override
    public synchronized FixtureFeature<SecretStore> badCredentialsStore() {
        if (bad == null) {
            bad = SecretStores.open(badConfig);
        }
        return FixtureFeature.of(bad);
    }

    @Override
    public synchronized FixtureFeature<ForeignSecretPlanter> foreignSecrets() {
        if (planter == null) {
            planter = SpiForeignSecretPlanter.open("aws", account.accessKeyConfig(
                    DefaultIdentity.ADMIN_ACCESS_KEY_ID, DefaultIdentity.ADMIN_SECRET_ACCESS_KEY));
        }
        return FixtureFeature.of(planter);
    }

    @Override
    public FixtureFeature<RequestCounter> requestCounter() {
        return FixtureFeature.of(() -> WRITES.stream().mapToLong(account.emulator::requestCount).sum());
    }

    @Override
    public FixtureFeature<FaultInjector> faults() {
        return FixtureFeature.of(new EmulatorFaults(account, maxAttempts()));
    }

    private int maxAttempts() {
        Object retry = privilegedConfig.get("retry");
        return retry instanceof Map && ((Map<?, ?>) retry).get("maxAttempts") instanceof Integer
                ? (Integer) ((Map<?, ?>) retry).get("maxAttempts") : 4;
    }

    @Override
    public Set<String> credentialValues() {
        return Set.of(DefaultIdentity.ADMIN_ACCESS_KEY_ID, DefaultIdentity.ADMIN_SECRET_ACCESS_KEY,
                EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET, EmulatedAccount.READER_KEY,
                EmulatedAccount.READER_SECRET, EmulatedAccount.SOURCE_KEY, EmulatedAccount.SOURCE_SECRET,
                EmulatedAccount.UNKNOWN_KEY, EmulatedAccount.UNKNOWN_SECRET);
    }

    @Override
    public Map<String, String> excludedTests() {
        return exclusions;
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : new AutoCloseable[] {privileged, readOnly, bad, planter}) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // The emulator stops next; nothing else holds these clients.
                }
            }
        }
        onClose.run();
    }

    /** The kit's fault rules on the emulator's per-operation fault table. */
    static final class EmulatorFaults implements FaultInjector {
        private final EmulatedAccount account;
        private final int maxAttempts;
        private final Set<String> faulted = new LinkedHashSet<>();

        EmulatorFaults(EmulatedAccount account, int maxAttempts) {
            this.account = account;
            this.maxAttempts = maxAttempts;
        }

        static List<String> operations(CallKind kind) {
            switch (kind) {
                case READ:
                    return List.of("GetSecretValue", "BatchGetSecretValue");
                case DESCRIBE:
                    return List.of("DescribeSecret");
                case WRITE:
                    return List.of("CreateSecret", "PutSecretValue", "TagResource", "UntagResource");
                case LIST:
                    return List.of("ListSecrets");
                case DELETE:
                    return List.of("DeleteSecret", "RestoreSecret");
                default:
                    throw new IllegalArgumentException(String.valueOf(kind));
            }
        }

        @Override
        public synchronized void inject(FaultKind kind, Set<CallKind> calls, int count, Duration latency) {
            Fault fault;
            switch (kind) {
                case THROTTLED:
                    fault = Fault.throttling();
                    break;
                case UNAVAILABLE:
                    fault = Fault.internalError();
                    break;
                case CONNECTION_RESET:
                    fault = Fault.connectionReset();
                    break;
                default:
                    fault = Fault.latency(latency);
            }
            if (count > 0) {
                fault = fault.times(count);
            }
            for (CallKind call : calls) {
                for (String op : operations(call)) {
                    account.emulator.setFault(op, fault);
                    faulted.add(op);
                }
            }
        }

        @Override
        public synchronized void clear() {
            account.emulator.clearFaults();
            faulted.clear();
        }

        @Override
        public long calls(CallKind kind) {
            return operations(kind).stream().mapToLong(account.emulator::requestCount).sum();
        }

        @Override
        public int maxAttempts() {
            return maxAttempts;
        }
    }

    static Map<String, String> noExclusions() {
        return new HashMap<>();
    }

    static List<Runnable> none() {
        return new ArrayList<>();
    }
}
