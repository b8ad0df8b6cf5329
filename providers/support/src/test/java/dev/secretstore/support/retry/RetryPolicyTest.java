package dev.secretstore.support.retry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.InvalidRequestException;
import dev.secretstore.InvalidSecretNameException;
import dev.secretstore.NotManagedException;
import dev.secretstore.Operation;
import dev.secretstore.SecretAlreadyExistsException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretNotFoundException;
import dev.secretstore.SecretStoreException;
import dev.secretstore.StoreUnavailableException;
import dev.secretstore.ThrottledException;
import dev.secretstore.support.retry.RetryEvent.CauseKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@DisplayName("RetryPolicy")
class RetryPolicyTest {

    static final SecretName NAME = SecretName.of("connections/pg/password");
    static final RetrySettings SETTINGS = RetrySettings.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(100))
            .maxBackoff(Duration.ofSeconds(1)).maxElapsed(Duration.ofSeconds(30)).build();

    final FakeTime time = new FakeTime();
    final List<RetryEvent> events = new ArrayList<>();

    RetryPolicy policy(RetrySettings settings) {
        return time.install(RetryPolicy.create("aws", settings)).withListener(events::add);
    }

    static StoreUnavailableException unavailable(int attempt) {
        return new StoreUnavailableException("aws", null, null, "HTTP 503 on attempt " + attempt, null,
                new IOException("connection reset"), null);
    }

    static ThrottledException throttled(int attempt) {
        return new ThrottledException("aws", null, null, "ThrottlingException on attempt " + attempt, "slow down", null, null);
    }

    @Nested
    @DisplayName("attempt counts")
    class AttemptCounts {

        @Test
        @DisplayName("a fault that clears after N attempts costs N+1 attempts and returns the result")
        void transientFaultClears() {
            ScriptedCall call = ScriptedCall.failingTimes(2, RetryPolicyTest::unavailable);

            String result = policy(SETTINGS).call(Operation.READ, NAME, call);

            assertThat(result).isEqualTo("ok 3");
            assertThat(call.attempts).extracting(Attempt::number).containsExactly(1, 2, 3);
            assertThat(time.sleeps).hasSize(2);
        }

        @Test
        @DisplayName("a success at once is one attempt, no wait, no event")
        void successAtOnce() {
            ScriptedCall call = ScriptedCall.failingTimes(0, RetryPolicyTest::unavailable);

            assertThat(policy(SETTINGS).call(Operation.READ, NAME, call)).isEqualTo("ok 1");
            assertThat(call.attempts).hasSize(1);
            assertThat(time.sleeps).isEmpty();
            assertThat(events).isEmpty();
        }

        @Test
        @DisplayName("a persistent fault costs exactly maxAttempts, then the last exception is thrown, typed")
        void persistentFault() {
            ScriptedCall call = ScriptedCall.alwaysFailing(RetryPolicyTest::unavailable);

            StoreUnavailableException e = catchThrowableOfType(StoreUnavailableException.class,
                    () -> policy(SETTINGS).call(Operation.PUT, NAME, call));

            assertThat(call.attempts).hasSize(4);
            assertThat(time.sleeps).hasSize(3);
            assertThat(e).isExactlyInstanceOf(StoreUnavailableException.class);
            assertThat(e.detail()).startsWith("HTTP 503 on attempt 4").contains("gave up after 4 attempts")
                    .contains("retry.maxAttempts is 4");
            assertThat(e.getCause()).isInstanceOf(IOException.class).hasMessage("connection reset");
            assertThat(e.provider()).isEqualTo("aws");
            assertThat(e.operation()).contains(Operation.PUT);
            assertThat(e.secretName()).contains(NAME);
            assertThat(e.getSuppressed()).as("the earlier attempts' failures").hasSize(3);
        }

        @Test
        @DisplayName("a persistently throttled call ends with a ThrottledException that keeps its remediation")
        void persistentThrottling() {
            ScriptedCall call = ScriptedCall.alwaysFailing(RetryPolicyTest::throttled);

            Throwable e = catchThrowable(() -> policy(SETTINGS).call(Operation.CREATE, NAME, call));

            assertThat(e).isExactlyInstanceOf(ThrottledException.class);
            assertThat(((ThrottledException) e).remediation()).contains("slow down");
            assertThat(e.getMessage()).startsWith("aws: create 'connections/pg/password' throttled: ")
                    .contains("gave up after 4 attempts");
            assertThat(call.attempts).hasSize(4);
        }

        @Test
        @DisplayName("maxAttempts 1 means no retry at all")
        void singleAttempt() {
            ScriptedCall call = ScriptedCall.alwaysFailing(RetryPolicyTest::unavailable);

            Throwable e = catchThrowable(() -> policy(SETTINGS.toBuilder().maxAttempts(1).build())
                    .call(Operation.READ, NAME, call));

            assertThat(e).isInstanceOf(StoreUnavailableException.class);
            assertThat(call.attempts).hasSize(1);
            assertThat(time.sleeps).isEmpty();
            assertThat(events).singleElement().satisfies(ev -> assertThat(ev.willRetry()).isFalse());
        }

        @Test
        @DisplayName("a provider's own subclass of StoreUnavailableException is rethrown as it is, in context")
        void subclassKept() {
            class ConnectionPoolExhausted extends StoreUnavailableException {
                ConnectionPoolExhausted() {
                    super("pool exhausted");
                }
            }
            ConnectionPoolExhausted last = new ConnectionPoolExhausted();

            Throwable e = catchThrowable(() -> policy(SETTINGS).call(Operation.READ, NAME, a -> {
                throw a.number() < 4 ? new ConnectionPoolExhausted() : last;
            }));

            assertThat(e).isSameAs(last);
            assertThat(last.operation()).contains(Operation.READ);
            assertThat(last.provider()).isEqualTo("aws");
        }
    }

    @Nested
    @DisplayName("no retry")
    class NoRetry {

        static Stream<Arguments> permanentFailures() {
            return Stream.<Supplier<RuntimeException>>of(
                    () -> new AccessDeniedException("AccessDeniedException"),
                    () -> new AuthenticationFailedException("invalid client secret"),
                    () -> new SecretNotFoundException("no such secret"),
                    () -> new SecretAlreadyExistsException("exists"),
                    () -> new InvalidRequestException("bad request"),
                    () -> new InvalidSecretNameException("bad name"),
                    () -> new NotManagedException("not ours"),
                    () -> new SecretStoreException("unknown failure"),
                    () -> new IllegalStateException("bug"))
                    .map(s -> Arguments.of(s.get().getClass().getSimpleName(), s));
        }

        @ParameterizedTest(name = "{0}")
        @MethodSource("permanentFailures")
        @DisplayName("is made for a failure that is not transient: one attempt, no wait, no event, same exception")
        void permanentFailureIsNotRetried(String kind, Supplier<RuntimeException> failure) {
            RuntimeException thrown = failure.get();
            ScriptedCall call = ScriptedCall.alwaysFailing(n -> thrown);

            Throwable e = catchThrowable(() -> policy(SETTINGS).call(Operation.PUT, NAME, call));

            assertThat(e).isSameAs(thrown);
            assertThat(call.attempts).hasSize(1);
            assertThat(time.sleeps).isEmpty();
            assertThat(events).isEmpty();
            if (e instanceof SecretStoreException) {
                SecretStoreException s = (SecretStoreException) e;
                assertThat(s.provider()).isEqualTo("aws");
                assertThat(s.operation()).contains(Operation.PUT);
                assertThat(s.secretName()).contains(NAME);
            }
        }

        @Test
        @DisplayName("is made after a transient failure is followed by denial: the denial ends the call")
        void denialAfterTransientEndsCall() {
            AccessDeniedException denied = new AccessDeniedException("AccessDeniedException");
            ScriptedCall call = new ScriptedCall(n -> n == 1 ? unavailable(n) : denied);

            Throwable e = catchThrowable(() -> policy(SETTINGS).call(Operation.READ, NAME, call));

            assertThat(e).isSameAs(denied);
            assertThat(call.attempts).hasSize(2);
            assertThat(events).hasSize(1);
        }
    }

    @Nested
    @DisplayName("backoff")
    class BackoffBounds {

        @Test
        @DisplayName("the computed waits are drawn from [0, min(maxBackoff, initialBackoff * 2^k)]")
        void fullJitterBounds() {
            RetrySettings settings = SETTINGS.toBuilder().maxAttempts(8).maxElapsed(Duration.ofHours(1)).build();
            List<Long> ceilings = List.of(100L, 200L, 400L, 800L, 1000L, 1000L, 1000L);
            for (int run = 0; run < 50; run++) {
                time.sleeps.clear();
                catchThrowable(() -> policy(settings).call(Operation.READ, NAME, ScriptedCall.alwaysFailing(RetryPolicyTest::unavailable)));
                assertThat(time.sleeps).hasSize(7);
                for (int k = 0; k < 7; k++) {
                    assertThat(time.sleeps.get(k).toMillis()).as("wait after attempt %d", k + 1)
                            .isBetween(0L, ceilings.get(k));
                }
            }
        }

        @Test
        @DisplayName("the top of the jitter range is the doubling ceiling, capped at maxBackoff; the bottom is zero")
        void jitterExtremes() {
            RetrySettings settings = SETTINGS.toBuilder().maxAttempts(7).maxElapsed(Duration.ofHours(1)).build();
            catchThrowable(() -> policy(settings).withRandom(() -> 0.999_999_999)
                    .call(Operation.READ, NAME, ScriptedCall.alwaysFailing(RetryPolicyTest::unavailable)));
            assertThat(time.sleeps).extracting(Duration::toMillis).containsExactly(100L, 200L, 400L, 800L, 1000L, 1000L);

            time.sleeps.clear();
            catchThrowable(() -> policy(settings).withRandom(() -> 0.0)
                    .call(Operation.READ, NAME, ScriptedCall.alwaysFailing(RetryPolicyTest::unavailable)));
            assertThat(time.sleeps).extracting(Duration::toMillis).containsOnly(0L);
        }

        @Test
        @DisplayName("the waits are spread, not equal (full jitter)")
        void waitsAreSpread() {
            Set<Long> firstWaits = new HashSet<>();
            for (int run = 0; run < 40; run++) {
                time.sleeps.clear();
                policy(SETTINGS).call(Operation.READ, NAME, ScriptedCall.failingTimes(1, RetryPolicyTest::unavailable));
                firstWaits.add(time.sleeps.get(0).toMillis());
            }
            assertThat(firstWaits).hasSizeGreaterThan(5);
        }
    }

    @Nested
    @DisplayName("Retry-After")
    class RetryAfterHint {

        @Test
        @DisplayName("the wait is at least the server's Retry-After, even above maxBackoff")
        void honoured() {
            Duration hint = Duration.ofMillis(2_500);
            ScriptedCall call = ScriptedCall.failingTimes(2, n -> new ThrottledException("aws", null, null, "429", null,
                    null, hint));

            assertThat(policy(SETTINGS).call(Operation.READ, NAME, call)).isEqualTo("ok 3");

            assertThat(time.sleeps).hasSize(2).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(hint));
            assertThat(events).extracting(RetryEvent::delay).allSatisfy(d -> assertThat(d).isGreaterThanOrEqualTo(hint));
        }

        @Test
        @DisplayName("a sub-millisecond Retry-After is rounded up, never down")
        void roundedUp() {
            Duration hint = Duration.ofNanos(1_500_000);
            policy(SETTINGS).withRandom(() -> 0.0).call(Operation.READ, NAME, ScriptedCall.failingTimes(1,
                    n -> new ThrottledException("aws", null, null, "429", null, null, hint)));

            assertThat(time.sleeps).singleElement().isEqualTo(Duration.ofMillis(2));
        }

        @Test
        @DisplayName("a real wait: the next attempt starts no sooner than Retry-After (150 ms) after the failure")
        void realWait() {
            Duration hint = Duration.ofMillis(150);
            List<Long> attemptStarts = new ArrayList<>();
            RetryPolicy real = RetryPolicy.create("aws", SETTINGS);

            String result = real.call(Operation.READ, NAME, a -> {
                attemptStarts.add(System.nanoTime());
                if (a.isFirst()) {
                    throw new ThrottledException("aws", null, null, "429", null, null, hint);
                }
                return "ok";
            });

            assertThat(result).isEqualTo("ok");
            assertThat(attemptStarts).hasSize(2);
            assertThat(Duration.ofNanos(attemptStarts.get(1) - attemptStarts.get(0))).isGreaterThanOrEqualTo(hint);
        }
    }

    @Nested
    @DisplayName("maxElapsed")
    class MaxElapsed {

        @Test
        @DisplayName("a Retry-After that would pass maxElapsed ends the call at once, without waiting")
        void retryAfterBeyondBudget() {
            RetrySettings settings = SETTINGS.toBuilder().maxElapsed(Duration.ofSeconds(2)).build();
            ScriptedCall call = ScriptedCall.alwaysFailing(n -> new ThrottledException("aws", null, null, "429", null,
                    null, Duration.ofSeconds(5)));

            ThrottledException e = catchThrowableOfType(ThrottledException.class,
                    () -> policy(settings).call(Operation.READ, NAME, call));

            assertThat(call.attempts).hasSize(1);
            assertThat(time.sleeps).isEmpty();
            assertThat(e.detail()).contains("gave up after 1 attempt").contains("would pass retry.maxElapsed PT2S");
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(5));
            assertThat(events).singleElement().satisfies(ev -> {
                assertThat(ev.willRetry()).isFalse();
                assertThat(ev.delay()).isZero();
            });
        }

        @Test
        @DisplayName("slow attempts count: no wait is started that would end after maxElapsed")
        void slowAttempts() {
            RetrySettings settings = SETTINGS.toBuilder().maxAttempts(10).maxElapsed(Duration.ofSeconds(3)).build();
            ScriptedCall call = ScriptedCall.alwaysFailing(n -> {
                time.advance(Duration.ofMillis(900)); // each attempt times out after 0.9 s
                return unavailable(n);
            });

            catchThrowable(() -> policy(settings).call(Operation.READ, NAME, call));

            long spent = time.sleeps.stream().mapToLong(Duration::toMillis).sum() + 900L * call.attempts.size();
            assertThat(call.attempts.size()).isBetween(2, 4);
            assertThat(spent - 900).as("time when the last attempt started, from the call's start")
                    .isLessThanOrEqualTo(3_000);
        }

        @Test
        @DisplayName("the waits of one call never add up to more than maxElapsed")
        void waitsWithinBudget() {
            RetrySettings settings = RetrySettings.builder().maxAttempts(10).initialBackoff(Duration.ofSeconds(1))
                    .maxBackoff(Duration.ofSeconds(4)).maxElapsed(Duration.ofSeconds(5)).build();
            for (int run = 0; run < 30; run++) {
                time.sleeps.clear();
                catchThrowable(() -> policy(settings).call(Operation.READ, NAME, ScriptedCall.alwaysFailing(RetryPolicyTest::unavailable)));
                assertThat(time.sleeps.stream().mapToLong(Duration::toMillis).sum()).isLessThanOrEqualTo(5_000);
            }
        }
    }

    @Nested
    @DisplayName("idempotency token")
    class IdempotencyToken {

        @Test
        @DisplayName("is the same on every attempt of a call")
        void sameAcrossAttempts() {
            ScriptedCall call = ScriptedCall.failingTimes(3, RetryPolicyTest::unavailable);

            policy(SETTINGS).call(Operation.CREATE, NAME, call);

            assertThat(call.attempts).hasSize(4);
            Set<String> tokens = call.attempts.stream().map(Attempt::idempotencyToken).collect(Collectors.toSet());
            assertThat(tokens).hasSize(1);
            assertThat(UUID.fromString(tokens.iterator().next())).isNotNull();
        }

        @Test
        @DisplayName("differs between calls, even of the same operation and name")
        void differentPerCall() {
            RetryPolicy policy = policy(SETTINGS);
            Set<String> tokens = new HashSet<>();
            for (int i = 0; i < 100; i++) {
                ScriptedCall call = ScriptedCall.failingTimes(0, RetryPolicyTest::unavailable);
                policy.call(Operation.CREATE, NAME, call);
                tokens.add(call.attempts.get(0).idempotencyToken());
            }
            assertThat(tokens).hasSize(100);
        }
    }

    @Nested
    @DisplayName("events")
    class Events {

        @Test
        @DisplayName("one per failed attempt: number, kind, the wait that follows, and whether another attempt does")
        void eachFailedAttempt() {
            ScriptedCall call = ScriptedCall.alwaysFailing(n -> n % 2 == 1 ? throttled(n) : unavailable(n));

            catchThrowable(() -> policy(SETTINGS).call(Operation.DELETE, NAME, call));

            assertThat(events).extracting(RetryEvent::attempt).containsExactly(1, 2, 3, 4);
            assertThat(events).extracting(RetryEvent::causeKind)
                    .containsExactly(CauseKind.THROTTLED, CauseKind.UNAVAILABLE, CauseKind.THROTTLED, CauseKind.UNAVAILABLE);
            assertThat(events).extracting(RetryEvent::willRetry).containsExactly(true, true, true, false);
            assertThat(events.subList(0, 3)).extracting(RetryEvent::delay).containsExactlyElementsOf(time.sleeps);
            assertThat(events.get(3).delay()).isZero();
            assertThat(events).allSatisfy(ev -> {
                assertThat(ev.provider()).isEqualTo("aws");
                assertThat(ev.operation()).isEqualTo(Operation.DELETE);
                assertThat(ev.secretName()).contains(NAME);
            });
        }

        @Test
        @DisplayName("an operation on no single secret has no name in its events")
        void noSecretName() {
            policy(SETTINGS).call(Operation.LIST, null, ScriptedCall.failingTimes(1, RetryPolicyTest::unavailable));

            assertThat(events).singleElement().satisfies(ev -> assertThat(ev.secretName()).isEmpty());
        }

        @Test
        @DisplayName("print the secret's name and the attempt, never the failure's detail")
        void toStringWithoutDetail() {
            String canary = "canary-5f1d9e";
            ScriptedCall call = ScriptedCall.failingTimes(1, n -> new StoreUnavailableException("echoed " + canary));

            policy(SETTINGS).withRandom(() -> 0.5).call(Operation.PUT, NAME, call);

            assertThat(events.get(0).toString()).isEqualTo("aws put 'connections/pg/password' attempt 1 unavailable, retry in 50 ms")
                    .doesNotContain(canary);
        }

        @Test
        @DisplayName("a failing listener changes nothing: the call goes on, later listeners still hear")
        void failingListener() {
            RetryPolicy p = time.install(RetryPolicy.create("aws", SETTINGS))
                    .withListener(e -> {
                        throw new IllegalStateException("listener bug");
                    })
                    .withListener(events::add);

            assertThat(p.call(Operation.READ, NAME, ScriptedCall.failingTimes(1, RetryPolicyTest::unavailable))).isEqualTo("ok 2");
            assertThat(events).hasSize(1);
        }

        @Test
        @DisplayName("withListener returns a new policy; the original keeps its listeners")
        void withListenerIsImmutable() {
            RetryPolicy base = time.install(RetryPolicy.create("aws", SETTINGS));
            List<RetryEvent> other = new ArrayList<>();
            RetryPolicy listened = base.withListener(other::add);

            base.call(Operation.READ, NAME, ScriptedCall.failingTimes(1, RetryPolicyTest::unavailable));
            assertThat(other).isEmpty();
            listened.call(Operation.READ, NAME, ScriptedCall.failingTimes(1, RetryPolicyTest::unavailable));
            assertThat(other).hasSize(1);
        }
    }

    @Test
    @DisplayName("an interrupt during the wait ends the call with the last failure and keeps the interrupt")
    void interruptedWait() {
        RetryPolicy p = RetryPolicy.create("aws", SETTINGS).withSleeper(d -> {
            throw new InterruptedException();
        });
        ScriptedCall call = ScriptedCall.alwaysFailing(RetryPolicyTest::unavailable);

        try {
            StoreUnavailableException e = catchThrowableOfType(StoreUnavailableException.class,
                    () -> p.call(Operation.READ, NAME, call));

            assertThat(call.attempts).hasSize(1);
            assertThat(e.detail()).contains("interrupted while waiting to retry");
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }
}
