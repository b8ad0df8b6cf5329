package dev.secretstore.emulator.aws;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * The parts of the SigV4 canonical request that the generated clients never exercise (they always POST to "/"
 * without a query): query sorting and encoding, double-encoded paths, header trimming and repeated headers, and
 * {@code X-Amz-Content-Sha256}. Requests are signed by the SDK's own {@link AwsV4HttpSigner} and sent by the SDK's
 * HTTP client. Each positive case is paired with the same request altered after signing, which must be refused:
 * otherwise a verifier that ignored that part of the request would pass too.
 */
class SigV4CanonicalRequestTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] BODY = "{\"SecretId\":\"canonical\"}".getBytes(StandardCharsets.UTF_8);
    private static AwsSecretsManagerEmulator emulator;
    private static SdkHttpClient http;

    @BeforeAll
    static void start() {
        emulator = AwsSecretsManagerEmulator.builder().build().start();
        emulator.plantSecret(SecretSeed.builder("canonical").secretString("signed-ok").build());
        http = Apache5HttpClient.create();
    }

    @AfterAll
    static void stop() {
        http.close();
        emulator.stop();
    }

    private record Reply(int status, JsonNode body) {
        String type() {
            return body.path("__type").asText(null);
        }
    }

    private static SdkHttpRequest.Builder getSecretValue(String encodedPath) {
        return SdkHttpRequest.builder()
                .method(SdkHttpMethod.POST)
                .protocol("http")
                .host(emulator.endpoint().getHost())
                .port(emulator.endpoint().getPort())
                .encodedPath(encodedPath)
                .putHeader("Content-Type", "application/x-amz-json-1.1")
                .putHeader("X-Amz-Target", "secretsmanager.GetSecretValue")
                .putHeader("Content-Length", Integer.toString(BODY.length));
    }

    /** Signs with the SDK signer, applies {@code afterSigning}, sends {@code sentBody}. */
    private static Reply send(SdkHttpRequest unsigned, UnaryOperator<SdkHttpRequest.Builder> afterSigning,
                              byte[] sentBody) {
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(DefaultIdentity.ADMIN_ACCESS_KEY_ID,
                        DefaultIdentity.ADMIN_SECRET_ACCESS_KEY))
                .request(unsigned)
                .payload(ContentStreamProvider.fromByteArray(BODY))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "secretsmanager")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        SdkHttpRequest wire = afterSigning.apply(signed.toBuilder()).build();
        try {
            HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(wire)
                    .contentStreamProvider(ContentStreamProvider.fromByteArray(sentBody)).build()).call();
            try (InputStream in = response.responseBody().orElseThrow()) {
                return new Reply(response.httpResponse().statusCode(), JSON.readTree(in.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Reply send(SdkHttpRequest unsigned) {
        return send(unsigned, b -> b, BODY);
    }

    private static void assertAccepted(Reply reply) {
        assertThat(reply.status()).as("%s", reply.body()).isEqualTo(200);
        assertThat(reply.body().path("SecretString").asText()).isEqualTo("signed-ok");
    }

    private static void assertBadSignature(Reply reply) {
        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.type()).isEqualTo("InvalidSignatureException");
    }

    @Test
    void queryParametersAreSortedAndEncodedAsTheSignerDoes() {
        // Sent in this order; the canonical query sorts by encoded name, then value, with RFC 3986 encoding.
        SdkHttpRequest request = getSecretValue("/")
                .appendRawQueryParameter("zeta", "1")
                .appendRawQueryParameter("alpha", "b c")
                .appendRawQueryParameter("alpha", "a/b")
                .appendRawQueryParameter("Tilde", "~x+y*")
                .appendRawQueryParameter("empty", "")
                .appendRawQueryParameter("caf\u00e9", "\u00fc")
                .build();
        assertThat(request.encodedQueryParameters()).hasValueSatisfying(q -> assertThat(q).startsWith("zeta="));
        assertAccepted(send(request));
        assertBadSignature(send(request, b -> b.putRawQueryParameter("zeta", "2"), BODY));
    }

    @Test
    void pathSegmentsAreEncodedTwiceForNonS3Services() {
        SdkHttpRequest request = getSecretValue("/base%20dir/caf%C3%A9/a~b").build();
        assertAccepted(send(request));
        assertBadSignature(send(request, b -> b.encodedPath("/base%20dir/cafe/a~b"), BODY));
    }

    @Test
    void pathsAreNormalisedBeforeSigning() {
        SdkHttpRequest request = getSecretValue("/a/./b/../c").build();
        assertAccepted(send(request));
        assertBadSignature(send(request, b -> b.encodedPath("/a/./b/../x"), BODY));
    }

    @Test
    void headerValuesAreTrimmedCollapsedAndRepeatedHeadersJoined() {
        SdkHttpRequest request = getSecretValue("/")
                .putHeader("X-Amz-Meta-Spaced", "  a   b    c  ")
                .appendHeader("X-Amz-Meta-Repeated", "one")
                .appendHeader("X-Amz-Meta-Repeated", "two")
                .build();
        assertAccepted(send(request));
        assertBadSignature(send(request, b -> b.putHeader("X-Amz-Meta-Spaced", "a b d"), BODY));
        assertBadSignature(send(request, b -> b.putHeader("X-Amz-Meta-Repeated", "two"), BODY));
    }

    @Test
    void payloadHashIsSignedAndADeclaredContentSha256MustMatchTheBody() {
        SdkHttpRequest request = getSecretValue("/").putHeader("X-Amz-Content-Sha256", sha256Hex(BODY)).build();
        assertAccepted(send(request));

        byte[] other = "{\"SecretId\":\"canonicaX\"}".getBytes(StandardCharsets.UTF_8);
        Reply declaredMismatch = send(request, b -> b, other);
        assertBadSignature(declaredMismatch);
        assertThat(declaredMismatch.body().path("Message").asText()).contains("x-amz-content-sha256");

        // Without the header the body hash is still part of the canonical request.
        assertBadSignature(send(getSecretValue("/").build(), b -> b, other));
    }

    @Test
    void stsTakesQueryProtocolParametersFromAGetQueryString() throws IOException {
        SdkHttpRequest request = SdkHttpRequest.builder()
                .method(SdkHttpMethod.GET)
                .protocol("http")
                .host(emulator.endpoint().getHost())
                .port(emulator.endpoint().getPort())
                .encodedPath("/")
                .appendRawQueryParameter("Version", "2011-06-15")
                .appendRawQueryParameter("Action", "GetCallerIdentity")
                .build();
        SdkHttpRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(DefaultIdentity.ADMIN_ACCESS_KEY_ID,
                        DefaultIdentity.ADMIN_SECRET_ACCESS_KEY))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "sts")
                .putProperty(AwsV4HttpSigner.REGION_NAME, "us-east-1")).request();
        HttpExecuteResponse response = http.prepareRequest(HttpExecuteRequest.builder().request(signed).build())
                .call();
        try (InputStream in = response.responseBody().orElseThrow()) {
            String xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(response.httpResponse().statusCode()).as(xml).isEqualTo(200);
            assertThat(xml).contains("<GetCallerIdentityResponse")
                    .contains("<Arn>arn:aws:iam::123456789012:user/admin</Arn>");
        }
    }

    private static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
