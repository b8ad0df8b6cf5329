package dev.secretstore.benchmarks;

/**
 * The {@code readRate} of every cloud store under benchmark: the highest the providers accept. The defaults (AWS 50
 * BatchGetSecretValue calls a second, Azure 200 GetSecret, GCP 750 AccessSecretVersion: half of each documented
 * quota) would pace our {@code readAll} below what the emulators answer (about 900 batch calls and 1,100-1,200
 * single reads a second at 8 in flight with 5 ms latency), while the raw-SDK rows it is compared with have no rate
 * bound. At 10,000 a second (one permit every 0.1 ms) the bound delays only the first 8 requests of a shot, by at
 * most 0.7 ms together, after which the answers come back spaced and no request waits: ours and raw stay compared
 * at the same concurrency, and the published figures with those taken before the bound existed. (At the defaults a
 * cold hydration of 3,000 secrets would take at least 150 / 50 = 3 s on AWS and 3,000 / 750 = 4 s on GCP: that is
 * the quota's floor, not the library's speed.)
 */
final class BenchmarkReadRate {

    static final String FIELD = "readRate";
    static final int UNPACED = 10_000;

    private BenchmarkReadRate() {
    }
}
