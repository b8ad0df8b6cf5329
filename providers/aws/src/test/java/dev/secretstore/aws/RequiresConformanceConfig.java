package dev.secretstore.aws;

import dev.secretstore.conformance.ConfiguredStoreConformanceTest;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a real-account class, with the reason, when no store config is given. A condition (unlike the kit's
 * {@code @BeforeAll} assumption, which aborts the class before any test starts) makes JUnit report the class as
 * skipped, so the build shows one skipped entry and why, instead of "0 tests".
 */
final class RequiresConformanceConfig implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean given = setting(ConfiguredStoreConformanceTest.CONFIG_PROPERTY, ConfiguredStoreConformanceTest.CONFIG_ENV)
                .isPresent();
        return given
                ? ConditionEvaluationResult.enabled("a store config is given")
                : ConditionEvaluationResult.disabled("no store config given: set -D"
                        + ConfiguredStoreConformanceTest.CONFIG_PROPERTY + "=FILE or "
                        + ConfiguredStoreConformanceTest.CONFIG_ENV + "=FILE to run the kit against a real AWS account");
    }

    private static Optional<String> setting(String property, String variable) {
        return Optional.ofNullable(System.getProperty(property)).filter(v -> !v.isBlank())
                .or(() -> Optional.ofNullable(System.getenv(variable)).filter(v -> !v.isBlank()));
    }
}
