package dev.secretstore.aws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.secretstore.AuthenticationFailedException;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretStores;
import dev.secretstore.SecretValue;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkGlobalTime;

/**
 * Where IAM_ROLE's source credentials come from, and the authentication failures a store reports when they, or
 * the credentials it signs with, are missing, expired or signed at the wrong time. Only system properties are
 * set (and restored); the environment is never touched.
 */
class AwsCredentialSourcesTest {

    private static EmulatedAccount account;

    @BeforeAll
    static void start() {
        account = EmulatedAccount.start();
    }

    @AfterAll
    static void stop() {
        account.close();
    }

    @Test
    @DisplayName("IRSA: the SDK's chain exchanges the web identity token file, then the store assumes its role")
    void webIdentitySource(@TempDir Path dir) {
        Path token = EmulatedAccount.writeServiceAccountToken(dir, Duration.ofHours(1));
        SourceCredentials source = SourceCredentials.webIdentity(token, EmulatedAccount.POD_ROLE,
                account.emulator.endpoint(), EmulatedAccount.REGION);
        account.emulator.resetRequestCounts();
        try (SecretStore s = SecretStores.open(account.roleConfig(EmulatedAccount.ADMIN_ROLE))) {
            SecretName name = SecretName.of("irsa/one");
            s.create(name, SecretValue.ofText("v1"));
            assertThat(s.read(name).value().text()).isEqualTo("v1");
            s.delete(name, dev.secretstore.DeleteOptions.force());
        } finally {
            source.restore();
        }
        assertThat(account.emulator.requestCount("AssumeRoleWithWebIdentity")).isEqualTo(1);
        assertThat(account.emulator.requestCount("AssumeRole")).isEqualTo(1);
    }

    @Test
    @DisplayName("IRSA: an expired web identity token fails authentication, naming the token, not echoing it")
    void expiredWebIdentityToken(@TempDir Path dir) throws Exception {
        Path token = EmulatedAccount.writeServiceAccountToken(dir, Duration.ofMinutes(-5));
        String tokenText = java.nio.file.Files.readString(token);
        SourceCredentials source = SourceCredentials.webIdentity(token, EmulatedAccount.POD_ROLE,
                account.emulator.endpoint(), EmulatedAccount.REGION);
        try (SecretStore s = SecretStores.open(account.roleConfig(EmulatedAccount.ADMIN_ROLE))) {
            Throwable failure = catchThrowable(() -> s.read(SecretName.of("anything")));

            assertThat(failure).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("STS refused the web identity token").hasMessageContaining("it has expired")
                    .hasMessageContaining("eks.amazonaws.com/role-arn")
                    .hasMessageNotContaining(tokenText);
        } finally {
            source.restore();
        }
    }

    @Test
    @DisplayName("IAM_ROLE with no source credentials anywhere on the machine fails authentication with the chain's hint")
    void noSourceCredentials(@TempDir Path dir) {
        List<String> variables = List.of("AWS_ACCESS_KEY_ID", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_PROFILE",
                "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "AWS_CONTAINER_CREDENTIALS_FULL_URI");
        assumeTrue(variables.stream().allMatch(v -> System.getenv(v) == null),
                "this machine's environment holds AWS credentials settings, which this test may not change");
        SourceCredentials none = SourceCredentials.none(dir);
        try (SecretStore s = SecretStores.open(account.roleConfig(EmulatedAccount.ADMIN_ROLE))) {
            Throwable failure = catchThrowable(() -> s.read(SecretName.of("anything")));

            assertThat(failure).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("no source credentials").hasMessageContaining("AWS_WEB_IDENTITY_TOKEN_FILE");
        } finally {
            none.restore();
        }
    }

    @Test
    @DisplayName("role credentials that AWS already holds for expired fail authentication as an expired session token")
    void expiredSessionToken() {
        SourceCredentials source = SourceCredentials.set(EmulatedAccount.SOURCE_KEY, EmulatedAccount.SOURCE_SECRET);
        try (SecretStore s = SecretStores.open(account.roleConfig(EmulatedAccount.ADMIN_ROLE))) {
            s.find(SecretName.of("anything"));
            // The SDK refreshes by this machine's clock; AWS's has moved past the session's end.
            account.emulator.advanceClock(Duration.ofHours(2));
            Throwable failure = catchThrowable(() -> s.read(SecretName.of("anything")));

            assertThat(failure).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("the session token has expired");
        } finally {
            account.emulator.advanceClock(Duration.ofHours(-2));
            source.restore();
        }
    }

    @Test
    @DisplayName("a clock more than 5 minutes off AWS's fails authentication with the NTP hint")
    void clockSkew() {
        try (SecretStore s = SecretStores.open(account.accessKeyConfig(EmulatedAccount.APP_KEY,
                EmulatedAccount.APP_SECRET))) {
            account.emulator.advanceClock(Duration.ofMinutes(10));
            Throwable failure = catchThrowable(() -> s.read(SecretName.of("anything")));

            assertThat(failure).isInstanceOf(AuthenticationFailedException.class)
                    .hasMessageContaining("differs from AWS's by more than 5 minutes").hasMessageContaining("NTP");
        } finally {
            account.emulator.advanceClock(Duration.ofMinutes(-10));
            // The SDK may have learnt the skew from the emulator's Date header; other tests run on true time.
            SdkGlobalTime.setGlobalTimeOffset(0);
        }
    }
}
