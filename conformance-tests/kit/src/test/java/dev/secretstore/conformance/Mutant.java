package dev.secretstore.conformance;

import dev.secretstore.AccessDeniedException;
import dev.secretstore.spi.SecretStoreProvider;

/**
 * The mutation suite: broken providers, each the local provider with exactly one realistic bug of the
 * kinds a cloud-provider author writes, and the kit test expected to catch it. {@link KitKillsEveryMutantTest}
 * runs each mutant through that test and fails the build if the kit passes it: a surviving mutant is a
 * missing check, never a mutant to drop.
 *
 * <p>Most bugs live in {@link MutantProvider}, in front of the fixture's retry policy; the retry bugs
 * replace the retry policy itself ({@link #stack}).
 */
enum Mutant {

    // ---- names -------------------------------------------------------------------------------
    FOLDS_SEPARATORS("Names", "namesDifferingOnlyInSeparatorsNeverCollide",
            "maps '_' to '-' in native names, so two logical names share one secret"),
    CASE_INSENSITIVE_NAMES("Names", "namesDifferingOnlyInCaseAreDistinctSecrets",
            "lower-cases native names, as a case-insensitive vault does"),
    TRUNCATES_LONG_NAMES("Names", "nameOfExactlyTheMaximumLengthRoundTrips",
            "cuts native names at 200 characters while declaring maxNameLength 255"),

    // ---- values ------------------------------------------------------------------------------
    MANGLES_BINARY("RoundTrip", "binaryValueRoundTrips",
            "passes values through a String, which mangles bytes that are not UTF-8"),
    TRUNCATES_VALUES_AT_THE_LIMIT("RoundTrip", "valueOfExactlyTheMaximumSizeRoundTrips",
            "drops the last byte of a value of exactly maxValueBytes (an off-by-one on the native limit)"),
    BINARY_GUESSED_FROM_BYTES("RoundTrip", "textStaysTextAndBinaryStaysBinaryOnEveryReadPath",
            "returns any value that decodes as UTF-8 as text, binary ones included"),
    TEXT_FLAG_LOST_IN_READ_ALL("RoundTrip", "textStaysTextAndBinaryStaysBinaryOnEveryReadPath",
            "its native batch read returns every value as bytes"),
    TEXT_FLAG_LOST_IN_VERSION_READ("RoundTrip", "textStaysTextAndBinaryStaysBinaryOnEveryReadPath",
            "reading a specific version returns the value as bytes"),

    // ---- tags and ownership --------------------------------------------------------------------
    DROPS_MANAGED_TAG("Ownership", "createdSecretCarriesTheManagedTag",
            "stores secrets without the managed tag the engine asked for"),
    DROPS_USER_TAGS("Ownership", "userTagsSurviveUpdates",
            "stores only the managed tag on create and ignores the user's tags"),
    TAG_VALUES_IN_LABEL_SYNTAX("Tags", "userTagComesBackExactlyOrIsRefusedBeforeAnyIo",
            "rewrites tag keys and values into label syntax (lower case, [a-z0-9_-] only) without declaring it"),
    STRIPS_NON_ASCII_FROM_TAGS("Tags", "userTagComesBackExactlyOrIsRefusedBeforeAnyIo",
            "silently drops non-ASCII characters from tag values"),
    REWRITES_TAGS_ON_UPDATE_ONLY("Tags", "userTagComesBackExactlyOrIsRefusedBeforeAnyIo",
            "its tag-update call lower-cases tag values (create is right)"),

    // ---- listing -----------------------------------------------------------------------------
    IGNORES_PAGE_SIZE("Listing", "pagesRespectThePageSizeAndNeitherLoseNorRepeat",
            "ignores ListOptions.pageSize and returns everything in one page"),
    DROPS_LAST_ITEM_OF_EACH_PAGE("Listing", "pagesRespectThePageSizeAndNeitherLoseNorRepeat",
            "loses the last item of every page that has a next page (token built past it)"),
    REPEATS_ITEM_ACROSS_PAGES("Listing", "pagesRespectThePageSizeAndNeitherLoseNorRepeat",
            "repeats the last item of a page at the start of the next (inclusive continuation token)"),

    // ---- least privilege -------------------------------------------------------------------------
    DENIAL_MAPPED_TO_NOT_FOUND("LeastPrivilege", "writeThroughReadOnlyStoreIsDenied",
            "maps the service's access denied on a write to not found"),
    RETRIES_DENIED_CREATE("LeastPrivilege", "deniedWriteIsAttemptedOnce",
            "its retry policy retries a denied create") {
        @Override
        SecretStoreProvider stack(SecretStoreProvider counted) {
            return new RetryingProvider(counted, LocalFixture.MAX_ATTEMPTS, RetryingProvider.TRANSIENT_ONLY
                    .or((call, failure) -> call.equals("create") && failure instanceof AccessDeniedException));
        }
    },
    RETRIES_DENIED_PUT("LeastPrivilege", "deniedWriteIsAttemptedOnce",
            "its retry policy retries a denied put (new version or tag update)") {
        @Override
        SecretStoreProvider stack(SecretStoreProvider counted) {
            return new RetryingProvider(counted, LocalFixture.MAX_ATTEMPTS, RetryingProvider.TRANSIENT_ONLY
                    .or((call, failure) -> (call.equals("addVersion") || call.equals("updateTags"))
                            && failure instanceof AccessDeniedException));
        }
    },
    RETRIES_DENIED_RESTORE("LeastPrivilege", "deniedWriteIsAttemptedOnce",
            "its retry policy retries a denied restore") {
        @Override
        SecretStoreProvider stack(SecretStoreProvider counted) {
            return new RetryingProvider(counted, LocalFixture.MAX_ATTEMPTS, RetryingProvider.TRANSIENT_ONLY
                    .or((call, failure) -> call.equals("restore") && failure instanceof AccessDeniedException));
        }
    },

    // ---- versions ------------------------------------------------------------------------------
    IGNORES_REQUESTED_VERSION("Versions", "readsAnOlderVersionById",
            "read(name, version) ignores the version and returns the latest"),
    LATEST_IS_LARGEST_VERSION_ID("Versions", "latestIsTheLastValueWrittenAfterManyPuts",
            "takes the lexicographically largest version id as the latest (\"9\" after \"12\")"),
    DESCRIBE_REPORTS_THE_FIRST_VERSION("Versions", "latestIsTheLastValueWrittenAfterManyPuts",
            "describe reports the first version id instead of the latest"),
    UPDATED_AT_FROZEN("Versions", "putAdvancesUpdatedAtAndKeepsCreatedAt",
            "reports createdAt as updatedAt, so updatedAt never moves"),
    CREATED_AT_IS_LAST_WRITE("Versions", "putAdvancesUpdatedAtAndKeepsCreatedAt",
            "reports the latest version's time as createdAt"),
    PUT_REPORTS_STALE_VERSION("Versions", "concurrentPutsYieldDistinctReadableVersions",
            "put reports the version it read before writing (describe, then write, then return the describe)"),
    CACHES_VERSIONS_ACROSS_DELETE("Versions", "versionOfAnEarlierLifeIsNotReadableAfterRecreate",
            "caches values by (name, version) and never forgets them when a secret is deleted"),

    // ---- existence and restore ---------------------------------------------------------------------
    RESTORE_LOSES_USER_TAGS("Capabilities", "restoreAfterARecoveryWindowKeepsValueAndTags",
            "restores by re-creating the secret from its last value with only the managed tag"),

    // ---- batch reads ------------------------------------------------------------------------------
    READ_ALL_FIRST_PAGE_ONLY("BatchReads", "readAllOverManyNativeBatchPages",
            "its readAll returns only the first native batch page (20 names) and reports the rest as not found"),
    SWALLOWS_BATCH_ERRORS("BatchReads", "readAllWithPresentAndMissingNames",
            "its readAll leaves out the names the batch call reported errors for"),

    // ---- faults and retries ------------------------------------------------------------------------
    NO_RETRY("Faults", "transientFaultOnAReadIsInvisible",
            "never retries, although its fixture declares maxAttempts 3") {
        @Override
        SecretStoreProvider stack(SecretStoreProvider counted) {
            return new RetryingProvider(counted, 1);
        }
    },
    ONE_ATTEMPT_SHORT("Faults", "persistentFaultOnAReadEndsInTheTypedException",
            "gives up one attempt before the configured maxAttempts") {
        @Override
        SecretStoreProvider stack(SecretStoreProvider counted) {
            return new RetryingProvider(counted, LocalFixture.MAX_ATTEMPTS - 1);
        }
    },
    ATTEMPTS_MULTIPLY("Faults", "persistentFaultOnAReadEndsInTheTypedException",
            "leaves the SDK's own retries on under the retry policy, so attempts multiply") {
        @Override
        SecretStoreProvider stack(SecretStoreProvider counted) {
            return new RetryingProvider(new RetryingProvider(counted, LocalFixture.MAX_ATTEMPTS), LocalFixture.MAX_ATTEMPTS);
        }
    },
    THROTTLING_AS_GENERIC_ERROR("Faults", "persistentFaultOnAReadEndsInTheTypedException",
            "reports exhausted throttling as a plain SecretStoreException instead of ThrottledException"),
    THROTTLED_DESCRIBE_IS_ABSENT("Faults", "faultDuringTheDescribeInsidePutNeverBecomesAbsent",
            "treats a throttled describe as \"absent\""),
    UNAVAILABLE_DESCRIBE_IS_ABSENT("Faults", "faultDuringTheDescribeInsideDeleteNeverBecomesNotFound",
            "treats an unavailable service on describe as \"absent\""),
    CREATE_IN_TWO_CALLS("Faults", "connectionResetDuringCreateLeavesOneSecretOrNone",
            "creates the secret and adds its value in two calls, and leaves the empty secret when the first fails"),
    TIMEOUT_SHORTER_THAN_LATENCY("Faults", "addedLatencyIsWaitedOut",
            "a 100 ms client timeout that retries a slow read"),

    // ---- redaction -------------------------------------------------------------------------------
    LOGS_VALUES_AT_DEBUG("Redaction", "canaryValueNeverLeaks",
            "logs every value it stores at debug level"),
    LOGS_VALUES_TO_ITS_OWN_HANDLER("Redaction", "canaryValueNeverLeaks",
            "logs values at FINE to a java.util.logging logger with its own handler (not the root's)"),
    BASE64_REQUEST_IN_ERROR("Redaction", "canaryValueNeverLeaks",
            "quotes the Base64-encoded request body, value included, in a failed create's error"),
    URL_ENCODED_VALUE_IN_ERROR("Redaction", "canaryValueNeverLeaks",
            "quotes the form-encoded request, value included, in a failed create's error"),
    VALUE_IN_DESCRIPTION_TAG("Redaction", "canaryValueNeverLeaks",
            "copies the value into a 'description' tag on create"),
    LOGS_VALUES_WHEN_CLOSED("Redaction", "canaryValueNeverLeaks",
            "prints its buffered last write, value included, to System.err when the store is closed"
            + " (caught when the run ends: the kit searches the whole run's output for the test's canaries)"),
    CREDENTIAL_IN_AUTH_ERROR("Redaction", "credentialsNeverLeak",
            "quotes the key it was given when the store rejects it");

    /** The nested group class of {@link SecretStoreConformanceKit} and the method in it expected to fail. */
    final String group;
    final String kitTest;
    final String bug;

    Mutant(String group, String kitTest, String bug) {
        this.group = group;
        this.kitTest = kitTest;
        this.bug = bug;
    }

    /**
     * The provider the mutant's stores are opened with, given the fixture's counted, faultable local
     * provider: by default this mutant's bug in front of the fixture's retry policy.
     */
    SecretStoreProvider stack(SecretStoreProvider counted) {
        return new MutantProvider(this, new RetryingProvider(counted, LocalFixture.MAX_ATTEMPTS));
    }

    /** "Group.method", as the kit's report and exclusion list name a test. */
    String kitTestName() {
        return group + "." + kitTest;
    }
}
