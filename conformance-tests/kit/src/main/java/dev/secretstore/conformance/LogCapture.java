package dev.secretstore.conformance;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.LogManager;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Captures what the code under test prints or logs while it is open: {@code System.out},
 * {@code System.err}, and every {@code java.util.logging} record at any level, which includes
 * {@code System.Logger} output on the JDK's default logger backend. Logging is turned up to ALL while
 * capturing, so debug lines that would normally be dropped are searched too. Loggers that exist when the
 * capture starts and have handlers of their own (or do not pass records to their parents, e.g. a
 * provider's logger with its own {@code ConsoleHandler} bound to the real {@code System.err}) get the
 * capturing handler too, and are turned up to ALL as well. Not seen: writes straight to the file
 * descriptors ({@code FileDescriptor.out}/{@code err}) and loggers first created during the capture
 * with a handler of their own.
 *
 * <p>{@link #start()} passes everything through (the user still sees what the store printed);
 * {@link #swallowing()} keeps it: nothing reaches the previous {@code System.out}/{@code System.err}
 * or the root logger's previous handlers (e.g. the JDK's console handler) until it is closed.
 */
final class LogCapture implements AutoCloseable {

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final StringBuilder logged = new StringBuilder();
    private final PrintStream originalOut = System.out;
    private final PrintStream originalErr = System.err;
    private final Logger rootLogger = Logger.getLogger("");
    private final Level originalLevel = rootLogger.getLevel();
    private final Handler handler = new CapturingHandler();
    // Reading the handlers first also makes the JDK create its console handler now, bound to the real
    // System.err, rather than later on one of this capture's streams.
    private final Handler[] detachedHandlers;
    /** Loggers with handlers of their own, and the level each had. */
    private final Map<Logger, Level> ownHandlerLoggers = new LinkedHashMap<>();

    private LogCapture(boolean passThrough) {
        this(passThrough, true);
    }

    private LogCapture(boolean passThrough, boolean raiseLevels) {
        Handler[] rootHandlers = rootLogger.getHandlers();
        detachedHandlers = passThrough ? new Handler[0] : rootHandlers;
        for (Handler detached : detachedHandlers) {
            rootLogger.removeHandler(detached);
        }
        System.setOut(tee(passThrough ? originalOut : null));
        System.setErr(tee(passThrough ? originalErr : null));
        rootLogger.addHandler(handler);
        if (raiseLevels) {
            rootLogger.setLevel(Level.ALL);
        }
        LogManager manager = LogManager.getLogManager();
        for (String name : Collections.list(manager.getLoggerNames())) {
            Logger logger = manager.getLogger(name);
            if (logger != null && logger != rootLogger && (logger.getHandlers().length > 0 || !logger.getUseParentHandlers())) {
                ownHandlerLoggers.put(logger, logger.getLevel());
                logger.addHandler(handler);
                if (raiseLevels) {
                    logger.setLevel(Level.ALL);
                }
            }
        }
    }

    /** A capture that passes what it sees on to where it would have gone. */
    static LogCapture start() {
        return new LogCapture(true);
    }

    /**
     * A capture that passes everything through and leaves every log level as it is: it sees what the
     * process would print or log anyway (the kit keeps one open for its whole run).
     */
    static LogCapture observing() {
        return new LogCapture(true, false);
    }

    /** A capture that keeps what it sees: nothing is printed or handed to the root logger's other handlers. */
    static LogCapture swallowing() {
        return new LogCapture(false);
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
        ownHandlerLoggers.forEach((logger, level) -> {
            logger.removeHandler(handler);
            logger.setLevel(level);
        });
        for (Handler detached : detachedHandlers) {
            rootLogger.addHandler(detached);
        }
        rootLogger.setLevel(originalLevel);
    }

    /** @param original where to pass the bytes on, or {@code null} to keep them */
    private PrintStream tee(PrintStream original) {
        return new PrintStream(new OutputStream() {
            @Override
            public void write(int b) {
                synchronized (LogCapture.this) {
                    printed.write(b);
                }
                if (original != null) {
                    original.write(b);
                }
            }

            @Override
            public void write(byte[] bytes, int offset, int length) {
                synchronized (LogCapture.this) {
                    printed.write(bytes, offset, length);
                }
                if (original != null) {
                    original.write(bytes, offset, length);
                }
            }

            @Override
            public void flush() {
                if (original != null) {
                    original.flush();
                }
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
