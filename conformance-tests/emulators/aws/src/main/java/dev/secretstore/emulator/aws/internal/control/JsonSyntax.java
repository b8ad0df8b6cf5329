package dev.secretstore.emulator.aws.internal.control;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/**
 * Describes malformed JSON by position only. Jackson's messages quote the offending token ("Unrecognized token
 * 'wJalr…'"), and in a state file or an admin body that token may be a secret access key or a secret value.
 */
final class JsonSyntax {
    private JsonSyntax() {
    }

    /** @return {@code " (line L, column C)"}, or empty when the parser gave no position */
    static String position(IOException e) {
        JsonLocation location = e instanceof JsonProcessingException j ? j.getLocation() : null;
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
