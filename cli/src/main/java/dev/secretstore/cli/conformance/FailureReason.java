package dev.secretstore.cli.conformance;

import java.util.Collection;
import java.util.List;

/**
 * Why a kit test failed, as a user reads it on the command line: the failure's type and its whole message
 * (an AssertJ message states the expectation and the actual value over several lines), bounded in lines
 * and characters, with every credential of the configs masked (as text, as a printed byte array, Base64 or
 * hex). The kit's own values are synthetic, but a broken provider may return anything, a credential
 * included, as the "actual" value.
 */
final class FailureReason {

    static final int MAX_LINES = 16;
    static final int MAX_CHARS = 1_200;

    private FailureReason() {
    }

    /**
     * @param failure     what the test threw
     * @param credentials strings to mask wherever they occur (the configs' secret field values)
     * @return {@code Type: message}, at most {@link #MAX_LINES} lines and about {@link #MAX_CHARS} characters
     */
    static String of(Throwable failure, Collection<String> credentials) {
        String message = new CredentialMask(credentials).apply(failure.getMessage() == null ? "" : failure.getMessage());
        List<String> lines = message.strip().lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
        StringBuilder text = new StringBuilder(failure.getClass().getSimpleName());
        int shown = 0;
        boolean cut = false;
        for (String line : lines) {
            if (shown == MAX_LINES) {
                break;
            }
            String shownLine = shown == 0 ? line.strip() : line;
            int room = MAX_CHARS - text.length() - 2;
            if (shownLine.length() > room) {
                // A line over the bound (say, a huge actual value) is cut, never left out whole.
                if (room > 40) {
                    text.append(shown == 0 ? ": " : "\n").append(shownLine, 0, room).append("...");
                    cut = true;
                }
                break;
            }
            text.append(shown == 0 ? ": " : "\n").append(shownLine);
            shown++;
        }
        int left = lines.size() - shown - (cut ? 1 : 0);
        if (cut || left > 0) {
            text.append("\n... (").append(cut ? "cut" : "").append(cut && left > 0 ? ", and " : "")
                    .append(left > 0 ? left + " more line(s)" : "").append("; the JUnit XML report has the rest)");
        }
        return text.toString();
    }
}
