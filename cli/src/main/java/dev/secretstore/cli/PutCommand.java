package dev.secretstore.cli;

import dev.secretstore.SecretMetadata;
import dev.secretstore.SecretName;
import dev.secretstore.SecretStore;
import dev.secretstore.SecretValue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code secretstore put NAME}: create the secret or add a new version. The value never comes from an
 * argument, which every user of the machine can read in the process list.
 */
@Command(name = "put", mixinStandardHelpOptions = true, description = {
    "Create a secret, or add a new version.",
    "The value is read from --value-file, from stdin, or from a hidden prompt on a terminal;",
    "never from an argument. The bytes are stored exactly as given: use printf '%%s', not echo."})
final class PutCommand extends Subcommand {

    @Mixin
    StoreOption store;

    @Parameters(index = "0", paramLabel = "NAME", description = "Secret name, e.g. connections/pg/password.")
    String name;

    @Option(names = "--value-file", paramLabel = "FILE", description = "Read the value from FILE.")
    Path valueFile;

    @Option(names = "--binary", description = "Store the bytes as binary instead of UTF-8 text.")
    boolean binary;

    @Option(names = "--tag", paramLabel = "KEY=VALUE", description = "A tag to set; repeatable.")
    Map<String, String> tags = new LinkedHashMap<>();

    @Override
    public Integer call() {
        SecretName secretName = SecretName.of(name);
        if (valueFile == null && store.readsStdin()) {
            throw new UsageException("--config - takes stdin, so give the value with --value-file");
        }
        // The store is opened first: its maximum value size bounds how much input is read.
        try (SecretStore opened = store.open(io().in())) {
            SecretValue value = readValue(opened.limits().maxValueBytes());
            try {
                return store(opened, secretName, value);
            } finally {
                value.destroy();
            }
        }
    }

    private int store(SecretStore opened, SecretName secretName, SecretValue value) {
        SecretMetadata stored = opened.put(secretName, value, tags);
        if (json()) {
            printJson(SecretDocuments.metadata(stored, opened.managedTagKey()));
        } else {
            out().println("stored '" + stored.name() + "'"
                    + stored.version().map(v -> " version " + v).orElse("") + " (" + value.size() + " bytes)");
            out().flush();
        }
        return ExitCodes.OK;
    }

    private SecretValue readValue(int maxBytes) {
        byte[] bytes = valueFile != null ? readFile(valueFile, maxBytes)
                : io().terminal().interactive() ? prompt()
                : readStdin(maxBytes);
        if (bytes.length > maxBytes) {
            Arrays.fill(bytes, (byte) 0);
            throw new UsageException("the value is larger than this store's maximum of " + maxBytes
                    + " bytes; nothing was stored");
        }
        if (bytes.length == 0) {
            // Most often `printf '%s' "$UNSET_VARIABLE" | secretstore put ...`: storing "" would hide the mistake.
            throw new UsageException("the value is empty; nothing was stored");
        }
        try {
            return binary ? SecretValue.ofBytes(bytes) : SecretValue.ofText(utf8(bytes));
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private byte[] prompt() {
        char[] first = io().terminal().readHidden("Value for '" + name + "': ")
                .orElseThrow(() -> new UsageException("no value entered"));
        char[] second = io().terminal().readHidden("Repeat the value: ")
                .orElseThrow(() -> new UsageException("no value entered"));
        try {
            if (!Arrays.equals(first, second)) {
                throw new UsageException("the two values differ; nothing was stored");
            }
            ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(first));
            byte[] bytes = new byte[encoded.remaining()];
            encoded.get(bytes);
            return bytes;
        } finally {
            Arrays.fill(first, '\0');
            Arrays.fill(second, '\0');
        }
    }

    private byte[] readStdin(int maxBytes) {
        if (io().terminal().inputIsTerminal()) {
            throw new UsageException("stdin is a terminal but the output is redirected, so the value could not be"
                    + " read without echoing it: run put with its output on the terminal (for the hidden prompt),"
                    + " pipe the value in, or use --value-file; nothing was stored");
        }
        try {
            // One byte past the maximum is enough to refuse: a huge or endless input is never read whole.
            return io().in().readNBytes(maxBytes + 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] readFile(Path file, int maxBytes) {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(maxBytes + 1);
        } catch (NoSuchFileException e) {
            // The path is not repeated: no argument value is (it may be a secret typed in the wrong place).
            throw new UsageException("the file given with --value-file does not exist");
        } catch (IOException e) {
            throw new UsageException("the file given with --value-file cannot be read: " + e.getClass().getSimpleName());
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new UsageException("the value is not UTF-8 text; add --binary to store it as bytes");
        }
    }
}
