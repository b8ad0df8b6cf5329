package dev.secretstore.support.retry;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** An attempt whose outcome is scripted by attempt number; records the attempts it saw. */
final class ScriptedCall implements RetryableCall<String> {

    private final IntFunction<RuntimeException> failureOfAttempt;
    final List<Attempt> attempts = new ArrayList<>();

    /** @param failureOfAttempt the exception attempt n throws, or {@code null} to succeed with "ok n" */
    ScriptedCall(IntFunction<RuntimeException> failureOfAttempt) {
        this.failureOfAttempt = failureOfAttempt;
    }

    static ScriptedCall failingTimes(int failures, IntFunction<RuntimeException> failure) {
        return new ScriptedCall(n -> n <= failures ? failure.apply(n) : null);
    }

    static ScriptedCall alwaysFailing(IntFunction<RuntimeException> failure) {
        return new ScriptedCall(failure);
    }

    @Override
    public String attempt(Attempt attempt) {
        attempts.add(attempt);
        RuntimeException failure = failureOfAttempt.apply(attempt.number());
        if (failure != null) {
            throw failure;
        }
        return "ok " + attempt.number();
    }
}
