package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.BrokenBackend;
import dev.wslogs.lab.backend.WsBackend;
import dev.wslogs.lab.client.WsSession;
import java.net.URI;
import java.time.Duration;

/**
 * {@code upstream-reset}: the back end resets the TCP connection (a crash, a kill -9, an idle
 * reaper). Mid-tunnel nginx logs {@code recv() failed (104: Connection reset by peer) while
 * proxying upgraded connection} at [error] (upstream socket) and the access line stays 101; a reset
 * before the 101 is a 502 with the same recv() error while reading the response header.
 */
public final class UpstreamResetScenario implements Scenario {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "upstream-reset";
    }

    @Override
    public void run(ScenarioContext ctx) {
        WsBackend ws = ctx.use(WsBackend.plain());
        BrokenBackend resetting = ctx.use(new BrokenBackend(BrokenBackend.Mode.RESET_BEFORE_HEADER));
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
                        proxy_read_timeout 1h;
                    }

                    location /game/ws {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                    }
                }
                """.formatted(ports.main(), ws.port(), resetting.port()));
        String base = "ws://127.0.0.1:" + nginx.port();
        for (int i = 1; i <= 2; i++) {
            var mid = ctx.action("reset-mid-session-" + i, "upstream-reset").status(101)
                    .error("recv() failed (104: Connection reset by peer) while proxying upgraded connection", Level.ERROR);
            try (WsSession s = WsSession.open(URI.create(base + "/ws/chat" + mid.query()))) {
                s.echo("hello", WAIT);
                s.send(WsBackend.RESET);
                s.awaitCut(WAIT);
            }
        }
        var early = ctx.action("reset-before-101", "upstream-reset").status(502)
                .error("recv() failed (104: Connection reset by peer) while reading response header from upstream", Level.ERROR);
        Web.check(WsSession.attempt(URI.create(base + "/game/ws" + early.query()), null).status(), 502, "reset before 101");
    }
}
