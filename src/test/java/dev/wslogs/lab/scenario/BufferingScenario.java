package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.SseBackend;
import dev.wslogs.lab.client.RawSocket;
import java.time.Duration;

/**
 * {@code buffering}: an event stream (SSE) proxied with {@code proxy_buffering on} and small
 * {@code proxy_buffers}. The back end bursts events faster than a slow client (small receive
 * window) reads them, nginx's memory buffers fill and it spills the response to a temporary file:
 * {@code an upstream response is buffered to a temporary file … while reading upstream} at [warn],
 * and the client gets the events late, in bulk. Upgraded WebSocket tunnels are never buffered; this
 * is the HTTP streaming side of the same application.
 */
public final class BufferingScenario implements Scenario {
    @Override
    public String name() {
        return "buffering";
    }

    @Override
    public void run(ScenarioContext ctx) {
        SseBackend sse = ctx.use(new SseBackend(12_000));
        var nginx = ctx.nginx(ports -> """
                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;

                    location /events {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_buffering on;
                        proxy_buffer_size 4k;
                        proxy_buffers 4 4k;
                        proxy_busy_buffers_size 8k;
                    }
                }
                """.formatted(ports.main(), sse.port()));
        var stream = ctx.action("sse-stream-spills-to-temp-file", "buffering").status(200)
                .error("an upstream response is buffered to a temporary file", Level.WARN);
        try (RawSocket client = RawSocket.connect(nginx.port(), 4096)) {
            client.send("GET /events" + stream.query() + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n"
                    + "User-Agent: wslogs-lab (slow SSE client)\r\nConnection: close\r\n\r\n");
            ctx.awaitErrorLines("buffered to a temporary file", 1, Duration.ofSeconds(20));
            if (client.readStatus(Duration.ofSeconds(20)) != 200) throw new AssertionError("stream status");
            client.drain(Duration.ofSeconds(30));
        }
    }
}
