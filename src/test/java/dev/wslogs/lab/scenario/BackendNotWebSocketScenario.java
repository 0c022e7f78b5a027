package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.BrokenBackend;
import dev.wslogs.lab.backend.PlainHttpBackend;
import dev.wslogs.lab.client.WsSession;
import java.net.URI;

/**
 * {@code backend-not-websocket}: nginx is configured correctly, but what it proxies to does not
 * speak WebSocket. A plain HTTP app server ignores {@code Upgrade} and answers 200 (its page) or
 * 404: nginx relays that as an ordinary response, no error line. An SSH daemon on the port answers
 * with its banner: {@code upstream sent no valid HTTP/1.0 header} and status 009 (HTTP/0.9
 * pass-through). A back end that closes before sending a header: 502 and
 * {@code upstream prematurely closed connection}.
 */
public final class BackendNotWebSocketScenario implements Scenario {
    @Override
    public String name() {
        return "backend-not-websocket";
    }

    @Override
    public void run(ScenarioContext ctx) {
        PlainHttpBackend app = ctx.use(new PlainHttpBackend());
        BrokenBackend ssh = ctx.use(new BrokenBackend(BrokenBackend.Mode.SSH_SERVICE));
        BrokenBackend crashing = ctx.use(new BrokenBackend(BrokenBackend.Mode.CLOSE_BEFORE_HEADER));
        var nginx = ctx.nginx(ports -> """
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }

                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;

                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_set_header Host $host;

                    location /realtime/ {
                        proxy_pass http://127.0.0.1:%d/;
                    }

                    location /terminal/ws {
                        proxy_pass http://127.0.0.1:%d;
                    }

                    location /notify/ws {
                        proxy_pass http://127.0.0.1:%d;
                    }
                }
                """.formatted(ports.main(), app.port(), ssh.port(), crashing.port()));
        String base = "ws://127.0.0.1:" + nginx.port();
        attempt(ctx, base, "plain-http-backend-page", "/realtime/", 200, null, null);
        attempt(ctx, base, "plain-http-backend-404", "/realtime/socket", 404, null, null);
        attempt(ctx, base, "ssh-service-not-http", "/terminal/ws", 9,
                "upstream sent no valid HTTP/1.0 header while reading response header from upstream", Level.ERROR);
        attempt(ctx, base, "backend-closes-before-header", "/notify/ws", 502,
                "upstream prematurely closed connection while reading response header from upstream", Level.ERROR);
    }

    private static void attempt(ScenarioContext ctx, String base, String name, String path, int status, String error, Level level) {
        var a = ctx.action(name, "backend-not-websocket").status(status);
        if (error != null) a.error(error, level);
        var r = WsSession.attempt(URI.create(base + path + a.query()), null);
        if (r.upgraded()) throw new AssertionError(name + ": unexpectedly upgraded");
        if (status != 9) Web.check(r.status(), status, name);
    }
}
