package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.JavaWebSocketBackend;
import dev.wslogs.lab.client.WsSession;
import java.net.URI;

/**
 * {@code missing-upgrade-headers}: a WebSocket location copied from a plain proxy block. With only
 * {@code proxy_pass}, nginx talks HTTP/1.0 to the back end and drops {@code Upgrade}, so the back
 * end sees an ordinary GET; with the headers set but {@code proxy_http_version} left at 1.0, it
 * sees an HTTP/1.0 upgrade. The back end is a real library (Java-WebSocket 1.6.0), which answers
 * both with {@code 404 WebSocket Upgrade Failure}; nginx relays it as an ordinary response and
 * writes no error.log line. (A lenient server, e.g. Node's {@code ws}, may accept the HTTP/1.0
 * upgrade, and nginx would then tunnel it: the 1.0 variant fails only with strict back ends.)
 */
public final class MissingUpgradeHeadersScenario implements Scenario {
    @Override
    public String name() {
        return "missing-upgrade-headers";
    }

    @Override
    public void run(ScenarioContext ctx) {
        JavaWebSocketBackend ws = ctx.use(JavaWebSocketBackend.plain());
        var nginx = ctx.nginx(ports -> """
                server {
                    listen 127.0.0.1:%1$d;
                    server_name localhost;

                    location /ws {
                        proxy_pass http://127.0.0.1:%2$d;
                    }

                    location /live {
                        proxy_pass http://127.0.0.1:%2$d;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                    }
                }
                """.formatted(ports.main(), ws.port()));
        for (int attempt = 1; attempt <= 2; attempt++) {
            attempt(ctx, nginx.port(), "only-proxy-pass-" + attempt, "/ws/chat", 404);
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            attempt(ctx, nginx.port(), "headers-but-http-1.0-" + attempt, "/live/chat", 404);
        }
    }

    private static void attempt(ScenarioContext ctx, int port, String name, String path, int status) {
        var a = ctx.action(name, "missing-upgrade-headers").status(status);
        var r = WsSession.attempt(URI.create("ws://127.0.0.1:" + port + path + a.query()), null);
        Web.check(r.status(), status, name);
    }
}
