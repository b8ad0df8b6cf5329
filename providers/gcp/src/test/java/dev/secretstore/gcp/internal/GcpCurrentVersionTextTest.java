package dev.secretstore.gcp.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The current-version look-up's intermediate outcome never prints the value it carries. */
@DisplayName("gcp current version: an access outcome's text withholds the value")
class GcpCurrentVersionTextTest {

    @Test
    @DisplayName("an accessed version's text names the version, not the payload; a refused one names the state")
    void accessedTextWithholdsTheValue() {
        AccessSecretVersionResponse response = AccessSecretVersionResponse.newBuilder()
                .setName("projects/p/secrets/s/versions/2")
                .setPayload(SecretPayload.newBuilder().setData(ByteString.copyFromUtf8("hunter2-value"))).build();
        assertThat(response.toString()).as("the protobuf's own text prints it").contains("hunter2-value");

        String text = new GcpCurrentVersion.Accessed(response, null).toString();

        assertThat(text).contains("projects/p/secrets/s/versions/2").doesNotContain("hunter2");
        assertThat(new GcpCurrentVersion.Accessed(null, "DISABLED").toString()).contains("DISABLED");
    }
}
