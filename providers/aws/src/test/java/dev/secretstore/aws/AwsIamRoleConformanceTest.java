package dev.secretstore.aws;

import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.SecretStoreConformanceKit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * The whole kit with IAM_ROLE configs: each store assumes a role through the emulator's STS (with the external
 * id), its source credentials coming from the SDK's default chain, here its {@code aws.accessKeyId} and
 * {@code aws.secretAccessKey} system properties (set for this class and restored after). The bad-credentials
 * store names a role whose trust policy does not trust the source user.
 */
@DisplayName("conformance kit: aws, IAM_ROLE through STS AssumeRole")
class AwsIamRoleConformanceTest extends SecretStoreConformanceKit {

    @Override
    protected ConformanceFixture fixture() {
        EmulatedAccount account = EmulatedAccount.start();
        SourceCredentials source = SourceCredentials.set(EmulatedAccount.SOURCE_KEY, EmulatedAccount.SOURCE_SECRET);
        return new EmulatorFixture(account,
                account.roleConfig(EmulatedAccount.ADMIN_ROLE),
                account.roleConfig(EmulatedAccount.READER_ROLE),
                account.roleConfig(EmulatedAccount.UNTRUSTING_ROLE),
                Map.of(),
                () -> {
                    source.restore();
                    account.close();
                });
    }
}
