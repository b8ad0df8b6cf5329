package dev.secretstore.emulator.aws.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.secretstore.emulator.aws.internal.http.HttpResponseView;
import dev.secretstore.emulator.aws.internal.sigv4.AuthFailure;
import java.io.IOException;
import java.util.UUID;

/** AWS JSON 1.1: bodies in and out, errors as {@code {"__type": code, "Message": text}}. */
public final class AwsJsonProtocol {
    public static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AwsJsonProtocol() {
    }

    public static JsonNode parseBody(byte[] body) {
        if (body.length == 0) {
            return JSON.createObjectNode();
        }
        try {
            JsonNode node = JSON.readTree(body);
            if (node == null || !node.isObject()) {
                throw SecretsManagerErrors.serialization("Request body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw SecretsManagerErrors.serialization("Request body is not valid JSON");
        }
    }

    public static HttpResponseView ok(ObjectNode body) {
        return withRequestId(HttpResponseView.of(200, CONTENT_TYPE, body.toString()));
    }

    public static HttpResponseView error(AwsException e) {
        ObjectNode body = JSON.createObjectNode();
        body.put("__type", e.code());
        body.put("Message", e.getMessage());
        return withRequestId(HttpResponseView.of(e.status(), CONTENT_TYPE, body.toString()))
                .withHeader("x-amzn-ErrorType", e.code());
    }

    public static AwsException fromAuthFailure(AuthFailure f) {
        String code = switch (f.kind()) {
            case MISSING -> "MissingAuthenticationTokenException";
            case INCOMPLETE -> "IncompleteSignatureException";
            case UNKNOWN_KEY -> "UnrecognizedClientException";
            case BAD_SIGNATURE, SIGNATURE_EXPIRED -> "InvalidSignatureException";
            case EXPIRED_TOKEN -> "ExpiredTokenException";
        };
        return AwsException.badRequest(code, f.getMessage());
    }

    private static HttpResponseView withRequestId(HttpResponseView response) {
        return response.withHeader("x-amzn-RequestId", UUID.randomUUID().toString());
    }
}
