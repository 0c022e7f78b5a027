package dev.wslogs.lab.scenario;

import dev.wslogs.lab.Level;
import dev.wslogs.lab.Scenario;
import dev.wslogs.lab.ScenarioContext;
import dev.wslogs.lab.backend.TlsMaterial;
import dev.wslogs.lab.backend.WsBackend;
import dev.wslogs.lab.client.TlsClients;
import dev.wslogs.lab.client.WsSession;
import java.net.URI;
import java.time.Duration;

/**
 * {@code tls}: nginx terminates wss:// with a self-signed certificate and re-encrypts to a wss back
 * end whose self-signed certificate is not signed by the CA given in
 * {@code proxy_ssl_trusted_certificate} ({@code proxy_ssl_verify on}) → 502 and
 * {@code upstream SSL certificate verify error}. With verification off (the guide's advice) the
 * same back end works. On the client leg, handshakes that fail (a client that does not trust the
 * certificate, a client that hangs up mid-handshake) leave error.log lines and no access line.
 */
public final class TlsScenario implements Scenario {
    private static final Duration WAIT = Duration.ofSeconds(10);

    @Override
    public String name() {
        return "tls";
    }

    @Override
    public void run(ScenarioContext ctx) {
        TlsMaterial tls = TlsMaterial.generate(ctx.dir().resolve("tls"));
        WsBackend upstream = ctx.use(WsBackend.tls(tls.serverContext()));
        var nginx = ctx.nginx(ports -> """
                server {
                    listen 127.0.0.1:%1$d ssl;
                    server_name localhost;
                    ssl_certificate tls/server.crt;
                    ssl_certificate_key tls/server.key;

                    location /ws {
                        proxy_pass https://127.0.0.1:%2$d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                        proxy_ssl_verify on;
                        proxy_ssl_trusted_certificate tls/internal-ca.crt;
                    }

                    location /legacy/ws {
                        proxy_pass https://127.0.0.1:%2$d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection "upgrade";
                        proxy_ssl_verify off;
                    }
                }
                """.formatted(ports.main(), upstream.port()));
        String base = "wss://127.0.0.1:" + nginx.port();

        var verify = ctx.action("upstream-self-signed-verify-on", "tls").status(502)
                .error("upstream SSL certificate verify error: (18:self-signed certificate) while SSL handshaking to upstream", Level.ERROR);
        Web.check(WsSession.attempt(URI.create(base + "/ws/chat" + verify.query()), tls.trustingClientContext()).status(), 502, "verify");

        var noVerify = ctx.action("upstream-verify-off", "ok").status(101);
        try (WsSession s = WsSession.open(URI.create(base + "/legacy/ws/chat" + noVerify.query()), tls.trustingClientContext())) {
            s.echo("hello over tls", WAIT);
            s.closeNormally(WAIT);
        }

        ctx.action("client-rejects-self-signed-cert", "tls").noAccessLine()
                .error("SSL_do_handshake() failed (SSL: error:0A000416:SSL routines::sslv3 alert certificate unknown:SSL alert number 46) while SSL handshaking", Level.INFO);
        if (!TlsClients.rejectSelfSigned(nginx.port())) throw new AssertionError("default trust store accepted the lab certificate");
        ctx.awaitErrorLines("alert certificate unknown", 1, WAIT);

        ctx.action("client-hangs-up-mid-handshake", "tls").noAccessLine()
                .error("peer closed connection in SSL handshake while SSL handshaking", Level.INFO);
        TlsClients.abandonMidHandshake(nginx.port());
        ctx.awaitErrorLines("in SSL handshake", 1, WAIT);
    }
}
