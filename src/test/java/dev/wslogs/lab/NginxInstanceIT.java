package dev.wslogs.lab;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lab's real nginx is ready only when it holds its own ports: a port another process listens on
 * accepts connections too, while nginx is still retrying its bind. A CI run started a scenario
 * that way, and another scenario's back end answered its WebSocket handshake with 200.
 */
class NginxInstanceIT {
    private static String server(int port) {
        return "server { listen 127.0.0.1:" + port + "; access_log access.log; location / { return 204; } }\n";
    }

    @Test
    void aPortHeldByAnotherListenerWhileNginxStarts_isAFailedStart_notReady(@TempDir Path dir) throws Exception {
        int port = FreePorts.next();
        ScheduledExecutorService release = Executors.newSingleThreadScheduledExecutor();
        ServerSocket other = new ServerSocket();
        try {
            other.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
            // released once nginx has failed to bind it, during its retries (500 ms apart): nginx then
            // binds and forks its worker, as when another scenario's back end closed the port
            Path errorLog = dir.resolve("error.log");
            release.scheduleWithFixedDelay(() -> {
                try {
                    if (Files.exists(errorLog) && Files.readString(errorLog).contains("bind() to")) closeListener(other);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }, 10, 10, TimeUnit.MILLISECONDS);
            NginxInstance nginx = NginxInstance.launch(dir, NginxConfig.render("held-port", server(port)), new NginxPorts(List.of(port)));
            try {
                String said = nginx.await();
                assertThat(said).contains("bind() to 127.0.0.1:" + port + " failed").contains("Address already in use");
            } finally {
                nginx.close();
            }
        } finally {
            release.shutdownNow();
            closeListener(other);
        }
    }

    private static void closeListener(ServerSocket s) {
        try {
            s.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aStartedInstance_answersOnItsPort_andItsLogsHoldOnlyItsRun(@TempDir Path dir) throws Exception {
        try (NginxInstance nginx = NginxInstance.start(dir, "ready", 2, ports -> server(ports.get(0)) + server(ports.get(1)))) {
            HttpClient http = HttpClient.newHttpClient();
            for (int port : nginx.ports().ports()) {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                        HttpResponse.BodyHandlers.discarding());
                assertThat(r.statusCode()).as("port %d", port).isEqualTo(204);
            }
            assertThat(Files.readString(dir.resolve("error.log"))).doesNotContain("[emerg]");
        }
    }

    @Test
    void freePorts_comeFromBelowTheEphemeralRange_onceEach_andCanBeBound() throws Exception {
        Set<Integer> seen = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(FreePorts.LOWEST, FreePorts.ephemeralLow() - 1);
            assertThat(seen.add(port)).as("handed out twice: %d", port).isTrue();
            try (ServerSocket s = new ServerSocket()) {
                s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
                assertThat(s.getLocalPort()).isEqualTo(port);
            }
        }
    }
}
