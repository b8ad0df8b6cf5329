package dev.secretstore.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads connector configs (stdin) and specs (files) for {@code secretstore config}, with a size bound, and
 * prints results. Parse errors give a position only: Jackson's messages quote the offending token, which
 * may be part of a secret.
 */
final class ConnectorJson {

    /** Far above any connector config or spec; input beyond it is refused rather than read without end. */
    static final int MAX_BYTES = 4 * 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private ConnectorJson() {
    }

    /** The connector config on stdin; refused when stdin is a terminal, where typed secrets would echo. */
    static JsonNode readStdin(Io io, String what) {
        return readStdin(io, what, false);
    }

    /** @param arrays whether a JSON array (of configs) is accepted as well as an object */
    static JsonNode readStdin(Io io, String what, boolean arrays) {
        if (io.terminal().inputIsTerminal()) {
            throw new UsageException("pipe the " + what + " on stdin, e.g. 'secretstore config mask --spec spec.json"
                    + " < config.json'; it is never read from a terminal, where a typed secret would echo");
        }
        try {
            return parse(bounded(io.in(), what + " on stdin"), what + " on stdin", arrays);
        } catch (IOException e) {
            throw new UsageException(what + " on stdin cannot be read: " + e.getClass().getSimpleName());
        }
    }

    /**
     * @param file   the file an option named
     * @param option the option, e.g. {@code --spec}; errors name it, never the path (no argument value is
     *               repeated: it may be a secret typed in the wrong place)
     */
    static JsonNode readFile(Path file, String option) {
        String where = "the " + option + " file";
        try (InputStream in = Files.newInputStream(file)) {
            return parse(bounded(in, where), where, false);
        } catch (NoSuchFileException e) {
            throw new UsageException(where + " does not exist");
        } catch (IOException e) {
            throw new UsageException(where + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static byte[] bounded(InputStream in, String where) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (bytes.length > MAX_BYTES) {
            throw new UsageException(where + " is larger than " + MAX_BYTES / (1024 * 1024) + " MiB");
        }
        return bytes;
    }

    private static JsonNode parse(byte[] json, String where, boolean arrays) {
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !(node.isObject() || (arrays && node.isArray()))) {
                throw new UsageException(where + " must be a JSON object" + (arrays ? " or an array of objects" : ""));
            }
            return node;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            String position = at == null || at.getLineNr() < 1 ? ""
                    : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
            // Jackson's message quotes the field or token (maybe a secret): only the kind of problem is told.
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                throw new UsageException(where + " names the same field twice" + position + "; give each field once");
            }
            if (message.startsWith("Trailing token")) {
                throw new UsageException(where + " has content after the end of its JSON document" + position
                        + "; give exactly one JSON document");
            }
            throw new UsageException(where + " is not valid JSON" + position);
        } catch (IOException e) {
            throw new UsageException(where + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    static void print(Io io, JsonNode node) {
        try {
            io.out().println(MAPPER.writeValueAsString(node));
            io.out().flush();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON output", e);
        }
    }
}
