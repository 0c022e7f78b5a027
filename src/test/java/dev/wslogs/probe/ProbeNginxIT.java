package dev.wslogs.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.lab.NginxInstance;
import dev.wslogs.lab.backend.DeadPort;
import dev.wslogs.lab.backend.JavaWebSocketBackend;
import dev.wslogs.lab.backend.PlainHttpBackend;
import dev.wslogs.lab.backend.TlsMaterial;
import dev.wslogs.lab.backend.WsBackend;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The probe against a real nginx (the lab's, on loopback) with real back ends, one location per
 * cause a handshake can see: the verdict must name that cause, and the comparison with
 * {@code --backend} must settle what the front alone cannot.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProbeNginxIT {
    private WsBackend ws;
    private WsBackend wss;
    private JavaWebSocketBackend strict;
    private PlainHttpBackend plain;
    private TlsMaterial tls;
    private NginxInstance nginx;
    private final Prober prober = new Prober();

    @BeforeAll
    void start(@TempDir Path dir) {
        tls = TlsMaterial.generate(dir.resolve("tls"));
        ws = WsBackend.plain();
        wss = WsBackend.tls(tls.serverContext());
        strict = JavaWebSocketBackend.plain();
        plain = new PlainHttpBackend();
        int dead = DeadPort.allocate().port();
        nginx = NginxInstance.start(dir, "probe", 3, ports -> """
                map $http_upgrade $connection_upgrade {
                    default upgrade;
                    ''      close;
                }
                server {
                    listen 127.0.0.1:%1$d;
                    server_name localhost;
                    proxy_http_version 1.1;
                    proxy_set_header Upgrade $http_upgrade;
                    proxy_set_header Connection $connection_upgrade;
                    proxy_read_timeout 1h;

                    location /ws { proxy_pass http://127.0.0.1:%4$d; }
                    location /short { proxy_pass http://127.0.0.1:%4$d; proxy_read_timeout 1s; }
                    location /down { proxy_pass http://127.0.0.1:%5$d; }
                    location /plain { proxy_pass http://127.0.0.1:%6$d; }
                    location /secure { proxy_pass https://127.0.0.1:%8$d; proxy_ssl_verify on;
                                       proxy_ssl_trusted_certificate tls/internal-ca.crt; }
                }
                server {
                    listen 127.0.0.1:%1$d;
                    server_name legacy;
                    location /noheaders { proxy_pass http://127.0.0.1:%7$d; }
                }
                server {
                    listen 127.0.0.1:%2$d;
                    server_name localhost;
                    return 301 https://$host:%3$d$request_uri;
                }
                server {
                    listen 127.0.0.1:%3$d ssl;
                    server_name localhost;
                    ssl_certificate tls/server.crt;
                    ssl_certificate_key tls/server.key;
                    location /ws {
                        proxy_pass http://127.0.0.1:%4$d;
                        proxy_http_version 1.1;
                        proxy_set_header Upgrade $http_upgrade;
                        proxy_set_header Connection $connection_upgrade;
                    }
                }
                """.formatted(ports.get(0), ports.get(1), ports.get(2), ws.port(), dead, plain.port(), strict.port(), wss.port()));
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[] {nginx, ws, wss, strict, plain}) {
            try {
                if (c != null) c.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private ProbeRequest req(int port, String scheme, String path) {
        return ProbeRequest.of(URI.create(scheme + "://127.0.0.1:" + port + path)).withTimeout(Duration.ofSeconds(5));
    }

    private ProbeRequest http(String path) {
        return req(nginx.ports().get(0), "ws", path);
    }

    @Test
    void healthyLocation_upgradesAndEchoes_exitOk() {
        ProbeReport r = ProbeReport.of(prober.probe(http("/ws/chat").withEcho("through nginx")), Optional.empty());
        assertThat(r.ok()).isTrue();
        assertThat(r.front().header("Server")).hasValueSatisfying(s -> assertThat(s).startsWith("nginx"));
        assertThat(r.verdict().cause()).isEmpty();
    }

    @Test
    void shortReadTimeout_idleHoldEndsAtTheTimeout_proxyReadTimeout() {
        ProbeResult r = prober.probe(http("/short/silent").withHold(Duration.ofSeconds(10)));
        assertThat(r.upgraded()).isTrue();
        assertThat(r.close()).hasValueSatisfying(c -> {
            assertThat(c.how()).isEqualTo(CloseInfo.How.EOF);
            assertThat(c.seconds()).isBetween(0.5, 3.0);
        });
        assertThat(ProbeDiagnosis.of(r).cause()).contains("proxy-read-timeout");
    }

    @Test
    void deadBackEnd_502_backendDown() {
        ProbeResult r = prober.probe(http("/down"));
        assertThat(r.status()).hasValue(502);
        assertThat(ProbeDiagnosis.of(r).cause()).contains("backend-down");
    }

    @Test
    void missingHeaders_backEndAnswers101NginxRefuses_missingUpgradeHeaders() {
        ProbeRequest front = http("/noheaders").withHeader("Host", "legacy");
        ProbeResult f = prober.probe(front);
        assertThat(f.upgraded()).isFalse();
        assertThat(f.status().orElse(0)).isBetween(200, 499).isNotEqualTo(101);
        ProbeResult b = prober.probe(front.withUrl(URI.create("ws://127.0.0.1:" + strict.port() + "/noheaders")));
        assertThat(b.upgraded()).isTrue();
        assertThat(BackendComparison.compare(f, b).cause()).contains("missing-upgrade-headers");
    }

    @Test
    void plainBackEnd_bothRefuse_backendNotWebsocket() {
        ProbeResult f = prober.probe(http("/plain/ws"));
        ProbeResult b = prober.probe(http("/plain/ws").withUrl(URI.create("ws://127.0.0.1:" + plain.port() + "/plain/ws")));
        assertThat(f.status()).hasValue(404);
        assertThat(ProbeDiagnosis.of(f).cause()).contains("backend-not-websocket");
        assertThat(BackendComparison.compare(f, b).cause()).contains("backend-not-websocket");
    }

    @Test
    void backEndTlsNotTrustedByNginx_502_comparisonNamesTls() {
        ProbeResult f = prober.probe(http("/secure"));
        ProbeResult b = prober.probe(req(wss.port(), "wss", "/secure").withCaFile(tls.certPem()));
        assertThat(f.status()).hasValue(502);
        assertThat(b.upgraded()).isTrue();
        assertThat(BackendComparison.compare(f, b).cause()).contains("tls");
    }

    @Test
    void redirectToHttps_wrongProtocol() {
        ProbeResult r = prober.probe(req(nginx.ports().get(1), "ws", "/ws"));
        assertThat(r.status()).hasValue(301);
        assertThat(ProbeDiagnosis.of(r).cause()).contains("wrong-protocol");
    }

    @Test
    void plainWsToTheTlsPort_400_wrongProtocol() {
        ProbeResult r = prober.probe(req(nginx.ports().get(2), "ws", "/ws"));
        assertThat(r.status()).hasValue(400);
        assertThat(ProbeDiagnosis.of(r).cause()).contains("wrong-protocol");
    }

    @Test
    void wssToThePlainPort_wrongProtocol() {
        ProbeResult r = prober.probe(req(nginx.ports().get(0), "wss", "/ws"));
        assertThat(r.failedPhase()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("tls"));
        assertThat(ProbeDiagnosis.of(r).cause()).contains("wrong-protocol");
    }

    @Test
    void wssThroughNginx_certificateReported_verifiedWithItsCa_failsWithout() {
        ProbeResult ok = prober.probe(req(nginx.ports().get(2), "wss", "/ws").withCaFile(tls.certPem()).withEcho("tls"));
        assertThat(ok.ok()).isTrue();
        assertThat(ok.tls()).hasValueSatisfying(t -> {
            assertThat(t.verified()).isTrue();
            assertThat(t.subject()).isEqualTo("CN=localhost");
            assertThat(t.notAfter()).isAfter(java.time.Instant.now());
        });
        ProbeResult untrusted = prober.probe(req(nginx.ports().get(2), "wss", "/ws"));
        assertThat(ProbeDiagnosis.of(untrusted).cause()).contains("tls");
    }
}
