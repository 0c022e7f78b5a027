package dev.wslogs.sink.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.wslogs.config.Config;
import dev.wslogs.model.Incident;
import dev.wslogs.sink.report.JsonReport;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class AlertSinkTest {
    private static Incident incident(String cause, int second) {
        return new Incident("id" + second, cause, 0.9, "r", OffsetDateTime.parse("2026-11-22T10:00:00Z").plusSeconds(second), "1.2.3.4",
                "h", "GET /ws HTTP/1.1", "/ws", 502, 1, "127.0.0.1:9", "502", Optional.empty(), List.of(), List.of("e"), "fix", List.of());
    }

    @Test
    void thresholdInWindow_firesOnce_thenRateLimited() {
        Config.AlertConfig cfg = new Config.AlertConfig(60, Map.of("backend-down", 3), null, null, null, 600);
        List<String> lines = new ArrayList<>();
        try (AlertSink s = new AlertSink(cfg, lines::add, null, "host1")) {
            s.incident(incident("backend-down", 0));
            s.incident(incident("backend-down", 100)); // the first left the 60 s window
            s.incident(incident("backend-down", 110));
            assertThat(s.fired()).isZero();
            s.incident(incident("backend-down", 120));
            assertThat(s.fired()).isEqualTo(1);
            for (int i = 121; i < 200; i++) s.incident(incident("backend-down", i));
            assertThat(s.fired()).as("rate-limited for min_interval_seconds").isEqualTo(1);
            s.incident(incident("backend-down", 719));
            s.incident(incident("backend-down", 720));
            assertThat(s.fired()).as("still within 600 s of the first alert").isEqualTo(1);
            s.incident(incident("backend-down", 721));
            assertThat(s.fired()).isEqualTo(2);
            s.incident(incident("tls", 5)); // no threshold for tls and no default: never
            assertThat(lines).hasSize(2).allSatisfy(l -> assertThat(l).startsWith("wslogs ALERT backend-down: "));
        }
    }

    @Test
    void webhook_postsPayload_retriesAfterServerError() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        List<String> bodies = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        server.createContext("/hook", ex -> {
            bodies.add(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            int code = calls.incrementAndGet() == 1 ? 500 : 204;
            ex.sendResponseHeaders(code, -1);
            ex.close();
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
            Webhook hook = new Webhook(url, Duration.ofSeconds(2), 3, 10, s -> {});
            Config.AlertConfig cfg = new Config.AlertConfig(60, Map.of("default", 1), url, 2, 3, 600);
            try (AlertSink s = new AlertSink(cfg, x -> {}, hook, "host1")) {
                s.incident(incident("backend-down", 0));
                long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
                while (hook.delivered() == 0 && System.nanoTime() < deadline) Thread.onSpinWait();
            }
            assertThat(hook.delivered()).isEqualTo(1);
            assertThat(calls.get()).isEqualTo(2);
            JsonNode n = JsonReport.MAPPER.readTree(bodies.get(1));
            assertThat(n.get("cause").asText()).isEqualTo("backend-down");
            assertThat(n.get("count").asInt()).isEqualTo(1);
            assertThat(n.get("host").asText()).isEqualTo("host1");
            assertThat(n.get("sample_incident").get("id").asText()).isEqualTo("id0");
        } finally {
            server.stop(0);
        }
    }
}
