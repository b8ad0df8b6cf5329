package dev.secretstore.conformance;

/**
 * Counts the write attempts that reach the backing service, so the kit can prove that a denied write
 * was attempted exactly once (access denied is never retried) and that invalid input caused no write
 * at all.
 *
 * <p>Count every attempt to change the service (create, add a version, change tags, delete), including
 * retries, made through any store the fixture hands out. Emulator-backed fixtures usually read the
 * emulator's request log; an HTTP interceptor works too.
 *
 * <pre>{@code
 * FixtureFeature.of(() -> emulator.requests().stream().filter(Request::isWrite).count())
 * }</pre>
 */
@FunctionalInterface
public interface RequestCounter {

    /** The number of write attempts seen so far; only differences between two calls matter. */
    long writeAttempts();
}
