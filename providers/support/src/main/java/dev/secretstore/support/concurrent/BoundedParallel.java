package dev.secretstore.support.concurrent;

import dev.secretstore.SecretStoreException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs a store's independent calls (the batches of one {@code readAll}, or one read per name where a cloud
 * has no batch call) with at most a configured number in flight, so a large read is fast. How many calls that
 * makes a second depends on the network, so it does not keep a store under a rate quota: {@link RequestRate}
 * does, taken by each call. One per opened store; its threads are daemons, started on first use, ended
 * after 30 s idle and by {@link #close()}.
 *
 * <pre>{@code
 * BoundedParallel reads = new BoundedParallel("secretstore-aws-read", 8);
 * List<Map<SecretName, ReadResult>> pages = reads.map(chunks, this::readChunk);
 * }</pre>
 *
 * Results come back in the order of the inputs. The first call that fails cancels those not yet started and
 * its exception is thrown as it was (each call normally applies the retry policy itself).
 */
public final class BoundedParallel implements AutoCloseable {

    private final String threadName;
    private final int maxInFlight;
    private ThreadPoolExecutor pool;
    private boolean closed;

    /**
     * @param threadName  prefix of the worker threads' names
     * @param maxInFlight the most calls running at once, at least 1
     */
    public BoundedParallel(String threadName, int maxInFlight) {
        if (maxInFlight < 1) {
            throw new IllegalArgumentException("maxInFlight must be at least 1");
        }
        this.threadName = threadName;
        this.maxInFlight = maxInFlight;
    }

    /** @return the most calls running at once */
    public int maxInFlight() {
        return maxInFlight;
    }

    /**
     * @param items the inputs
     * @param call  the call per input; thread-safe
     * @param <I>   input type
     * @param <O>   output type
     * @return the outputs, in the inputs' order
     */
    public <I, O> List<O> map(List<I> items, Function<I, O> call) {
        if (items.size() <= 1 || maxInFlight == 1) {
            List<O> out = new ArrayList<>(items.size());
            items.forEach(i -> out.add(call.apply(i)));
            return out;
        }
        ThreadPoolExecutor executor = executor();
        List<Future<O>> futures = new ArrayList<>(items.size());
        for (I item : items) {
            futures.add(executor.submit(() -> call.apply(item)));
        }
        List<O> out = new ArrayList<>(items.size());
        try {
            for (Future<O> f : futures) {
                out.add(f.get());
            }
            return out;
        } catch (ExecutionException e) {
            futures.forEach(f -> f.cancel(false));
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new SecretStoreException("a parallel call failed", cause);
        } catch (InterruptedException e) {
            futures.forEach(f -> f.cancel(true));
            Thread.currentThread().interrupt();
            throw new SecretStoreException("interrupted while waiting for parallel calls", e);
        } catch (CancellationException e) {
            throw new SecretStoreException("parallel calls were cancelled because the store was closed", e);
        }
    }

    private synchronized ThreadPoolExecutor executor() {
        if (closed) {
            throw new IllegalStateException("the store is closed");
        }
        if (pool == null) {
            AtomicInteger n = new AtomicInteger();
            ThreadFactory daemons = r -> {
                Thread t = new Thread(r, threadName + "-" + n.incrementAndGet());
                t.setDaemon(true);
                return t;
            };
            pool = new ThreadPoolExecutor(maxInFlight, maxInFlight, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                    daemons);
            pool.allowCoreThreadTimeOut(true);
        }
        return pool;
    }

    /** Stops the worker threads; calls under way finish, calls not started are dropped. */
    @Override
    public synchronized void close() {
        closed = true;
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    @Override
    public String toString() {
        return "BoundedParallel[" + threadName + ", maxInFlight=" + maxInFlight + "]";
    }
}
