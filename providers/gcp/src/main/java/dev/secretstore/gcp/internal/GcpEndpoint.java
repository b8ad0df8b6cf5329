package dev.secretstore.gcp.internal;

/** The gRPC target: the configured endpoint, or Google's global or regional one. */
final class GcpEndpoint {

    private GcpEndpoint() {
    }

    static String target(String endpoint, String region) {
        if (endpoint == null) {
            return region == null ? "secretmanager.googleapis.com:443"
                    : "secretmanager." + region + ".rep.googleapis.com:443";
        }
        String t = endpoint.startsWith("https://") ? endpoint.substring("https://".length()) : endpoint;
        if (t.endsWith("/")) {
            t = t.substring(0, t.length() - 1);
        }
        boolean hasPort = t.startsWith("[") ? t.contains("]:") : t.contains(":");
        return hasPort ? t : t + ":443";
    }
}
