package dev.secretstore.support.retry;

import java.time.Duration;

/** Waits between attempts; tests replace it so they need not wait for real. */
@FunctionalInterface
interface Sleeper {

    /** The real one. */
    Sleeper THREAD_SLEEP = d -> Thread.sleep(d.toMillis());

    /**
     * @param duration how long
     * @throws InterruptedException if the thread is interrupted meanwhile
     */
    void sleep(Duration duration) throws InterruptedException;
}
