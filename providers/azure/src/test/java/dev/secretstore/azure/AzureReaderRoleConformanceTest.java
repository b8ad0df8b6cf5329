package dev.secretstore.azure;

import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.SecretStoreConformanceKit;
import dev.secretstore.emulator.azure.EmulatorDefaults;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;

/**
 * The kit's least-privilege group with a least-privileged application holding only <em>Key Vault Reader</em>, the
 * issue's second least-privilege fixture. That role's only data action is reading metadata
 * ({@code Microsoft.KeyVault/vaults/secrets/readMetadata/action}), so every write must still be denied, and
 * attempted once; the tests that need a value read to succeed are excluded with that reason. Every other group
 * is excluded: {@link AzureServicePrincipalConformanceTest} runs them all, and this run stays seconds long.
 */
class AzureReaderRoleConformanceTest extends SecretStoreConformanceKit {

    static final String NO_VALUE_READ = "Key Vault Reader has no data action to read secret values";
    static final String NOT_LEAST_PRIVILEGE = "not a least-privilege test; AzureServicePrincipalConformanceTest runs"
            + " it, and this run only checks the Key Vault Reader role";

    /*
     * Not met today, and reported so rather than passed: every write first looks the secret up with GetSecret
     * (KeyVaultStore.latest), a call Key Vault Reader may not make, so the write is refused (AccessDeniedException,
     * which writeThroughReadOnlyStoreIsDenied asserts) before any write request: the vault counts 0 write attempts,
     * not the 1 the kit asks for. Meeting it needs a metadata-only pre-write lookup (e.g. the secret's versions).
     */
    static final String PRE_WRITE_CHECK_DENIED = "Key Vault Reader has no data action to read secret values, and the"
            + " provider's pre-write lookup is GetSecret: the write is denied before it is sent (0 write attempts)";

    @Override
    protected ConformanceFixture fixture() {
        EmulatorVault vault = new EmulatorVault();
        return new AzureServicePrincipalConformanceTest.EmulatorFixture(vault, vault.privileged(),
                EmulatorDefaults.READER_CLIENT_ID, EmulatorDefaults.READER_CLIENT_SECRET) {
            @Override
            public Map<String, String> excludedTests() {
                return exclusions();
            }
        };
    }

    /** Every test of every group but LeastPrivilege, and the Reader-readable check, keyed as the kit reports them. */
    static Map<String, String> exclusions() {
        Map<String, String> excluded = new TreeMap<>();
        for (Class<?> group : SecretStoreConformanceKit.class.getDeclaredClasses()) {
            boolean leastPrivilege = group.getSimpleName().equals("LeastPrivilege");
            for (Class<?> c = group; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Method m : c.getDeclaredMethods()) {
                    if (m.isAnnotationPresent(Test.class) || m.isAnnotationPresent(ParameterizedTest.class)) {
                        if (!leastPrivilege) {
                            excluded.put(group.getSimpleName() + "." + m.getName(), NOT_LEAST_PRIVILEGE);
                        }
                    }
                }
            }
        }
        excluded.put("LeastPrivilege.readOnlyStoreCanRead", NO_VALUE_READ);
        excluded.put("LeastPrivilege.deniedWriteIsAttemptedOnce", PRE_WRITE_CHECK_DENIED);
        return excluded;
    }
}
