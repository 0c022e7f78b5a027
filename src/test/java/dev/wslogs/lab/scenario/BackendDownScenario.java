package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.BlackholePort;
import dev.wslogs.lab.backend.DeadPort;
import dev.wslogs.lab.client.WsSession;
import java.net.URI;

/**
 * {@code backend-down}: the WebSocket service is not there. A single dead port → 502 and
 * {@code connect() failed (111: Connection refused)}; an upstream block of dead servers → the first
 * request tries both (502, 502) and marks them failed, the next gets {@code no live upstreams}; a
 * host that does not answer SYNs (here: a loopback listener with a full accept queue) → 504 after
 * {@code proxy_connect_timeout}.
 */
public final class BackendDownScenario implements Scenario {
    @Override
    public String name() {
        return "backend-down";
    }

    @Override
    public void run(ScenarioContext ctx) {
        DeadPort dead = DeadPort.allocate();
        DeadPort pool1 = DeadPort.allocate();
        DeadPort pool2 = DeadPort.allocate();
        BlackholePort blackhole = ctx.use(new BlackholePort());
        var nginx = ctx.nginx(ports -> """
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }

                upstream chat_pool {
                    server 127.0.0.1:%d;
                    server 127.0.0.1:%d;
                }

                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;

                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;

                    location /ws {
                        proxy_pass http://127.0.0.1:%d;
                    }

                    location /pool/ws {
                        proxy_pass http://chat_pool;
                    }

                    location /remote/ws {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_connect_timeout 2s;
                    }
                }
                """.formatted(pool1.port(), pool2.port(), ports.main(), dead.port(), blackhole.port()));
        String base = "ws://127.0.0.1:" + nginx.port();
        attempt(ctx, base, "dead-port", "/ws/chat", 502, "connect() failed (111: Connection refused) while connecting to upstream");
        attempt(ctx, base, "pool-all-dead-first", "/pool/ws/chat", 502,
                "connect() failed (111: Connection refused) while connecting to upstream");
        attempt(ctx, base, "pool-all-dead-then-no-live-upstreams", "/pool/ws/chat", 502,
                "no live upstreams while connecting to upstream");
        attempt(ctx, base, "connect-timeout", "/remote/ws/chat", 504,
                "upstream timed out (110: Connection timed out) while connecting to upstream");
    }

    private static void attempt(ScenarioContext ctx, String base, String name, String path, int status, String error) {
        var a = ctx.action(name, "backend-down").status(status).error(error, Level.ERROR);
        Web.check(WsSession.attempt(URI.create(base + path + a.query()), null).status(), status, name);
    }
}
