package dev.secretstore.emulator.aws.internal.control;

import dev.secretstore.emulator.aws.DefaultIdentity;
import dev.secretstore.emulator.aws.SecretSeed;
import dev.secretstore.emulator.aws.internal.iam.PolicyDocument;
import dev.secretstore.emulator.aws.internal.identity.IamUser;
import dev.secretstore.emulator.aws.internal.identity.IdentityStore;
import dev.secretstore.emulator.aws.internal.sm.SecretArns;
import dev.secretstore.emulator.aws.internal.store.Secret;
import dev.secretstore.emulator.aws.internal.store.SecretRepository;
import dev.secretstore.emulator.aws.internal.store.SecretVersion;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything the emulator remembers, plus the controls. Secret operations run under {@link #lock()} so each is
 * atomic; they are short and in memory, so one lock costs nothing measurable.
 */
public final class EmulatorState {
    private static final PolicyDocument ALLOW_ALL =
            PolicyDocument.parse("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                    + "\"Resource\":\"*\"}]}");

    private final Object lock = new Object();
    private final SecretRepository secrets = new SecretRepository();
    private final IdentityStore identities = new IdentityStore();
    private final FaultTable faults = new FaultTable();
    private final RateLimiter rateLimiter = new RateLimiter();
    private final RequestCounter counter = new RequestCounter();
    private final EmulatorClock clock;
    private final StateDocument initial;

    public EmulatorState(EmulatorClock clock, StateDocument initial) {
        this.clock = clock;
        this.initial = initial;
        load(initial);
    }

    public Object lock() {
        return lock;
    }

    public SecretRepository secrets() {
        return secrets;
    }

    public IdentityStore identities() {
        return identities;
    }

    public FaultTable faults() {
        return faults;
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public RequestCounter counter() {
        return counter;
    }

    public EmulatorClock clock() {
        return clock;
    }

    /** Replaces users, roles and sessions with the document's; plants its secrets (replacing same names). */
    public void load(StateDocument state) {
        synchronized (lock) {
            identities.clear();
            if (state.defaultAdmin()) {
                identities.addUser(new IamUser(DefaultIdentity.ACCOUNT_ID, DefaultIdentity.ADMIN_USER_NAME,
                        "AIDAEMULATORADMIN001",
                        Map.of(DefaultIdentity.ADMIN_ACCESS_KEY_ID, DefaultIdentity.ADMIN_SECRET_ACCESS_KEY),
                        List.of(ALLOW_ALL)));
            }
            state.users().forEach(identities::addUser);
            state.roles().forEach(identities::addRole);
            state.oidcProviders().forEach(identities::addOidcProvider);
            state.secrets().forEach(this::plant);
        }
    }

    /** Puts a secret in place with no caller and no policy check, replacing one of the same name. */
    public Secret plant(SecretSeed seed) {
        synchronized (lock) {
            secrets.byName(seed.accountId(), seed.region(), seed.name(), clock.now()).ifPresent(secrets::remove);
            Secret secret = new Secret(seed.accountId(), seed.region(), seed.name(),
                    SecretArns.newArn(seed.region(), seed.accountId(), seed.name()), clock.now());
            seed.description().ifPresent(secret::description);
            secret.tags().putAll(seed.tags());
            if (seed.secretString().isPresent() || seed.secretBinary().isPresent()) {
                secret.addVersion(new SecretVersion(UUID.randomUUID().toString(), seed.secretString().orElse(null),
                        seed.secretBinary().orElse(null), clock.now()), List.of(Secret.CURRENT));
            }
            secrets.add(secret);
            return secret;
        }
    }

    /** Back to the state the emulator started with: secrets, sessions, faults, limits, counts and clock. */
    public void reset() {
        synchronized (lock) {
            secrets.clear();
            faults.clearAll();
            rateLimiter.clear();
            counter.reset();
            clock.reset();
            load(initial);
        }
    }
}
