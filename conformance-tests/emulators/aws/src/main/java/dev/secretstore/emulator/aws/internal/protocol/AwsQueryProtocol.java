package dev.secretstore.emulator.aws.internal.protocol;

import dev.secretstore.emulator.aws.internal.http.HttpResponseView;
import dev.secretstore.emulator.aws.internal.sigv4.AuthFailure;
import java.util.UUID;

/** The Query protocol STS speaks: form-encoded requests, XML responses and {@code ErrorResponse} documents. */
public final class AwsQueryProtocol {
    public static final String NAMESPACE = "https://sts.amazonaws.com/doc/2011-06-15/";
    private static final String CONTENT_TYPE = "text/xml";

    private AwsQueryProtocol() {
    }

    /** Wraps a result element: {@code <ActionResponse><ActionResult>…</ActionResult><ResponseMetadata/>}. */
    public static HttpResponseView ok(String action, String resultXml) {
        String requestId = UUID.randomUUID().toString();
        String body = "<" + action + "Response xmlns=\"" + NAMESPACE + "\">\n"
                + "  <" + action + "Result>\n" + resultXml + "  </" + action + "Result>\n"
                + "  <ResponseMetadata>\n    <RequestId>" + requestId + "</RequestId>\n  </ResponseMetadata>\n"
                + "</" + action + "Response>\n";
        return HttpResponseView.of(200, CONTENT_TYPE, body).withHeader("x-amzn-RequestId", requestId);
    }

    public static HttpResponseView error(AwsException e) {
        String requestId = UUID.randomUUID().toString();
        String type = e.status() >= 500 ? "Receiver" : "Sender";
        String body = "<ErrorResponse xmlns=\"" + NAMESPACE + "\">\n  <Error>\n    <Type>" + type + "</Type>\n"
                + "    <Code>" + Xml.escape(e.code()) + "</Code>\n    <Message>" + Xml.escape(e.getMessage())
                + "</Message>\n  </Error>\n  <RequestId>" + requestId + "</RequestId>\n</ErrorResponse>\n";
        return HttpResponseView.of(e.status(), CONTENT_TYPE, body).withHeader("x-amzn-RequestId", requestId);
    }

    public static AwsException fromAuthFailure(AuthFailure f) {
        return switch (f.kind()) {
            case MISSING -> new AwsException("MissingAuthenticationToken", 403, "Request is missing Authentication Token");
            case INCOMPLETE -> new AwsException("IncompleteSignature", 400, f.getMessage());
            case UNKNOWN_KEY -> new AwsException("InvalidClientTokenId", 403, f.getMessage());
            case BAD_SIGNATURE, SIGNATURE_EXPIRED -> new AwsException("SignatureDoesNotMatch", 403, f.getMessage());
            case EXPIRED_TOKEN -> new AwsException("ExpiredToken", 403, f.getMessage());
        };
    }
}
