package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.SlowBackend;
import dev.wslogs.lab.backend.WsBackend;
import dev.wslogs.lab.client.WsSession;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code proxy-read-timeout}: {@code proxy_read_timeout 3s} on a WebSocket location (copied from an
 * API block). Idle tunnels are cut after 3 s and nginx logs it at [info] only; a session that keeps
 * talking survives (the timer re-arms on traffic in either direction); a handshake to a back end
 * slower than 3 s ends in 504 with an [error] line.
 */
public final class ProxyReadTimeoutScenario implements Scenario {
    private static final Duration WAIT = Duration.ofSeconds(15);

    @Override
    public String name() {
        return "proxy-read-timeout";
    }

    @Override
    public void run(ScenarioContext ctx) {
        WsBackend ws = ctx.use(WsBackend.plain());
        SlowBackend slow = ctx.use(new SlowBackend(Duration.ofSeconds(8)));
        var nginx = ctx.nginx(ports -> """
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }

                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;

                    location /ws {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout 3s;
                    }

                    location /reports/ws {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout 3s;
                    }
                }
                """.formatted(ports.main(), ws.port(), slow.port()));
        String base = "ws://127.0.0.1:" + nginx.port();
        var idle = new CompletableFuture<?>[2];
        for (int i = 0; i < idle.length; i++) {
            var a = ctx.action("idle-session-" + (i + 1), "proxy-read-timeout").status(101)
                    .error("upstream timed out (110: Connection timed out) while proxying upgraded connection", Level.INFO);
            URI uri = URI.create(base + "/ws/notifications/silent" + a.query());
            idle[i] = CompletableFuture.runAsync(() -> idleUntilCut(uri));
        }
        var chatty = ctx.action("active-session-outlives-timeout", "ok").status(101);
        CompletableFuture<Void> active = CompletableFuture.runAsync(() -> {
            try (WsSession s = WsSession.open(URI.create(base + "/ws/chat" + chatty.query()))) {
                for (int i = 0; i < 5; i++) {
                    s.echo("tick " + i, WAIT);
                    Hold.forDuration(Duration.ofMillis(1200));
                }
                s.closeNormally(WAIT);
            }
        });
        var handshake = ctx.action("handshake-to-slow-backend", "proxy-read-timeout").status(504)
                .error("upstream timed out (110: Connection timed out) while reading response header from upstream", Level.ERROR);
        Web.check(WsSession.attempt(URI.create(base + "/reports/ws" + handshake.query()), null).status(), 504, "slow handshake");
        CompletableFuture.allOf(idle).join();
        active.join();
    }

    private static void idleUntilCut(URI uri) {
        try (WsSession s = WsSession.open(uri)) {
            s.send("subscribe");
            s.awaitEnd(WAIT);
        }
    }
}
