/**
 * Shared by the cloud providers: the one retry policy ({@code dev.secretstore.support.retry}, on
 * resilience4j-retry), the readAll in-flight and rate bounds ({@code .concurrent}, on
 * resilience4j-ratelimiter), the name codecs ({@code .names}), config checks ({@code .config}) and error
 * helpers ({@code .errors}). Every package is API for providers; none is for applications.
 */
@SuppressWarnings("requires-automatic") // resilience4j ships Automatic-Module-Names, not descriptors
module dev.secretstore.support {
    requires transitive dev.secretstore;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.ratelimiter;
    requires io.github.resilience4j.core;

    exports dev.secretstore.support.concurrent;
    exports dev.secretstore.support.config;
    exports dev.secretstore.support.errors;
    exports dev.secretstore.support.names;
    exports dev.secretstore.support.retry;
}
