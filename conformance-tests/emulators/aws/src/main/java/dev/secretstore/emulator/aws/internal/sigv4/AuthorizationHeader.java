package dev.secretstore.emulator.aws.internal.sigv4;

import java.util.Arrays;
import java.util.List;

/** The parts of an {@code AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…} header. */
record AuthorizationHeader(String accessKeyId, String date, String region, String service, List<String> signedHeaders,
                           String signature) {
    static final String ALGORITHM = "AWS4-HMAC-SHA256";

    String scope() {
        return date + "/" + region + "/" + service + "/aws4_request";
    }

    static AuthorizationHeader parse(String header) {
        if (!header.startsWith(ALGORITHM + " ")) {
            throw new AuthFailure(AuthFailure.Kind.INCOMPLETE,
                    "Authorization header requires the 'AWS4-HMAC-SHA256' algorithm.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        for (String part : header.substring(ALGORITHM.length() + 1).split(",")) {
            String p = part.trim();
            int eq = p.indexOf('=');
            if (eq < 0) {
                continue;
            }
            String name = p.substring(0, eq);
            String value = p.substring(eq + 1);
            switch (name) {
                case "Credential" -> credential = value;
                case "SignedHeaders" -> signedHeaders = value;
                case "Signature" -> signature = value;
                default -> { }
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw new AuthFailure(AuthFailure.Kind.INCOMPLETE, "Authorization header requires 'Credential', "
                    + "'Signature' and 'SignedHeaders' parameters. Authorization=" + ALGORITHM);
        }
        String[] scope = credential.split("/");
        if (scope.length != 5 || !"aws4_request".equals(scope[4])) {
            throw new AuthFailure(AuthFailure.Kind.INCOMPLETE,
                    "Credential should be scoped to a valid region, service and 'aws4_request' terminator.");
        }
        return new AuthorizationHeader(scope[0], scope[1], scope[2], scope[3],
                Arrays.asList(signedHeaders.split(";")), signature);
    }
}
