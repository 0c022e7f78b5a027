package dev.wslogs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.lab.Await;
import dev.wslogs.lab.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real daemon process, killed with SIGKILL again and again while logs are written and rotated,
 * then stopped cleanly: its journal holds exactly the incidents {@code analyze} finds in the same
 * logs — none lost, none twice — and the metrics endpoint answers over HTTP.
 */
class DaemonKillRestartIT {
    private static final boolean KILL = !Boolean.getBoolean("nokill");
    /**
     * Copies of the samples 200 s apart: longer than the samples span and than the checkpoint
     * hold-back (so positions are saved during the run), shorter than the lead an error log may
     * take over its access log (Pipeline.ERROR_LEAD_MILLIS) — a writer that appends the error lines
     * of a later copy before the access lines of this one stays realistic.
     */
    private static final long COPY_STEP_SECONDS = 200;
    private static final Path JAR = Path.of(System.getProperty("wslogs.jar", "target/wslogs.jar"));

    @TempDir
    Path dir;

    @Test
    void killedRepeatedlyWhileLogsRotate_noIncidentLostOrDuplicated() throws Exception {
        List<String> access = ShiftedSamples.access(DaemonParityTest.lines(Path.of("samples/access-extended.log")), 6, COPY_STEP_SECONDS);
        List<String> error = ShiftedSamples.error(DaemonParityTest.lines(Path.of("samples/error-info.log")), 6, COPY_STEP_SECONDS);
        Path whole = Files.createDirectories(dir.resolve("whole"));
        DaemonParityTest.append(whole.resolve("access.log"), access);
        DaemonParityTest.append(whole.resolve("error.log"), error);
        Map<String, String> expected = DaemonParityTest.analyze(whole.resolve("access.log"), whole.resolve("error.log"));
        assertThat(expected).hasSizeGreaterThan(100);

        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path a = logs.resolve("access.log");
        Path e = logs.resolve("error.log");
        Files.createFile(a);
        Files.createFile(e);
        Path state = dir.resolve("state");
        int port = FreePorts.next();
        Random rnd = new Random(20261122);
        Process p = start(a, e, state, port);
        try {
            waitHealthy(port, p);
            int kills = 0;
            int rotations = 0;
            List<LogChunks.Chunk> chunks = LogChunks.split(access, error, 7);
            for (int i = 0; i < chunks.size(); i++) {
                DaemonParityTest.append(e, chunks.get(i).error());
                DaemonParityTest.append(a, chunks.get(i).access());
                if (rnd.nextInt(4) == 0) {
                    rotate(logs, "access.log");
                    rotate(logs, "error.log");
                    rotations++;
                }
                if (KILL && rnd.nextInt(5) == 0) {
                    waitRead(port, p);
                    p.destroyForcibly().waitFor();
                    kills++;
                    p = start(a, e, state, port);
                    waitHealthy(port, p);
                }
            }
            waitRead(port, p);
            String metrics = get(port, "/metrics");
            assertThat(metrics).containsAnyOf("wslogs_incidents_total{", "wslogs_incidents_deduplicated_total").contains("wslogs_upgraded_connection_duration_seconds_bucket{le=\"60.0\"}")
                    .contains("wslogs_lines_read_total{").contains("jvm_memory_used_bytes");
            p.destroy(); // SIGTERM: a clean stop decides what is pending
            assertThat(p.waitFor()).as("exit status after SIGTERM (the JVM reports 128+15)").isIn(0, 143);
            assertThat(Files.readString(dir.resolve("daemon.log"))).contains("wslogs: stopped");
            assertThat(kills).as("kills").isGreaterThan(3);
            assertThat(rotations).as("rotations").isGreaterThan(3);
        } finally {
            p.destroyForcibly();
        }
        DaemonParityTest.assertSameIncidents(expected, DaemonParityTest.journal(state));
    }

    private Process start(Path access, Path error, Path state, int port) throws IOException {
        return new ProcessBuilder("java", "-jar", JAR.toString(), "run", "--access-log", access.toString(), "--error-log", error.toString(),
                "--state-dir", state.toString(), "--listen", "127.0.0.1:" + port, "--from-start")
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
    }

    private static void rotate(Path logs, String name) throws IOException {
        for (int n = 20; n >= 1; n--) {
            Path from = logs.resolve(name + "." + n);
            if (Files.exists(from)) Files.move(from, logs.resolve(name + "." + (n + 1)), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.move(logs.resolve(name), logs.resolve(name + ".1"));
        Files.createFile(logs.resolve(name));
    }

    /** Waits until the daemon has read everything written so far (no bytes behind on any file). */
    private static void waitRead(int port, Process p) {
        Await.until("the daemon to catch up", WAIT, () -> {
            assertThat(p.isAlive()).as("daemon alive").isTrue();
            String m = get(port, "/metrics");
            return m != null && m.contains("wslogs_file_lag_bytes")
                    && !m.lines().anyMatch(l -> l.startsWith("wslogs_file_lag_bytes") && !l.endsWith(" 0.0"));
        });
    }

    private static void waitHealthy(int port, Process p) {
        Await.until("the daemon to be healthy", WAIT, () -> {
            assertThat(p.isAlive()).as("daemon alive").isTrue();
            return get(port, "/-/healthy") != null;
        });
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** One client for every poll: a new one per request brings its own selector thread, and polls run while the daemon starts. */
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    /** The body of a 200 answer to {@code GET path} on the daemon's loopback port, else null. */
    static String get(int port, String path) {
        try {
            HttpResponse<String> r = CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
