package dev.secretstore.emulator.azure.internal;

import dev.secretstore.emulator.azure.Fault;
import dev.secretstore.emulator.azure.Operation;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The emulator's moving parts behind both control surfaces (Java API and admin endpoint): state, secrets,
 * tokens, faults, counts, clock. Also the server's request handler.
 */
public final class EmulatorCore implements RequestHandler {
    private final EmulatorClock clock;
    private final AccessTokens tokens = new AccessTokens();
    private final SecretVault vault;
    private final FaultInjector faults = new FaultInjector();
    private final RequestCounter counter = new RequestCounter();
    private final InFlightRequests inFlight = new InFlightRequests();
    /** The query of each vault request, per operation: lets a client's tests assert what it asked for (page sizes). */
    private final Map<Operation, java.util.List<Map<String, java.util.List<String>>>> queries =
            new java.util.concurrent.ConcurrentHashMap<>();
    private final AtomicReference<LoadedState> state = new AtomicReference<>();
    private final TokenEndpoint tokenEndpoint;
    private final OpenIdConfiguration openIdConfiguration = new OpenIdConfiguration(tokens);
    private final VaultApi vaultApi;
    private final AdminApi adminApi = new AdminApi(this);

    public EmulatorCore(EmulatorState initial, Clock baseClock, Duration tokenLifetime) {
        this.clock = new EmulatorClock(baseClock);
        this.vault = new SecretVault(clock, initial.vault());
        this.tokenEndpoint = new TokenEndpoint(tokens, clock, tokenLifetime);
        this.vaultApi = new VaultApi(vault, tokens, clock);
        loadState(initial);
    }

    @Override
    public void arrived() {
        inFlight.arrived();
    }

    @Override
    public void answered() {
        inFlight.answered();
    }

    public InFlightRequests inFlight() {
        return inFlight;
    }

    @Override
    public Outcome handle(EmulatorRequest request) {
        String path = request.path();
        if (path.startsWith(AdminApi.PREFIX)) {
            return Outcome.respond(adminApi.handle(request));
        }
        if (TokenEndpoint.matches(path)) {
            return serve(Operation.TOKEN, () -> tokenEndpoint.handle(request, state.get().directory()));
        }
        if (OpenIdConfiguration.matches(request.method(), path)) {
            return serve(Operation.OPENID_CONFIGURATION,
                    () -> openIdConfiguration.handle(request, state.get().directory(), clock.tokenNow()));
        }
        Optional<VaultRoute> route = VaultRoute.of(request.method(), path);
        if (route.isEmpty()) {
            return Outcome.respond(KeyVaultErrors.response(404, "NotFound", "The emulator serves the Key Vault "
                    + "secrets API only; no operation at " + request.method() + " " + path + ".", null));
        }
        queries.computeIfAbsent(route.get().operation(), o -> new java.util.concurrent.CopyOnWriteArrayList<>())
                .add(Map.copyOf(request.query()));
        return serve(route.get().operation(), () -> vaultApi.handle(request, route.get(), state.get()));
    }

    private Outcome serve(Operation operation, java.util.function.Supplier<EmulatorResponse> work) {
        counter.increment(operation);
        Optional<Fault> fault = faults.take(operation);
        Optional<Outcome> injected = fault.flatMap(FaultResponses::outcome);
        if (injected.isPresent()) {
            return injected.get();
        }
        return new Outcome.Respond(work.get(), FaultResponses.latency(fault));
    }

    public synchronized void loadState(EmulatorState newState) {
        state.set(LoadedState.of(newState));
        vault.reset(newState.vault());
        newState.secrets().forEach(this::plant);
    }

    public EmulatorState state() {
        return state.get().source();
    }

    public SecretView plant(InitialSecret secret) {
        SecretNames.requireValid(secret.name());
        try {
            return vault.set(secret.name(), secret.value(), new SecretChanges(Optional.ofNullable(secret.contentType()),
                    Optional.of(secret.tags()), Optional.of(secret.enabled()), Optional.empty(), Optional.empty()));
        } catch (VaultException e) {
            throw new IllegalArgumentException("cannot plant secret '" + secret.name() + "': " + e.getMessage(), e);
        }
    }

    /** Back to the loaded state: its initial secrets only, no faults, zero counts, the real time. */
    public synchronized void reset() {
        faults.clear();
        counter.reset();
        queries.clear();
        inFlight.resetHighWaterMark();
        clock.resetOffset();
        loadState(state.get().source());
    }

    public void injectFault(Fault fault) {
        faults.add(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    public long requestCount(Operation operation) {
        return counter.count(operation);
    }

    public Map<Operation, Long> requestCounts() {
        return counter.snapshot();
    }

    public void resetRequestCounts() {
        counter.reset();
        queries.clear();
        inFlight.resetHighWaterMark();
    }

    public java.util.List<Map<String, java.util.List<String>>> queries(Operation operation) {
        return java.util.List.copyOf(queries.getOrDefault(operation, java.util.List.of()));
    }

    public void advanceClock(Duration by) {
        clock.advance(by);
    }
}
