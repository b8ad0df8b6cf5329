package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.secretstore.AccessDeniedException;
import dev.secretstore.ListOptions;
import dev.secretstore.ReadResult;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import dev.secretstore.VerificationReport;
import dev.secretstore.VerificationStep;
import dev.secretstore.emulator.gcp.Fault;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The refusals Google's front end sends with an ErrorInfo (domain googleapis.com), over the wire from the emulator:
 * the Secret Manager API not enabled (SERVICE_DISABLED) and a project that does not exist (CONSUMER_INVALID). Each is
 * an AccessDeniedException whose hint is the documented fix (enable the API; correct projectId), never "grant a
 * role", attempted exactly once, and verify shows that hint on the failed step.
 */
@DisplayName("gcp: API disabled, project does not exist")
class GcpProjectRefusalTest {

    static final SecretName EXISTING = SecretName.of("refusal/existing");
    static final String ENABLE = "gcloud services enable secretmanager.googleapis.com --project " + EmulatorWorld.PROJECT;
    static EmulatorWorld world;
    static SecretStore store;
    static int fresh;

    @BeforeAll
    static void start() {
        world = new EmulatorWorld();
        store = world.store(EmulatorWorld.STORE_ACCOUNT, EmulatorWorld.NAME_PREFIX);
    }

    @BeforeEach
    void existing() {
        // Also after a test that reloaded the emulator's state (which removes every secret).
        store.put(EXISTING, SecretValue.ofText("kept"));
    }

    @AfterAll
    static void stop() {
        store.close();
        world.close();
    }

    @AfterEach
    void clear() {
        world.emulator.control().clearFaults();
    }

    /** Each store call, and the Secret Manager method of it that the refusal meets. */
    static Stream<Arguments> calls() {
        Map<String, Entry<String, Consumer<SecretStore>>> calls = new java.util.LinkedHashMap<>();
        calls.put("create", Map.entry("CreateSecret",
                s -> s.create(SecretName.of("refusal/new-" + (++fresh)), SecretValue.ofText("v"))));
        calls.put("put (its describe)", Map.entry("GetSecret", s -> s.put(EXISTING, SecretValue.ofText("v"))));
        calls.put("put (its new version)", Map.entry("AddSecretVersion", s -> s.put(EXISTING, SecretValue.ofText("v"))));
        calls.put("put with other tags", Map.entry("UpdateSecret",
                s -> s.put(EXISTING, SecretValue.ofText("v"), Map.of("team", "data"))));
        calls.put("read", Map.entry("AccessSecretVersion", s -> s.read(EXISTING)));
        calls.put("describe (its version)", Map.entry("GetSecretVersion", s -> s.describe(EXISTING)));
        calls.put("list", Map.entry("ListSecrets", s -> s.list(ListOptions.defaults())));
        calls.put("delete", Map.entry("DeleteSecret", s -> s.delete(EXISTING)));
        return Stream.of(Fault.Kind.SERVICE_DISABLED, Fault.Kind.CONSUMER_INVALID).flatMap(kind -> calls.entrySet()
                .stream().map(c -> Arguments.of(kind, c.getKey(), c.getValue().getKey(), c.getValue().getValue())));
    }

    @ParameterizedTest(name = "{0} on {1} ({2})")
    @MethodSource("calls")
    @DisplayName("each call is refused once, typed, with the documented fix")
    void refusedOnceWithTheDocumentedFix(Fault.Kind kind, String call, String method, Consumer<SecretStore> action) {
        world.emulator.control().addFault(Fault.of(kind).onlyFor(method));
        long before = world.emulator.control().requestCount(method);

        Throwable failure = catchThrowable(() -> action.accept(store));

        assertThat(failure).isInstanceOf(AccessDeniedException.class);
        assertThat(world.emulator.control().requestCount(method) - before).as("attempts of " + method).isEqualTo(1);
        assertDocumentedFix(kind, (AccessDeniedException) failure);
    }

    @Test
    @DisplayName("readAll reports the refusal per name, each read attempted once")
    void readAllRefused() {
        world.emulator.control().addFault(Fault.of(Fault.Kind.SERVICE_DISABLED).onlyFor("AccessSecretVersion"));
        long before = world.emulator.control().requestCount("AccessSecretVersion");

        ReadResult result = store.readAll(List.of(EXISTING)).get(EXISTING);

        assertThat(result.failure()).hasValueSatisfying(f -> {
            assertThat(f).isInstanceOf(AccessDeniedException.class);
            assertDocumentedFix(Fault.Kind.SERVICE_DISABLED, (AccessDeniedException) f);
        });
        assertThat(world.emulator.control().requestCount("AccessSecretVersion") - before).isEqualTo(1);
    }

    @Test
    @DisplayName("verify: with the API disabled, the failed step's fix is to enable it")
    void verifyShowsEnableTheApi() {
        world.emulator.control().addFault(Fault.of(Fault.Kind.SERVICE_DISABLED));

        VerificationReport report = store.verify();

        assertThat(report.passed()).isFalse();
        VerificationStep failed = firstFailed(report);
        assertThat(failed.detail()).hasValueSatisfying(d -> assertThat(d).contains("not enabled"));
        assertThat(failed.remediation()).hasValueSatisfying(r -> assertThat(r).contains(ENABLE).doesNotContain("grant"));
        assertThat(failed.failureKind()).contains(VerificationStep.FailureKind.ACCESS_DENIED);
    }

    @Test
    @DisplayName("a projectId naming no project: every call is CONSUMER_INVALID, and verify's fix names projectId")
    void projectThatDoesNotExist() {
        JsonObject state = JsonParser.parseString(EmulatorWorld.state()).getAsJsonObject();
        state.addProperty("autoCreateProjects", false);
        world.emulator.control().loadState(state.toString());
        Map<String, Object> config = world.keyConfig(world.keyJson(EmulatorWorld.STORE_ACCOUNT), EmulatorWorld.NAME_PREFIX);
        config.put("projectId", "no-such-project");
        try (SecretStore wrong = SecretStores.open(config)) {
            long before = world.emulator.control().requestCount("AccessSecretVersion");

            Throwable read = catchThrowable(() -> wrong.read(EXISTING));

            assertThat(read).isInstanceOf(AccessDeniedException.class);
            assertThat(read.getMessage()).contains("project no-such-project does not exist").contains("CONSUMER_INVALID");
            assertThat(((AccessDeniedException) read).remediation()).hasValueSatisfying(r ->
                    assertThat(r).contains("projectId").doesNotContain("grant"));
            assertThat(world.emulator.control().requestCount("AccessSecretVersion") - before).isEqualTo(1);

            VerificationStep failed = firstFailed(wrong.verify());
            assertThat(failed.remediation()).hasValueSatisfying(r -> assertThat(r).contains("projectId"));
        } finally {
            world.emulator.control().loadState(EmulatorWorld.state());
        }
    }

    private static VerificationStep firstFailed(VerificationReport report) {
        return report.steps().stream().filter(s -> s.status() == VerificationStep.Status.FAILED).findFirst()
                .orElseThrow(() -> new AssertionError("no failed step in " + report));
    }

    private static void assertDocumentedFix(Fault.Kind kind, AccessDeniedException e) {
        if (kind == Fault.Kind.SERVICE_DISABLED) {
            assertThat(e.getMessage()).contains("Secret Manager API is not enabled in project " + EmulatorWorld.PROJECT)
                    .contains("SERVICE_DISABLED");
            assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains(ENABLE).doesNotContain("grant"));
        } else {
            assertThat(e.getMessage()).contains("project " + EmulatorWorld.PROJECT + " does not exist")
                    .contains("CONSUMER_INVALID");
            assertThat(e.remediation()).hasValueSatisfying(r -> assertThat(r).contains("projectId")
                    .doesNotContain("grant"));
        }
    }
}
