package dev.secretstore.cli;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Reads a store config (the JSON documents of CONFIGS.md) into the map the SPI validates.
 *
 * <p>Jackson's own messages quote the offending token, which may be part of a credential, so parse errors
 * are reported by position only.
 */
final class ConfigFiles {

    /** Stands for standard input in {@code --config -}. */
    static final String STDIN = "-";

    /** A config is a few hundred bytes; a service-account key file a few kilobytes. Larger input is refused unread. */
    static final int MAX_CONFIG_BYTES = 1024 * 1024;

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ConfigFiles() {
    }

    /**
     * @param source a file path, or {@code -} for stdin
     * @param stdin  standard input
     * @return the config as a map, in document order
     * @throws UsageException when the file is missing, unreadable, not JSON or not a JSON object
     */
    static Map<String, Object> read(String source, InputStream stdin) {
        return read(source, stdin, "--config");
    }

    /**
     * @param option the option that named the config (e.g. {@code --from}), which errors name instead of the path
     */
    static Map<String, Object> read(String source, InputStream stdin, String option) {
        // The path is not repeated (no argument value is: it may be a secret typed in the wrong place).
        String where = STDIN.equals(source) ? "the config from stdin" : "the " + option + " file";
        try {
            byte[] json;
            try (InputStream in = STDIN.equals(source) ? null : Files.newInputStream(Path.of(source))) {
                json = (in == null ? stdin : in).readNBytes(MAX_CONFIG_BYTES + 1);
            }
            if (json.length > MAX_CONFIG_BYTES) {
                throw new UsageException(where + " is larger than " + MAX_CONFIG_BYTES / 1024
                        + " KiB; a store config is a small JSON object");
            }
            Object parsed = MAPPER.readValue(json, Object.class);
            if (!(parsed instanceof Map)) {
                throw new UsageException(where + " must be a JSON object, like {\"provider\": \"local\"}");
            }
            return MAPPER.convertValue(parsed, new TypeReference<Map<String, Object>>() { });
        } catch (NoSuchFileException e) {
            throw new UsageException(where + " does not exist");
        } catch (JsonProcessingException e) {
            // Jackson's message quotes the token; only the kind of problem and its position are told.
            String message = String.valueOf(e.getOriginalMessage());
            if (message.startsWith("Duplicate field")) {
                throw new UsageException(where + " names the same field twice" + position(e.getLocation())
                        + "; give each field once");
            }
            if (message.startsWith("Trailing token")) {
                throw new UsageException(where + " has content after the end of its JSON object"
                        + position(e.getLocation()) + "; a config is exactly one JSON object");
            }
            throw new UsageException(where + " is not valid JSON" + position(e.getLocation()));
        } catch (IOException e) {
            throw new UsageException(where + " cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static String position(JsonLocation location) {
        if (location == null || location.getLineNr() < 1) {
            return "";
        }
        return " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
    }
}
