package dev.secretstore.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether one standard stream is a terminal. Java only knows "stdin and stdout both are"
 * ({@code System.console()}); for a single stream the launcher script passes what {@code [ -t N ]} said, and
 * on Linux /proc answers for {@code java -jar} without the script.
 */
final class Tty {

    static final int STDIN = 0;
    static final int STDERR = 2;

    private Tty() {
    }

    /**
     * @param fd       0 for stdin, 2 for stderr
     * @param fallback the answer when neither the launcher nor /proc tells
     * @return true when the stream is a terminal
     */
    static boolean isTerminal(int fd, boolean fallback) {
        String told = System.getProperty("secretstore.fd" + fd + ".tty");
        if (told != null) {
            return Boolean.parseBoolean(told);
        }
        return procTarget(fd).map(target -> target.startsWith("/dev/pts/") || target.startsWith("/dev/tty"))
                .orElse(fallback);
    }

    private static Optional<String> procTarget(int fd) {
        try {
            return Optional.of(Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return Optional.empty();
        }
    }
}
