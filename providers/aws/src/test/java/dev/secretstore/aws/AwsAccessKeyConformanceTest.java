package dev.secretstore.aws;

import dev.secretstore.conformance.ConformanceFixture;
import dev.secretstore.conformance.SecretStoreConformanceKit;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;

/**
 * The whole kit with ACCESS_KEY configs: the privileged store is a user holding exactly the policy
 * {@code secretstore policy aws} prints, the least-privileged one a user holding its read-only variant.
 */
@DisplayName("conformance kit: aws, ACCESS_KEY, with the printed least-privilege policy")
class AwsAccessKeyConformanceTest extends SecretStoreConformanceKit {

    @Override
    protected ConformanceFixture fixture() {
        EmulatedAccount account = EmulatedAccount.start();
        return new EmulatorFixture(account,
                account.accessKeyConfig(EmulatedAccount.APP_KEY, EmulatedAccount.APP_SECRET),
                account.accessKeyConfig(EmulatedAccount.READER_KEY, EmulatedAccount.READER_SECRET),
                account.accessKeyConfig(EmulatedAccount.UNKNOWN_KEY, EmulatedAccount.UNKNOWN_SECRET),
                Map.of("Ownership.foreignSecretCanBeRead", "the recommended policy allows GetSecretValue only on"
                        + " secrets tagged <tagKey>=true; reading foreign secrets is covered by the IAM_ROLE run,"
                        + " whose role may read every secret"),
                account::close);
    }
}
