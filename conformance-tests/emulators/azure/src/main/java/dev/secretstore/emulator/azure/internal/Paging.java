package dev.secretstore.emulator.azure.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Function;

/**
 * List paging as the service does it: {@code maxresults} (1-25, default 25) items per page, an opaque
 * {@code $skiptoken}, and a {@code nextLink} that is {@code null} on the last page.
 */
public final class Paging {
    public static final int MAX_PAGE = 25;

    private Paging() {
    }

    public static <T> ObjectNode page(EmulatorRequest request, List<T> items, Function<T, ObjectNode> render) {
        Integer maxResults = maxResults(request);
        int size = maxResults == null ? MAX_PAGE : maxResults;
        int offset = request.queryParameter("$skiptoken").map(Paging::decode).orElse(0);
        ObjectNode body = Json.object();
        ArrayNode value = body.putArray("value");
        int end = Math.min(items.size(), offset + size);
        for (int i = Math.min(offset, items.size()); i < end; i++) {
            value.add(render.apply(items.get(i)));
        }
        if (end < items.size()) {
            String apiVersion = request.queryParameter("api-version").orElse(ApiVersions.LATEST);
            body.put("nextLink", request.origin() + request.path() + "?api-version=" + apiVersion
                    + "&$skiptoken=" + encode(end) + (maxResults == null ? "" : "&maxresults=" + maxResults));
        } else {
            body.putNull("nextLink");
        }
        return body;
    }

    private static Integer maxResults(EmulatorRequest request) {
        String text = request.queryParameter("maxresults").orElse(null);
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= 1 && value <= MAX_PAGE) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below, like any out-of-range value
        }
        throw KeyVaultErrors.badParameter("invalid maxresults '" + text + "': it must be an integer between 1 and "
                + MAX_PAGE + ".");
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("{\"offset\":" + offset + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            return Json.MAPPER.readTree(text).path("offset").asInt();
        } catch (Exception e) {
            throw KeyVaultErrors.badParameter("invalid $skiptoken");
        }
    }
}
