package dev.secretstore.gcp;

import dev.secretstore.conformance.ConfiguredStoreConformanceTest;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips the real-project class, with the reason, when no store config is given. The kit's own {@code @BeforeAll}
 * assumption aborts the class before any test starts, which Maven reports as "Tests run: 0" with no reason; a
 * condition makes JUnit report the class as skipped, and the build shows why.
 */
final class RequiresProjectConfig implements ExecutionCondition {

    static final String REASON = "no store config given: set " + ConfiguredStoreConformanceTest.CONFIG_ENV
            + "=FILE (or -D" + ConfiguredStoreConformanceTest.CONFIG_PROPERTY
            + "=FILE) to run the kit against a real Google Cloud project (see providers/gcp/README.md)";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return configGiven(System.getProperty(ConfiguredStoreConformanceTest.CONFIG_PROPERTY),
                System.getenv(ConfiguredStoreConformanceTest.CONFIG_ENV))
                ? ConditionEvaluationResult.enabled("a store config is given")
                : ConditionEvaluationResult.disabled(REASON);
    }

    /** The kit's own rule: the property, else the environment variable, each counting only when not blank. */
    static boolean configGiven(String property, String variable) {
        return Optional.ofNullable(property).filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(variable).filter(v -> !v.isBlank())).isPresent();
    }
}
