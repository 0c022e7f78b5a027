package dev.wslogs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.bench.WorstCaseLogs;
import dev.wslogs.lab.Await;
import dev.wslogs.lab.FreePorts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 7's memory bound for the daemon: the worst input a host can write ({@link WorstCaseLogs}:
 * 4 kB lines, every structure that waits for a decision filled at once, a flood of unclaimed error
 * lines), read from the start by the daemon with the JVM flags of the shipped systemd unit
 * ({@code -Xmx160m -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError}). Before the byte bounds scaled to
 * the heap, the primitive set of journal ids and the bounded hold-back, the daemon ran out of heap
 * after about 100,000 of these lines (now it exits there, with the unit's flag; it hung before). It
 * must read every line, stay alive, and stay under the unit's {@code MemoryMax}.
 */
class DaemonWorstCaseMemoryIT {
    private static final Path JAR = Path.of(System.getProperty("wslogs.jar", "target/wslogs.jar"));
    private static final Path UNIT = Path.of("systemd", "wslogs.service");
    private static final long LINES = 150_000;
    private static final long SCRAPE_EVERY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    @TempDir
    Path dir;

    @Test
    void worstCaseFromStart_underTheUnitsFlags_everyLineReadBelowMemoryMax() throws Exception {
        Path access = dir.resolve("access.log");
        Path error = dir.resolve("error.log");
        WorstCaseLogs w = new WorstCaseLogs(LINES, true, 4000, 7);
        w.errorFlood = 10;
        w.write(access, error);
        long accessLines = w.accessLinesWritten;
        long errorLines = w.errorLinesWritten;
        assertThat(Files.size(access) + Files.size(error)).as("bytes written").isGreaterThan(800L << 20);

        String unit = Files.readString(UNIT);
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(unitJvmFlags(unit));
        assertThat(cmd).contains("-Xmx160m", "-XX:+ExitOnOutOfMemoryError");
        long memoryMaxMb = memoryMaxMb(unit);
        int port = FreePorts.next();
        cmd.addAll(List.of("-jar", JAR.toString(), "run", "--access-log", access.toString(), "--error-log", error.toString(), "--state-dir",
                dir.resolve("state").toString(), "--listen", "127.0.0.1:" + port, "--from-start"));
        Path log = dir.resolve("daemon.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long peakKb = 0;
        try {
            long[] peak = {0};
            Await.until("the daemon to read both files to their end", Duration.ofMinutes(5), () -> {
                LockSupport.parkNanos(SCRAPE_EVERY_NANOS); // a scrape costs the daemon a render of every series
                peak[0] = Math.max(peak[0], vmHwmKb(p.pid()));
                assertThat(p.isAlive()).as("daemon alive; its log: %s", tail(log)).isTrue();
                String m = get(port);
                return m != null && linesRead(m, "access") == accessLines && linesRead(m, "error") == errorLines && lagZero(m);
            });
            peakKb = Math.max(peak[0], vmHwmKb(p.pid()));
            String metrics = get(port);
            assertThat(metrics).contains("wslogs_incidents_total{");
            p.destroy(); // SIGTERM: a clean stop decides what is pending, with the same heap
            assertThat(p.waitFor()).as("exit status after SIGTERM; log: %s", tail(log)).isIn(0, 143);
        } finally {
            p.destroyForcibly();
        }
        String out = Files.readString(log);
        assertThat(out).doesNotContain("OutOfMemoryError").contains("wslogs: stopped");
        assertThat(peakKb / 1024).as("daemon's peak RSS, MB (the unit's MemoryMax is %d MB)", memoryMaxMb).isLessThan(memoryMaxMb);
    }

    /** The JVM options of the unit's ExecStart: what stands between the java binary and {@code -jar}. */
    static List<String> unitJvmFlags(String unit) {
        String exec = unit.lines().filter(l -> l.startsWith("ExecStart=")).findFirst().orElseThrow();
        List<String> words = Arrays.asList(exec.substring("ExecStart=".length()).trim().split("\\s+"));
        int jar = words.indexOf("-jar");
        assertThat(jar).as(exec).isGreaterThan(1);
        return words.subList(1, jar);
    }

    private static long memoryMaxMb(String unit) {
        Matcher m = Pattern.compile("(?m)^MemoryMax=(\\d+)M$").matcher(unit);
        assertThat(m.find()).as("MemoryMax in the unit").isTrue();
        return Long.parseLong(m.group(1));
    }

    /** The sum of {@code wslogs_lines_read_total} over the files of one log, or -1 before it is exported. */
    private static long linesRead(String metrics, String kind) {
        long sum = -1;
        for (String l : metrics.lines().toList()) {
            if (l.startsWith("wslogs_lines_read_total{") && l.contains("log=\"" + kind + "\"")) {
                sum = Math.max(sum, 0) + (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    private static boolean lagZero(String metrics) {
        return metrics.contains("wslogs_file_lag_bytes")
                && metrics.lines().filter(l -> l.startsWith("wslogs_file_lag_bytes")).allMatch(l -> l.endsWith(" 0.0"));
    }

    private static long vmHwmKb(long pid) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("\\D", ""));
            }
        } catch (IOException e) {
            // the process is gone: the liveness check tells
        }
        return 0;
    }

    private static String tail(Path log) {
        try {
            String s = Files.readString(log);
            return s.substring(Math.max(0, s.length() - 2000));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private static String get(int port) {
        return DaemonKillRestartIT.get(port, "/metrics");
    }
}
