package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.PlainHttpBackend;
import dev.wslogs.lab.backend.WsBackend;
import dev.wslogs.lab.client.WsSession;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The control: the configuration the nginx docs recommend ({@code map $http_upgrade}, HTTP/1.1,
 * both headers, long timeouts). Sessions of 0.05 s to a few seconds, closed cleanly by the client
 * and by the server, among ordinary page and API traffic. nginx logs 101 and no error line.
 */
public final class HealthyScenario implements Scenario {
    static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "healthy";
    }

    @Override
    public void run(ScenarioContext ctx) {
        WsBackend ws = ctx.use(WsBackend.plain());
        PlainHttpBackend api = ctx.use(new PlainHttpBackend());
        ctx.webRoot();
        var nginx = ctx.nginx(ports -> """
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }

                upstream chat {
                    server 127.0.0.1:%d;
                }

                %s
                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;

                %s
                    location /ws {
                        proxy_pass http://chat;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $host;
                        proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                        proxy_read_timeout 3600s;
                        proxy_send_timeout 3600s;
                    }
                }
                """.formatted(ws.port(), Web.apiUpstream(api.port()), ports.main(), Web.locations().indent(4)));
        String base = "http://127.0.0.1:" + nginx.port();
        Web.browse(ctx, base);

        List<CompletableFuture<Void>> sessions = new ArrayList<>();
        for (long ms : new long[] {50, 300, 1000, 2500}) {
            var a = ctx.action("session-" + ms + "ms-client-close", "ok").status(101);
            URI uri = URI.create("ws://127.0.0.1:" + nginx.port() + "/ws/chat" + a.query());
            sessions.add(CompletableFuture.runAsync(() -> clientClosedSession(uri, Duration.ofMillis(ms))));
        }
        for (long ms : new long[] {200, 1500}) {
            var a = ctx.action("session-" + ms + "ms-server-close", "ok").status(101);
            URI uri = URI.create("ws://127.0.0.1:" + nginx.port() + "/ws/chat" + a.query());
            sessions.add(CompletableFuture.runAsync(() -> serverClosedSession(uri, Duration.ofMillis(ms))));
        }
        CompletableFuture.allOf(sessions.toArray(CompletableFuture[]::new)).join();
        Web.browse(ctx, base);
    }

    static void clientClosedSession(URI uri, Duration length) {
        try (WsSession s = WsSession.open(uri)) {
            s.echo("hello", WAIT);
            Hold.forDuration(length);
            s.echo("still here", WAIT);
            s.closeNormally(WAIT);
        }
    }

    private static void serverClosedSession(URI uri, Duration length) {
        try (WsSession s = WsSession.open(uri)) {
            s.echo("hello", WAIT);
            Hold.forDuration(length);
            s.send(WsBackend.BYE);
            int code = s.awaitEnd(WAIT);
            if (code != 1000) throw new AssertionError("server close arrived as " + code);
        }
    }
}
