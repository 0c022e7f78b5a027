package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.TlsMaterial;
import dev.wslogs.lab.backend.WsBackend;
import dev.wslogs.lab.client.RawSocket;
import dev.wslogs.lab.client.TlsClients;
import dev.wslogs.lab.client.WsSession;
import java.net.URI;
import java.time.Duration;

/**
 * {@code wrong-protocol}: ws vs wss mix-ups against a site that forces https. An upgrade sent to the
 * http port meets the blanket {@code return 301 https://…} (WebSocket clients do not follow it);
 * plain HTTP sent to the TLS port is answered 400 with
 * {@code client sent plain HTTP request to HTTPS port} at [info]; a TLS ClientHello sent to the
 * plain port is a binary request line and a 400.
 */
public final class WrongProtocolScenario implements Scenario {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "wrong-protocol";
    }

    @Override
    public void run(ScenarioContext ctx) {
        TlsMaterial tls = TlsMaterial.generate(ctx.dir().resolve("tls"));
        WsBackend ws = ctx.use(WsBackend.plain());
        var nginx = ctx.nginx(2, ports -> """
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }

                server {
                    listen 127.0.0.1:%d;
                    server_name localhost;
                    return 301 https://$host$request_uri;
                }

                server {
                    listen 127.0.0.1:%d ssl;
                    server_name localhost;
                    ssl_certificate tls/server.crt;
                    ssl_certificate_key tls/server.key;

                    location /ws {
                        proxy_pass http://127.0.0.1:%d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                        proxy_read_timeout 3600s;
                    }
                }
                """.formatted(ports.get(0), ports.get(1), ws.port()));
        int http = nginx.ports().get(0);
        int https = nginx.ports().get(1);

        var redirected = ctx.action("ws-upgrade-to-http-port-redirected", "wrong-protocol").status(301);
        Web.check(WsSession.attempt(URI.create("ws://127.0.0.1:" + http + "/ws/chat" + redirected.query()), null).status(),
                301, "redirect");

        var good = ctx.action("wss-session", "ok").status(101);
        try (WsSession s = WsSession.open(URI.create("wss://127.0.0.1:" + https + "/ws/chat" + good.query()), tls.trustingClientContext())) {
            s.echo("hello", WAIT);
            s.closeNormally(WAIT);
        }

        var plain = ctx.action("plain-http-to-tls-port", "wrong-protocol").status(400)
                .error("client sent plain HTTP request to HTTPS port while reading client request headers", Level.INFO);
        try (RawSocket raw = RawSocket.connect(https)) {
            raw.send(RawSocket.upgradeRequest("/ws/chat" + plain.query(), https));
            Web.check(raw.readStatus(WAIT), 400, "plain to tls");
        }

        var hello = ctx.action("tls-client-hello-to-http-port", "wrong-protocol").untagged().status(400)
                .error("client sent invalid method while reading client request line", Level.INFO);
        try (RawSocket raw = RawSocket.connect(http)) {
            raw.send(TlsClients.clientHello());
            Web.check(raw.readStatus(WAIT), 400, "hello to plain");
        }
        hello.note("the request line is the binary ClientHello; it is this run's only request without a lab= tag");
    }
}
