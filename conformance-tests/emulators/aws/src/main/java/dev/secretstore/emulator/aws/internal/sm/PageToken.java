package dev.secretstore.emulator.aws.internal.sm;

import dev.secretstore.emulator.aws.internal.protocol.AwsException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Opaque NextToken values: an offset into the (stable, creation-ordered) result list. */
final class PageToken {
    private static final String PREFIX = "emu1:";

    private PageToken() {
    }

    static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }

    static int decode(String token) {
        if (token == null) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (text.startsWith(PREFIX)) {
                int offset = Integer.parseInt(text.substring(PREFIX.length()));
                if (offset >= 0) {
                    return offset;
                }
            }
        } catch (IllegalArgumentException e) {
            // falls through to the service's error
        }
        throw AwsException.badRequest("InvalidNextTokenException", "The NextToken value is invalid.");
    }
}
