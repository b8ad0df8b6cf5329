package dev.secretstore.conformance;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Hands each group the {@link ConformanceRun} of the kit it is nested in. The run is kept in the store
 * of the kit class's own context, so the fixture is opened once per kit class and closed by JUnit when
 * that class finishes.
 */
final class ConformanceRunResolver implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ConformanceRunResolver.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ConformanceRun.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        SecretStoreConformanceKit kit = context.getRequiredTestInstances()
                .findInstance(SecretStoreConformanceKit.class)
                .orElseThrow(() -> new IllegalStateException(
                        "conformance groups run only nested in a SecretStoreConformanceKit subclass"));
        return kitClassContext(context, kit.getClass())
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(ConformanceRun.class, key -> ConformanceRun.start(kit.fixture()),
                        ConformanceRun.class);
    }

    private static ExtensionContext kitClassContext(ExtensionContext context, Class<?> kitClass) {
        ExtensionContext current = context;
        while (current.getTestClass().map(c -> c != kitClass).orElse(true) || current.getTestMethod().isPresent()) {
            current = current.getParent().orElseThrow(() -> new IllegalStateException(
                    "no context for " + kitClass.getName() + " above " + context.getUniqueId()));
        }
        return current;
    }
}
