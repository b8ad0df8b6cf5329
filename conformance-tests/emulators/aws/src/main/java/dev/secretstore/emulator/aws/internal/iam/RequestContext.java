package dev.secretstore.emulator.aws.internal.iam;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The condition keys a request carries. A key that is absent is different from a key with no values only for
 * readers of this class; IAM treats both as "missing". Key names compare case-insensitively, as in IAM.
 */
public final class RequestContext {
    private final Map<String, List<String>> values = new HashMap<>();

    public RequestContext put(String key, String value) {
        if (value != null) {
            values.put(key.toLowerCase(Locale.ROOT), List.of(value));
        }
        return this;
    }

    public RequestContext putAll(String key, List<String> multi) {
        if (multi != null) {
            values.put(key.toLowerCase(Locale.ROOT), List.copyOf(multi));
        }
        return this;
    }

    /** The values of a key; empty when the key is missing from the request. */
    public List<String> get(String key) {
        return values.getOrDefault(key.toLowerCase(Locale.ROOT), List.of());
    }

    public RequestContext copy() {
        RequestContext c = new RequestContext();
        c.values.putAll(values);
        return c;
    }
}
