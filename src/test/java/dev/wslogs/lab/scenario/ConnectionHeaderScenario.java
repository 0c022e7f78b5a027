package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.EngineIoBackend;
import dev.wslogs.lab.client.EngineIoClient;
import java.time.Duration;

/**
 * {@code connection-header}: {@code proxy_set_header Connection "upgrade"} hard-coded on the
 * Socket.IO location, which also carries the long-polling requests. Every polling GET/POST then
 * reaches the back end with {@code Connection: upgrade} and no {@code Upgrade} header.
 *
 * <p>Back end family modelled: Node.js's HTTP parser (llhttp), under engine.io/Socket.IO. llhttp
 * treats a request as an upgrade only when it has an {@code Upgrade} header <em>and</em> the
 * {@code upgrade} Connection token ({@code llhttp__before_headers_complete}), so a lone
 * {@code Connection: upgrade} is an ordinary request and is answered normally. Result, honestly
 * reproduced: nginx logs the polling requests as 200 with no error.log line at all. There is no
 * failure signal in nginx's logs for this cause with this family; the labels say so in a note.
 */
public final class ConnectionHeaderScenario implements Scenario {
    static final String NO_SIGNAL = "no failure signal: the back end (Node.js/llhttp semantics) treats "
            + "'Connection: upgrade' without 'Upgrade' as an ordinary request; nginx logs a normal status and no error line";

    @Override
    public String name() {
        return "connection-header";
    }

    @Override
    public void run(ScenarioContext ctx) {
        EngineIoBackend app = ctx.use(new EngineIoBackend("app"));
        var nginx = ctx.nginx(ports -> """
                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;

                    location /socket.io/ {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                        proxy_set_header Host $host;
                    }
                }
                """.formatted(ports.main(), app.port()));
        EngineIoClient client = new EngineIoClient(nginx.port());
        var open = ctx.action("polling-handshake-with-connection-upgrade", "connection-header").status(200).note(NO_SIGNAL);
        Web.check(client.handshake(open.tag()), 200, "handshake");
        var post = ctx.action("polling-post-with-connection-upgrade", "connection-header").status(200).note(NO_SIGNAL);
        Web.check(client.post("40", post.tag()), 200, "post");
        var poll = ctx.action("polling-get-with-connection-upgrade", "connection-header").status(200).note(NO_SIGNAL);
        Web.check(client.poll(poll.tag()), 200, "poll");
        var upgrade = ctx.action("websocket-upgrade", "ok").status(101);
        var attempt = client.upgrade(upgrade.tag());
        Web.check(attempt.status(), 101, "upgrade");
        try (var s = attempt.session()) {
            s.echo("42[\"chat\",\"hi\"]", Duration.ofSeconds(10));
            s.closeNormally(Duration.ofSeconds(10));
        }
    }
}
