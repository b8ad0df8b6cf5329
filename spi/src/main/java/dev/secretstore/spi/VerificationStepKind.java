package dev.secretstore.spi;

/**
 * The steps of {@link dev.secretstore.SecretStore#verify()}, passed to
 * {@link SecretStoreProvider#remediation} so a provider can phrase a hint for its own store.
 */
public enum VerificationStepKind {
    /** Create a test secret named {@code secretstore-verify-<random>}. */
    CREATE("create test secret"),
    /** Read it back and compare. */
    READ_BACK("read it back"),
    /** Confirm it carries the managed tag. */
    CONFIRM_TAGS("confirm its tags"),
    /**
     * A store-specific check the provider adds after the documented steps (see
     * {@link SecretStoreSpi#extraVerificationSteps}), e.g. a probe for a policy weaker than recommended.
     * Such a step carries its own name.
     */
    STORE_CHECK("store check"),
    /** Delete it (force). */
    DELETE("delete test secret");

    private final String displayName;

    VerificationStepKind(String displayName) {
        this.displayName = displayName;
    }

    /** @return the step's name in reports, e.g. "create test secret" */
    public String displayName() {
        return displayName;
    }
}
