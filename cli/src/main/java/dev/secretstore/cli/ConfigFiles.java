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

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private ConfigFiles() {
    }

    /**
     * @param source a file path, or {@code -} for stdin
     * @param stdin  standard input
     * @return the config as a map, in document order
     * @throws UsageException when the file is missing, unreadable, not JSON or not a JSON object
     */
    static Map<String, Object> read(String source, InputStream stdin) {
        String where = STDIN.equals(source) ? "config from stdin" : "config file '" + source + "'";
        try {
            byte[] json = STDIN.equals(source) ? stdin.readAllBytes() : Files.readAllBytes(Path.of(source));
            Object parsed = MAPPER.readValue(json, Object.class);
            if (!(parsed instanceof Map)) {
                throw new UsageException(where + " must be a JSON object, like {\"provider\": \"local\"}");
            }
            return MAPPER.convertValue(parsed, new TypeReference<Map<String, Object>>() { });
        } catch (NoSuchFileException e) {
            throw new UsageException(where + " does not exist");
        } catch (JsonProcessingException e) {
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
