package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.EngineIoBackend;
import dev.wslogs.lab.client.EngineIoClient;
import dev.wslogs.lab.client.RawSocket;
import java.time.Duration;

/**
 * {@code message-too-large}: a small {@code client_max_body_size} on the Socket.IO location. It
 * applies to HTTP request bodies, i.e. to long-polling POSTs: a large message sent while the client
 * is still on polling is refused with 413 and {@code client intended to send too large body} at
 * [error]. The same message over the upgraded WebSocket passes (frames are not request bodies).
 */
public final class MessageTooLargeScenario implements Scenario {
    private static final int LARGE = 64 * 1024;

    @Override
    public String name() {
        return "message-too-large";
    }

    @Override
    public void run(ScenarioContext ctx) {
        EngineIoBackend app = ctx.use(new EngineIoBackend("app"));
        var nginx = ctx.nginx(ports -> """
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }

                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;
                    client_max_body_size 16k;

                    location /socket.io/ {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_set_header Host $host;
                    }
                }
                """.formatted(ports.main(), app.port()));
        EngineIoClient client = new EngineIoClient(nginx.port());
        var open = ctx.action("polling-handshake", "not-websocket").status(200);
        Web.check(client.handshake(open.tag()), 200, "handshake");
        var small = ctx.action("polling-post-small-message", "not-websocket").status(200);
        Web.check(client.post("42[\"chat\",\"hi\"]", small.tag()), 200, "small post");

        var large = ctx.action("polling-post-64k-message", "message-too-large").status(413)
                .error("client intended to send too large body: " + (LARGE + 1) + " bytes", Level.ERROR);
        try (RawSocket raw = RawSocket.connect(nginx.port())) {
            raw.send("POST /socket.io/?EIO=4&transport=polling&sid=" + client.sid() + "&" + large.tag() + " HTTP/1.1\r\n"
                    + "Host: 127.0.0.1:" + nginx.port() + "\r\nUser-Agent: wslogs-lab (raw socket)\r\n"
                    + "Content-Type: text/plain;charset=UTF-8\r\nContent-Length: " + (LARGE + 1) + "\r\n\r\n");
            raw.sendIgnoringReset(("4" + "x".repeat(LARGE)).getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            Web.check(raw.readStatus(Duration.ofSeconds(10)), 413, "large post");
        }

        var ws = ctx.action("websocket-64k-message", "ok").status(101)
                .note("client_max_body_size does not limit WebSocket frames: the same 64 KiB message passes the tunnel");
        var attempt = client.upgrade(ws.tag());
        Web.check(attempt.status(), 101, "upgrade");
        try (var s = attempt.session()) {
            s.echo("4" + "y".repeat(LARGE), Duration.ofSeconds(10));
            s.closeNormally(Duration.ofSeconds(10));
        }
    }
}
