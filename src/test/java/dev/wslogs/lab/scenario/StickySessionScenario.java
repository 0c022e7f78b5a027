package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.EngineIoBackend;
import dev.wslogs.lab.client.EngineIoClient;
import java.time.Duration;

/**
 * {@code sticky-session}: two engine.io instances behind a plain (round-robin) upstream. The
 * handshake lands on one instance, the next request on the other, which answers
 * {@code 400 {"code":1,"message":"Session ID unknown"}}; the upgrade with that sid fails the same
 * way. nginx logs ordinary 400s from the upstream and no error.log line; the signal is in
 * {@code $upstream_addr} alternating within one sid. Control: the same pair with {@code ip_hash}.
 */
public final class StickySessionScenario implements Scenario {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "sticky-session";
    }

    @Override
    public void run(ScenarioContext ctx) {
        EngineIoBackend a = ctx.use(new EngineIoBackend("a"));
        EngineIoBackend b = ctx.use(new EngineIoBackend("b"));
        var nginx = ctx.nginx(2, ports -> """
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }

                upstream socketio {
                    server 127.0.0.1:%1$d;
                    server 127.0.0.1:%2$d;
                }

                upstream socketio_sticky {
                    ip_hash;
                    server 127.0.0.1:%1$d;
                    server 127.0.0.1:%2$d;
                }

                server {
                    listen 127.0.0.1:%3$d;
                    server_name localhost;

                    location /socket.io/ {
                        proxy_pass http://socketio;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $host;
                    }
                }

                server {
                    listen 127.0.0.1:%4$d;
                    server_name localhost;

                    location /socket.io/ {
                        proxy_pass http://socketio_sticky;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $host;
                    }
                }
                """.formatted(a.port(), b.port(), ports.get(0), ports.get(1)));
        roundRobin(ctx, new EngineIoClient(nginx.ports().get(0)));
        ipHash(ctx, new EngineIoClient(nginx.ports().get(1)));
    }

    /** One worker, fresh round-robin state: requests alternate first, second, first, second. */
    private static void roundRobin(ScenarioContext ctx, EngineIoClient client) {
        var open = ctx.action("rr-polling-handshake", "not-websocket").status(200);
        Web.check(client.handshake(open.tag()), 200, "handshake");
        var post = ctx.action("rr-polling-post-other-instance", "sticky-session").status(400);
        Web.check(client.post("40", post.tag()), 400, "post");
        var poll = ctx.action("rr-polling-get-same-instance", "not-websocket").status(200);
        Web.check(client.poll(poll.tag()), 200, "poll");
        var upgrade = ctx.action("rr-upgrade-other-instance", "sticky-session").status(400);
        Web.check(client.upgrade(upgrade.tag()).status(), 400, "upgrade");
    }

    private static void ipHash(ScenarioContext ctx, EngineIoClient client) {
        var open = ctx.action("ip-hash-polling-handshake", "not-websocket").status(200);
        Web.check(client.handshake(open.tag()), 200, "handshake");
        var post = ctx.action("ip-hash-polling-post", "not-websocket").status(200);
        Web.check(client.post("40", post.tag()), 200, "post");
        var poll = ctx.action("ip-hash-polling-get", "not-websocket").status(200);
        Web.check(client.poll(poll.tag()), 200, "poll");
        var upgrade = ctx.action("ip-hash-upgrade", "ok").status(101);
        var attempt = client.upgrade(upgrade.tag());
        Web.check(attempt.status(), 101, "upgrade");
        try (var s = attempt.session()) {
            s.echo("42[\"chat\",\"hi\"]", WAIT);
            s.closeNormally(WAIT);
        }
    }
}
