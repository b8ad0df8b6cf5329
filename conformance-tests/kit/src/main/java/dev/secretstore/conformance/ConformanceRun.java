package dev.secretstore.conformance;

import dev.secretstore.SecretStore;
import java.security.SecureRandom;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.TestInfo;

/**
 * One run of the kit against one fixture: the fixture, the run's unique name prefix, and the stores
 * opened so far. Closed (with the fixture) when the kit class finishes.
 */
final class ConformanceRun implements AutoCloseable {

    private static final String RUN_ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";

    private final ConformanceFixture fixture;
    private final String prefix;
    private final AtomicInteger scopes = new AtomicInteger();
    private SecretStore privileged;
    /** Everything printed or logged while the run lasts, searched for the run's canaries when it ends. */
    private final LogCapture output;
    private final Set<String> canaries = ConcurrentHashMap.newKeySet();

    private ConformanceRun(ConformanceFixture fixture, String prefix) {
        this.fixture = fixture;
        this.prefix = prefix;
        this.output = LogCapture.observing();
    }

    static ConformanceRun start(ConformanceFixture fixture) {
        Objects.requireNonNull(fixture, "fixture() returned null");
        String namePrefix = fixture.namePrefix();
        if (namePrefix == null || !namePrefix.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,31}")) {
            throw new IllegalArgumentException("namePrefix must be 1-32 characters of [A-Za-z0-9._-] starting"
                    + " with a letter or digit, was '" + namePrefix + "'");
        }
        return new ConformanceRun(fixture, namePrefix + "-" + randomRunId() + "/");
    }

    ConformanceFixture fixture() {
        return fixture;
    }

    /** The privileged store, opened on first use. */
    synchronized SecretStore privilegedStore() {
        if (privileged == null) {
            privileged = Objects.requireNonNull(fixture.privilegedStore(), "privilegedStore() returned null");
        }
        return privileged;
    }

    /** A fresh name scope for one test, e.g. {@code sstck-k3j9x2/t7/}: listing by it sees only that test's secrets. */
    String newScope() {
        return prefix + "t" + scopes.incrementAndGet() + "/";
    }

    Optional<String> exclusionReason(TestInfo test) {
        String group = test.getTestClass().map(Class::getSimpleName).orElse("?");
        String method = test.getTestMethod().map(m -> m.getName()).orElse("?");
        return Optional.ofNullable(fixture.excludedTests().get(group + "." + method));
    }

    /**
     * Values that must not appear in anything printed or logged during the whole run, including after the
     * test that used them (a provider that logs on another thread, or when it is closed).
     */
    void forbidInRunOutput(String... values) {
        canaries.addAll(List.of(values));
    }

    /** Closes the fixture, then searches the run's whole output for canaries and credentials. */
    @Override
    public void close() {
        String printed;
        try {
            fixture.close();
        } finally {
            printed = output.text();
            output.close();
        }
        String where = "System.out, System.err and log output of the whole kit run (searched when the run ended,"
                + " the fixture closed)";
        LeakDetector.forbidding("canary value", canaries).assertAbsentFromText(where, printed);
        LeakDetector.forbidding("credential", fixture.credentialValues()).assertAbsentFromText(where, printed);
    }

    private static String randomRunId() {
        SecureRandom random = new SecureRandom();
        StringBuilder id = new StringBuilder();
        for (int i = 0; i < 6; i++) {
            id.append(RUN_ID_ALPHABET.charAt(random.nextInt(RUN_ID_ALPHABET.length())));
        }
        return id.toString().toLowerCase(Locale.ROOT);
    }
}
