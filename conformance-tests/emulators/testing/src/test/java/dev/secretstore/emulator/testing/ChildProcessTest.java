package dev.secretstore.emulator.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

@EnabledOnOs(value = {OS.LINUX, OS.MAC, OS.FREEBSD, OS.OPENBSD, OS.SOLARIS, OS.AIX}, disabledReason = "drives POSIX sh")
class ChildProcessTest {
    private static final Duration BOUND = Duration.ofSeconds(30);

    @Test
    void capturesExitCodeBothStreamsAndStdin(@TempDir Path dir) {
        ChildProcess.Result r = ChildProcess.command("sh", "-c", "read line; echo \"got $line\"; echo oops >&2; exit 3")
                .workingDirectory(dir).stdin("hello\n").timeout(BOUND).run();
        assertTrue(r.started());
        assertFalse(r.timedOut());
        assertEquals(3, r.exitCode());
        assertEquals("got hello\n", r.stdout());
        assertEquals("oops\n", r.stderr());
        assertFalse(r.succeeded());
    }

    @Test
    void anExactEnvironmentInheritsNothing(@TempDir Path dir) {
        ChildProcess.Result r = ChildProcess.command("/bin/sh", "-c", "echo \"[$ONLY][$HOME]\"")
                .environment(Map.of("ONLY", "this")).workingDirectory(dir).timeout(BOUND).run();
        assertEquals("[this][]\n", r.stdout(), r.describe());
    }

    @Test
    void outputLargerThanAnyPipeBufferDoesNotStallTheChild(@TempDir Path dir) {
        ChildProcess.Result r = ChildProcess.command("sh", "-c", "head -c 5000000 /dev/zero | tr '\\0' x")
                .workingDirectory(dir).timeout(BOUND).run();
        assertTrue(r.succeeded(), r.describe());
        assertEquals(5_000_000, r.stdout().length());
    }

    @Test
    void anOverrunningChildIsKilledWithWhatItStarted(@TempDir Path dir) throws Exception {
        Path pidFile = dir.resolve("grandchild.pid");
        ChildProcess.Result r = ChildProcess.command("sh", "-c", "sleep 300 & echo $! > " + pidFile + "; wait")
                .workingDirectory(dir).timeout(Duration.ofSeconds(2)).run();
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        long grandchild = Long.parseLong(Files.readString(pidFile).strip());
        assertFalse(ProcessHandle.of(grandchild).map(ProcessHandle::isAlive).orElse(false),
                "the background sleep must be killed too");
    }

    @Test
    void aMissingProgramIsAResultThatSaysSo(@TempDir Path dir) {
        ChildProcess.Result r = ChildProcess.command("no-such-program-secretstore", "--version")
                .workingDirectory(dir).timeout(BOUND).run();
        assertFalse(r.started());
        assertFalse(r.succeeded());
        assertTrue(r.describe().startsWith("no-such-program-secretstore --version could not be started"),
                r.describe());
    }
}
