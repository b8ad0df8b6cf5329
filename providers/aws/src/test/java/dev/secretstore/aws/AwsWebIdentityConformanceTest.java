package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.SecretStoreConformanceKit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * The whole kit with IAM_ROLE configs whose source credentials come from IRSA, end to end: the SDK's default
 * chain finds a web identity token file (written here, signed by the emulated cluster's OIDC key) and the pod's
 * role, exchanges the token through the emulator's STS AssumeRoleWithWebIdentity, and with those credentials
 * the provider assumes the configured role (with the external id). Nothing but system properties is set (and
 * restored after); the environment is never touched. Closing the fixture checks the web identity path was
 * really taken.
 */
@DisplayName("conformance kit: aws, IAM_ROLE with IRSA (web identity) source credentials")
class AwsWebIdentityConformanceTest extends SecretStoreConformanceKit {

    @Override
    protected ConformanceFixture fixture() {
        EmulatedAccount account = EmulatedAccount.start();
        Path dir = tempDir();
        Path token = EmulatedAccount.writeServiceAccountToken(dir, Duration.ofHours(1));
        SourceCredentials source = SourceCredentials.webIdentity(token, EmulatedAccount.POD_ROLE,
                account.emulator.endpoint(), EmulatedAccount.REGION);
        return new EmulatorFixture(account,
                account.roleConfig(EmulatedAccount.ADMIN_ROLE),
                account.roleConfig(EmulatedAccount.READER_ROLE),
                account.roleConfig(EmulatedAccount.UNTRUSTING_ROLE),
                Map.of(),
                () -> {
                    try {
                        // Every store's source credentials came from the token, none from anywhere else.
                        assertThat(account.emulator.requestCount("AssumeRoleWithWebIdentity")).isPositive();
                    } finally {
                        source.restore();
                        account.close();
                        deleteQuietly(token, dir);
                    }
                });
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("secretstore-irsa");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteQuietly(Path... paths) {
        for (Path p : paths) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // A temporary file left behind harms nothing.
            }
        }
    }
}
