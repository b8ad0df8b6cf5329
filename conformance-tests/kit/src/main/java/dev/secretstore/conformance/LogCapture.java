package dev.secretstore.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what the code under test prints or logs while it is open: {@code System.out},
 * {@code System.err} (still passed through), and every {@code java.util.logging} record at any level,
 * which includes {@code System.Logger} output on the JDK's default logger backend. Logging is turned up
 * to ALL while capturing, so debug lines that would normally be dropped are searched too.
 */
final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StringBuilder logged = new StringBuilder();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final Logger rootLogger = Logger.getLogger("");
    private final Level originalLevel = rootLogger.getLevel();
    private final Handler handler = new CapturingHandler();

    private LogCapture() {
        System.setOut(tee(originalOut));
        System.setErr(tee(originalErr));
        rootLogger.addHandler(handler);
        rootLogger.setLevel(Level.ALL);
    }

    static LogCapture start() {
        return new LogCapture();
    }

    /** Everything printed and logged so far. */
    synchronized String text() {
        System.out.flush();
        System.err.flush();
        return printed.toString(UTF_8) + logged;
    }

    @Override
    public void close() {
        System.out.flush();
        System.err.flush();
        System.setOut(originalOut);
        System.setErr(originalErr);
        rootLogger.removeHandler(handler);
        rootLogger.setLevel(originalLevel);
    }

    private PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (LogCapture.this) {
                    printed.write(b);
                }
                original.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (LogCapture.this) {
                    printed.write(bytes, offset, length);
                }
                original.write(bytes, offset, length);
            }

            @Override
            public void flush() {
                original.flush();
            }
        }, true, UTF_8);
    }

    private final class CapturingHandler extends Handler {
        private final SimpleFormatter formatter = new SimpleFormatter();

        CapturingHandler() {
            setLevel(Level.ALL);
        }

        @Override
        public void publish(LogRecord record) {
            // The formatted line (with parameters filled in and the stack trace) is what a log file would hold.
            String line = formatter.format(record);
            synchronized (LogCapture.this) {
                logged.append(line);
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
