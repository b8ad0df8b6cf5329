package dev.secretstore.emulator.aws.internal.sigv4;

import dev.secretstore.emulator.aws.internal.http.HttpRequestView;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Builds the SigV4 canonical request exactly as a signing client does, from what arrived on the wire. */
final class CanonicalRequest {
    private CanonicalRequest() {
    }

    static String of(HttpRequestView request, List<String> signedHeaders, String payloadHash) {
        StringBuilder sb = new StringBuilder();
        sb.append(request.method()).append('\n');
        sb.append(canonicalUri(request.path())).append('\n');
        sb.append(canonicalQuery(request.rawQuery())).append('\n');
        for (String name : signedHeaders) {
            List<String> values = request.headers().get(name.toLowerCase(Locale.ROOT));
            sb.append(name.toLowerCase(Locale.ROOT)).append(':');
            if (values != null) {
                List<String> trimmed = new ArrayList<>();
                for (String v : values) {
                    trimmed.add(v.trim().replaceAll(" +", " "));
                }
                sb.append(String.join(",", trimmed));
            }
            sb.append('\n');
        }
        sb.append('\n');
        sb.append(String.join(";", signedHeaders)).append('\n');
        sb.append(payloadHash);
        return sb.toString();
    }

    /**
     * Non-S3 services sign the path normalised (RFC 3986 dot segments removed, repeated slashes collapsed, as the
     * SDKs' signers do) and encoded twice: the client encodes the already encoded segments again.
     */
    private static String canonicalUri(String rawPath) {
        String path = normalise(rawPath);
        if (path.isEmpty() || "/".equals(path)) {
            return "/";
        }
        String[] segments = path.split("/", -1);
        List<String> encoded = new ArrayList<>();
        for (String segment : segments) {
            encoded.add(uriEncode(segment));
        }
        return String.join("/", encoded);
    }

    private static String normalise(String rawPath) {
        try {
            String normalised = URI.create(rawPath).normalize().getRawPath();
            return normalised == null ? rawPath : normalised;
        } catch (IllegalArgumentException e) {
            return rawPath; // not a valid URI path: signed as sent, and the signature will tell
        }
    }

    private static String canonicalQuery(String rawQuery) {
        if (rawQuery.isEmpty()) {
            return "";
        }
        List<String[]> pairs = new ArrayList<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String k = eq < 0 ? pair : pair.substring(0, eq);
            String v = eq < 0 ? "" : pair.substring(eq + 1);
            pairs.add(new String[] {uriEncode(decode(k)), uriEncode(decode(v))});
        }
        pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
        List<String> joined = new ArrayList<>();
        for (String[] p : pairs) {
            joined.add(p[0] + "=" + p[1]);
        }
        return String.join("&", joined);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    static String uriEncode(String s) {
        StringBuilder out = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~') {
                out.append(c);
            } else {
                out.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return out.toString();
    }
}
