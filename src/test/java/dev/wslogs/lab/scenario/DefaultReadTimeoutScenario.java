package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.WsBackend;
import dev.wslogs.lab.client.WsSession;
import java.net.URI;
import java.time.Duration;

/**
 * {@code proxy-read-timeout} with nginx's default: the upgrade headers are right but nobody set
 * {@code proxy_read_timeout}, so an idle tunnel is cut after 60 s. nginx logs the cut at [info]
 * only (invisible at the default error_log level); the access line is a 101 with
 * {@code $request_time} ≈ 60. The lab's one slow run.
 */
public final class DefaultReadTimeoutScenario implements Scenario {
    @Override
    public String name() {
        return "proxy-read-timeout-default";
    }

    @Override
    public void run(ScenarioContext ctx) {
        WsBackend ws = ctx.use(WsBackend.plain());
        var nginx = ctx.nginx(ports -> """
                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;

                    location /ws {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                        proxy_set_header Host $host;
                        # proxy_read_timeout not set: nginx's default 60s applies
                    }
                }
                """.formatted(ports.main(), ws.port()));
        var idle = ctx.action("idle-session-default-timeout", "proxy-read-timeout").status(101)
                .error("upstream timed out (110: Connection timed out) while proxying upgraded connection", Level.INFO);
        try (WsSession s = WsSession.open(URI.create("ws://127.0.0.1:" + nginx.port() + "/ws/feed/silent" + idle.query()))) {
            s.send("subscribe");
            s.awaitEnd(Duration.ofSeconds(75));
        }
    }
}
