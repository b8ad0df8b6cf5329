package dev.secretstore.internal;

import dev.secretstore.ProviderInfo;
import dev.secretstore.ProviderLoadFailure;
import dev.secretstore.SecretStoreException;
import dev.secretstore.spi.SecretStoreProvider;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The providers found through one class loader, with the failures met on the way. Built once per
 * class loader by {@link ProviderRegistry}; immutable afterwards.
 */
public final class ProviderDiscovery {

    // Both are needed only when a provider fails to load, so they are built then: a string concatenation or a
    // regex in the static initialiser would cost every listing in a fresh JVM (StringConcatFactory's bootstrap).
    private static String serviceFile() {
        return "META-INF/services/" + SecretStoreProvider.class.getName();
    }

    private static final class ProviderInMessage {
        static final Pattern PATTERN = Pattern.compile("Provider ([\\w.$]+)");
    }
    // Stops a pathological iterator that keeps failing on the same entry.
    private static final int MAX_CONSECUTIVE_ERRORS = 100;

    private final List<Installed> installed;
    private final List<ProviderLoadFailure> failures;

    /** A loaded provider and its description. */
    public static final class Installed {
        private final SecretStoreProvider provider;
        private final ProviderInfo info;

        Installed(SecretStoreProvider provider, ProviderInfo info) {
            this.provider = provider;
            this.info = info;
        }

        /** @return the provider object */
        public SecretStoreProvider provider() {
            return provider;
        }

        /** @return its description */
        public ProviderInfo info() {
            return info;
        }
    }

    private ProviderDiscovery(List<Installed> installed, List<ProviderLoadFailure> failures) {
        this.installed = Collections.unmodifiableList(installed);
        this.failures = Collections.unmodifiableList(failures);
    }

    /** @return providers, de-duplicated by name, first found wins */
    public List<Installed> installed() {
        return installed;
    }

    /** @return what failed to load and why */
    public List<ProviderLoadFailure> failures() {
        return failures;
    }

    /**
     * Loads every provider visible to {@code loader}; failures are recorded, never thrown.
     *
     * @param loader the class loader
     * @return the result
     */
    static ProviderDiscovery load(ClassLoader loader) {
        Map<String, Installed> byName = new LinkedHashMap<>();
        List<ProviderLoadFailure> failures = new ArrayList<>();
        Iterator<SecretStoreProvider> it = ServiceLoader.load(SecretStoreProvider.class, loader).iterator();
        int consecutiveErrors = 0;
        while (consecutiveErrors < MAX_CONSECUTIVE_ERRORS) {
            SecretStoreProvider provider;
            try {
                if (!it.hasNext()) {
                    break;
                }
                provider = it.next();
            } catch (ServiceConfigurationError | LinkageError | SecretStoreException e) {
                consecutiveErrors++;
                failures.add(failureOf(e, loader));
                continue;
            }
            consecutiveErrors = 0;
            String source = sourceOf(provider.getClass());
            ProviderInfo info;
            try {
                info = describe(provider, source);
            } catch (RuntimeException | LinkageError e) {
                failures.add(new ProviderLoadFailure(provider.getClass().getName(), source,
                        "describing the provider failed: " + summary(e), e));
                continue;
            }
            Installed first = byName.get(info.name());
            if (first != null) {
                failures.add(new ProviderLoadFailure(provider.getClass().getName(), source,
                        "duplicate provider name '" + info.name() + "': already provided by "
                                + first.provider().getClass().getName()
                                + first.info().source().map(s -> " (from " + s + ")").orElse("") + "; ignored",
                        null));
                continue;
            }
            byName.put(info.name(), new Installed(provider, info));
        }
        return new ProviderDiscovery(new ArrayList<>(byName.values()), failures);
    }

    private static ProviderInfo describe(SecretStoreProvider p, String source) {
        String name = p.name();
        if (name == null || name.isBlank()) {
            throw new IllegalStateException("name() returned no name");
        }
        return ProviderInfo.builder(name)
                .type(p.type())
                .description(p.description())
                .version(p.version())
                .capabilities(p.capabilities())
                .configFields(p.configFields())
                .shapeDescription(p.shapeDescription())
                .source(source)
                .build();
    }

    private static ProviderLoadFailure failureOf(Throwable e, ClassLoader loader) {
        String className = classNameIn(e);
        String source = className == null ? null : serviceFileListing(className, loader);
        Throwable root = e instanceof ServiceConfigurationError && e.getCause() != null ? e.getCause() : e;
        String reason;
        if (root instanceof ClassNotFoundException || (e.getMessage() != null && e.getMessage().endsWith(" not found"))) {
            reason = "listed in " + serviceFile() + " but the class does not exist";
        } else if (root instanceof NoClassDefFoundError) {
            reason = "a class it needs is missing (" + root.getMessage() + "): add the missing dependency jar";
        } else if (root instanceof ExceptionInInitializerError) {
            reason = "its static initialiser failed: " + summary(root.getCause() != null ? root.getCause() : root);
        } else if (e instanceof ServiceConfigurationError && e.getCause() != null) {
            reason = "could not be instantiated: " + summary(root);
        } else {
            reason = summary(e);
        }
        return new ProviderLoadFailure(className == null ? "unknown provider" : className, source, reason, e);
    }

    private static String summary(Throwable t) {
        // Provider construction never sees credentials, so its message is safe to show; still bounded.
        String m = t.getMessage();
        if (m != null && m.length() > 300) {
            m = m.substring(0, 300) + "…";
        }
        return t.getClass().getName() + (m == null ? "" : ": " + m);
    }

    private static String classNameIn(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m == null) {
                continue;
            }
            Matcher matcher = ProviderInMessage.PATTERN.matcher(m);
            if (matcher.find()) {
                return matcher.group(1);
            }
        }
        return null;
    }

    /** The jar or directory whose service file lists {@code className}. */
    private static String serviceFileListing(String className, ClassLoader loader) {
        try {
            Enumeration<URL> files = loader == null ? ClassLoader.getSystemResources(serviceFile())
                    : loader.getResources(serviceFile());
            while (files.hasMoreElements()) {
                URL url = files.nextElement();
                try (BufferedReader r = new BufferedReader(new InputStreamReader(url.openStream(), StandardCharsets.UTF_8))) {
                    String line;
                    while ((line = r.readLine()) != null) {
                        int hash = line.indexOf('#');
                        if ((hash >= 0 ? line.substring(0, hash) : line).trim().equals(className)) {
                            return url.toString();
                        }
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return null;
    }

    private static String sourceOf(Class<?> type) {
        try {
            CodeSource cs = type.getProtectionDomain().getCodeSource();
            return cs == null || cs.getLocation() == null ? null : cs.getLocation().toString();
        } catch (SecurityException e) {
            return null;
        }
    }
}
