package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Await;
import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.SlowBackend;
import dev.wslogs.lab.backend.WsBackend;
import dev.wslogs.lab.client.RawSocket;
import java.time.Duration;

/**
 * {@code client-abort}: the client goes away. Giving up on a slow handshake (the browser's tab
 * closed, a mobile client's timeout) → 499 and {@code epoll_wait() reported that client prematurely
 * closed connection, so upstream connection is closed too while sending request to upstream} at
 * [info] (nginx 1.22 still names the phase "sending request": the back end never answered, so the
 * read handler that would switch it to "reading response header" never ran); resetting an established tunnel → 101 and {@code recv() failed (104: Connection reset by
 * peer) while proxying upgraded connection} at [info] — the same text as an upstream reset, told
 * apart only by the level.
 */
public final class ClientAbortScenario implements Scenario {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "client-abort";
    }

    @Override
    public void run(ScenarioContext ctx) {
        WsBackend ws = ctx.use(WsBackend.plain());
        SlowBackend slow = ctx.use(new SlowBackend(Duration.ofSeconds(30)));
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
                    proxy_read_timeout 1h;

                    location /ws {
                        proxy_pass http://127.0.0.1:%d;
                    }

                    location /dashboard/ws {
                        proxy_pass http://127.0.0.1:%d;
                    }
                }
                """.formatted(ports.main(), ws.port(), slow.port()));
        int port = nginx.port();

        var gaveUp = ctx.action("gives-up-on-slow-handshake", "client-abort").status(499)
                .error("epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too while sending request to upstream", Level.INFO);
        try (RawSocket raw = RawSocket.connect(port)) {
            raw.send(RawSocket.upgradeRequest("/dashboard/ws" + gaveUp.query(), port));
            Await.until("slow back end to receive the handshake", WAIT, () -> slow.arrived() >= 1);
        }
        ctx.awaitErrorLines("client prematurely closed connection", 1, WAIT);

        var reset = ctx.action("resets-established-tunnel", "client-abort").status(101)
                .error("recv() failed (104: Connection reset by peer) while proxying upgraded connection", Level.INFO);
        RawSocket tunnel = RawSocket.connect(port);
        tunnel.send(RawSocket.upgradeRequest("/ws/chat" + reset.query(), port));
        Web.check(tunnel.readStatus(WAIT), 101, "tunnel");
        tunnel.reset();
    }
}
