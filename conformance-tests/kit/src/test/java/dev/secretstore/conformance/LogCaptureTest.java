package dev.secretstore.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;

/**
 * The capture behind the redaction group. The "terminal" here is a pair of buffers installed as
 * System.out/System.err and a handler on the root logger standing in for the console handler.
 */
@Isolated("replaces System.out, System.err and root logger handlers")
@DisplayName("LogCapture")
class LogCaptureTest {

    private static final Logger ROOT = Logger.getLogger("");

    private final ByteArrayOutputStream terminalOut = new ByteArrayOutputStream();
    private final ByteArrayOutputStream terminalErr = new ByteArrayOutputStream();
    private final RecordingHandler console = new RecordingHandler();
    private final String marker = "capture-test-" + UUID.randomUUID();
    private PrintStream realOut;
    private PrintStream realErr;
    private PrintStream fakeOut;
    private PrintStream fakeErr;

    @BeforeEach
    void installTerminal() {
        realOut = System.out;
        realErr = System.err;
        fakeOut = new PrintStream(terminalOut, true, UTF_8);
        fakeErr = new PrintStream(terminalErr, true, UTF_8);
        System.setOut(fakeOut);
        System.setErr(fakeErr);
        ROOT.addHandler(console);
    }

    @AfterEach
    void restoreTerminal() {
        ROOT.removeHandler(console);
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Test
    @DisplayName("swallowing: sees all four channels, and none of it reaches the terminal or the root's handlers")
    void swallowingKeepsEverything() {
        Level levelBefore = ROOT.getLevel();
        String captured;
        try (LogCapture capture = LogCapture.swallowing()) {
            writeToEveryChannel();
            captured = capture.text();
        }

        assertThat(captured).contains(marker + "-out", marker + "-err", marker + "-jul", marker + "-system-logger");
        assertThat(terminalOut.toString(UTF_8) + terminalErr.toString(UTF_8)).doesNotContain(marker);
        assertThat(console.messages).noneMatch(m -> m.contains(marker));
        assertRestored(levelBefore);
    }

    @Test
    @DisplayName("start: sees all four channels and passes them on, as the canary tests need")
    void startPassesThrough() {
        Level levelBefore = ROOT.getLevel();
        String captured;
        try (LogCapture capture = LogCapture.start()) {
            writeToEveryChannel();
            captured = capture.text();
        }

        assertThat(captured).contains(marker + "-out", marker + "-err", marker + "-jul", marker + "-system-logger");
        assertThat(terminalOut.toString(UTF_8)).contains(marker + "-out");
        assertThat(terminalErr.toString(UTF_8)).contains(marker + "-err");
        assertThat(console.messages).contains(marker + "-jul", marker + "-system-logger");
        assertRestored(levelBefore);
    }

    @Test
    @DisplayName("the redaction group's check (start inside swallowing): the inner capture sees everything, the terminal nothing")
    void nestedAsInTheCheck() {
        String inner;
        try (LogCapture quiet = LogCapture.swallowing(); LogCapture capture = LogCapture.start()) {
            writeToEveryChannel();
            inner = capture.text();
        }

        assertThat(inner).contains(marker + "-out", marker + "-err", marker + "-jul", marker + "-system-logger");
        assertThat(terminalOut.toString(UTF_8) + terminalErr.toString(UTF_8)).doesNotContain(marker);
        assertThat(console.messages).noneMatch(m -> m.contains(marker));
        System.out.println(marker + "-after");
        assertThat(terminalOut.toString(UTF_8)).as("System.out restored").contains(marker + "-after");
    }

    @Test
    @DisplayName("a logger with a handler of its own is captured; a stream the capture does not replace is missing from its text")
    void loggerWithItsOwnHandlerIsCapturedButABypassedStreamIsNot() {
        Logger detached = Logger.getLogger("dev.secretstore.conformance.detached-" + UUID.randomUUID());
        RecordingHandler own = new RecordingHandler();
        detached.setUseParentHandlers(false);
        detached.addHandler(own);
        String captured;
        try (LogCapture capture = LogCapture.swallowing()) {
            detached.severe(marker + "-elsewhere");
            fakeErr.println(marker + "-bypassed");
            captured = capture.text();
        } finally {
            detached.removeHandler(own);
        }

        // A provider's logger with a handler of its own (say, a log file) is searched too; the stream that
        // the capture never replaced is not (the README names it as what the kit cannot see).
        assertThat(own.messages).contains(marker + "-elsewhere");
        assertThat(captured).contains(marker + "-elsewhere").doesNotContain(marker + "-bypassed");
        assertThat(detached.getLevel()).as("the logger's level after the capture").isNull();
    }

    private void writeToEveryChannel() {
        System.out.println(marker + "-out");
        System.err.println(marker + "-err");
        Logger.getLogger("dev.secretstore.conformance.test").fine(marker + "-jul");
        System.getLogger("dev.secretstore.conformance.test").log(System.Logger.Level.INFO, marker + "-system-logger");
    }

    private void assertRestored(Level levelBefore) {
        assertThat(System.out).isSameAs(fakeOut);
        assertThat(System.err).isSameAs(fakeErr);
        assertThat(ROOT.getHandlers()).contains(console);
        assertThat(ROOT.getLevel()).isEqualTo(levelBefore);
    }

    private static final class RecordingHandler extends Handler {
        final List<String> messages = new ArrayList<>();

        RecordingHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public synchronized void publish(LogRecord record) {
            messages.add(record.getMessage());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
