package dev.secretstore.emulator.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.secretstore.emulator.testing.ReadyLineProcess.Stderr;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.opentest4j.AssertionFailedError;

@EnabledOnOs(value = {OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD, OS.SOLARIS, OS.AIX}, disabledReason = "drives POSIX sh")
class ReadyLineProcessTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void returnsTheReadyLineAndCloseKillsTheChild() {
        ReadyLineProcess child = ReadyLineProcess.start(
                List.of("sh", "-c", "echo starting; echo oops >&2; echo 'READY http://127.0.0.1:1'; exec sleep 300"),
                Stderr.MERGE);
        try (child) {
            assertEquals("READY http://127.0.0.1:1", child.awaitReady(BOUND));
            assertTrue(child.output().containsAll(List.of("starting", "oops", "READY http://127.0.0.1:1")),
                    child.output().toString());
            assertTrue(child.isAlive());
        }
        assertFalse(child.isAlive());
    }

    @Test
    void stopsAtEndOfInputWhenAsked() {
        try (ReadyLineProcess child = ReadyLineProcess.start(List.of("sh", "-c", "echo 'READY x'; cat; exit 4"),
                Stderr.INHERIT)) {
            child.awaitReady(BOUND);
            child.closeInput();
            assertTrue(child.waitForExit(BOUND));
            assertEquals(4, child.exitCode());
        }
    }

    @Test
    void aChildThatEndsWithoutReadyFailsWithItsOutput() {
        try (ReadyLineProcess child = ReadyLineProcess.start(List.of("sh", "-c", "echo 'bad config: port'; exit 1"),
                Stderr.MERGE)) {
            AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> child.awaitReady(BOUND));
            assertTrue(e.getMessage().contains("bad config: port"), e.getMessage());
        }
    }
}
