package dev.wslogs.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.lab.backend.DeadPort;
import dev.wslogs.lab.backend.HttpHead;
import dev.wslogs.lab.backend.PlainHttpBackend;
import dev.wslogs.lab.backend.RawServer;
import dev.wslogs.lab.backend.TlsMaterial;
import dev.wslogs.lab.backend.WsBackend;
import dev.wslogs.lab.backend.WsFrames;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The prober against in-process servers on loopback: each phase and each way a socket can end. */
class ProberTest {
    private final Prober prober = new Prober();

    private static ProbeRequest req(String url) {
        return ProbeRequest.of(URI.create(url)).withTimeout(Duration.ofSeconds(5));
    }

    @Test
    void echoServer_upgradesAndEchoes() {
        try (WsBackend ws = WsBackend.plain()) {
            ProbeResult r = prober.probe(req("ws://127.0.0.1:" + ws.port() + "/chat").withEcho("hello"));
            assertThat(r.ok()).isTrue();
            assertThat(r.phases()).extracting(Phase::name).containsExactly("dns", "tcp", "http", "upgrade", "echo");
            assertThat(r.status()).hasValue(101);
            assertThat(ProbeDiagnosis.of(r).cause()).isEmpty();
        }
    }

    @Test
    void silentServer_holdStaysOpen() {
        try (WsBackend ws = WsBackend.plain()) {
            ProbeResult r = prober.probe(req("ws://127.0.0.1:" + ws.port() + "/silent").withHold(Duration.ofMillis(300)));
            assertThat(r.ok()).isTrue();
            assertThat(r.close()).hasValueSatisfying(c -> {
                assertThat(c.how()).isEqualTo(CloseInfo.How.STAYED_OPEN);
                assertThat(c.seconds()).isGreaterThanOrEqualTo(0.29);
            });
        }
    }

    @Test
    void idleCloseWithoutCloseFrame_namesProxyReadTimeout() {
        try (ClosingServer s = new ClosingServer(false)) {
            ProbeResult r = prober.probe(req("ws://127.0.0.1:" + s.port() + "/ws").withHold(Duration.ofSeconds(5)));
            assertThat(r.ok()).isFalse();
            assertThat(r.close()).hasValueSatisfying(c -> assertThat(c.how()).isEqualTo(CloseInfo.How.EOF));
            assertThat(ProbeDiagnosis.of(r).cause()).contains("proxy-read-timeout");
        }
    }

    @Test
    void resetDuringHold_namesUpstreamReset() {
        try (ClosingServer s = new ClosingServer(true)) {
            ProbeResult r = prober.probe(req("ws://127.0.0.1:" + s.port() + "/ws").withHold(Duration.ofSeconds(5)));
            assertThat(r.close()).hasValueSatisfying(c -> assertThat(c.how()).isEqualTo(CloseInfo.How.RESET));
            assertThat(ProbeDiagnosis.of(r).cause()).contains("upstream-reset");
        }
    }

    @Test
    void badAccept_isNotAnUpgrade() {
        try (BadAcceptServer s = new BadAcceptServer()) {
            ProbeResult r = prober.probe(req("ws://127.0.0.1:" + s.port() + "/ws"));
            assertThat(r.upgraded()).isFalse();
            assertThat(r.handshakeProblems()).singleElement().satisfies(p -> assertThat(p).contains("Sec-WebSocket-Accept"));
            assertThat(ProbeDiagnosis.of(r).cause()).contains("backend-not-websocket");
        }
    }

    @Test
    void plainHttpServer_refusesTheUpgrade_andTheBodyIsKept() {
        try (PlainHttpBackend http = new PlainHttpBackend()) {
            ProbeResult r = prober.probe(req("ws://127.0.0.1:" + http.port() + "/ws"));
            assertThat(r.status()).hasValue(404);
            assertThat(r.phase("upgrade")).hasValueSatisfying(p -> assertThat(p.ok()).isFalse());
            assertThat(ProbeDiagnosis.of(r).cause()).contains("backend-not-websocket");
        }
    }

    @Test
    void refusedPort_failsAtTcp() {
        ProbeResult r = prober.probe(req("ws://127.0.0.1:" + DeadPort.allocate().port() + "/ws"));
        assertThat(r.failedPhase()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("tcp"));
        assertThat(r.status()).isEmpty();
    }

    @Test
    void wssToAPlainPort_isWrongProtocol() {
        try (WsBackend ws = WsBackend.plain()) {
            ProbeResult r = prober.probe(req("wss://127.0.0.1:" + ws.port() + "/ws"));
            assertThat(r.failedPhase()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("tls"));
            assertThat(ProbeDiagnosis.of(r).cause()).contains("wrong-protocol");
        }
    }

    @Test
    void selfSignedWss_failsVerification_passesWithItsCert_continuesWithInsecure(@TempDir Path dir) {
        TlsMaterial tls = TlsMaterial.generate(dir);
        try (WsBackend ws = WsBackend.tls(tls.serverContext())) {
            String url = "wss://127.0.0.1:" + ws.port() + "/ws";
            ProbeResult untrusted = prober.probe(req(url));
            assertThat(untrusted.failedPhase()).hasValueSatisfying(p -> assertThat(p.name()).isEqualTo("tls"));
            assertThat(untrusted.tls()).hasValueSatisfying(t -> {
                assertThat(t.verified()).isFalse();
                assertThat(t.subject()).isEqualTo("CN=localhost");
            });
            assertThat(ProbeDiagnosis.of(untrusted).cause()).contains("tls");

            ProbeResult trusted = prober.probe(req(url).withCaFile(tls.certPem()).withEcho("over tls"));
            assertThat(trusted.ok()).isTrue();
            assertThat(trusted.tls()).hasValueSatisfying(t -> {
                assertThat(t.verified()).isTrue();
                assertThat(t.protocol()).startsWith("TLSv1.");
                assertThat(t.subjectAltNames()).contains("IP:127.0.0.1");
            });

            ProbeResult insecure = prober.probe(req(url).withInsecure(true));
            assertThat(insecure.upgraded()).isTrue();
            assertThat(insecure.ok()).isFalse();
            assertThat(insecure.tls()).hasValueSatisfying(t -> assertThat(t.verifyError()).isPresent());
        }
    }

    @Test
    void serverThatNeverAnswers_isBoundedByTheTimeout() {
        try (MuteServer s = new MuteServer()) {
            long t0 = System.nanoTime();
            ProbeResult r = prober.probe(ProbeRequest.of(URI.create("ws://127.0.0.1:" + s.port() + "/ws"))
                    .withTimeout(Duration.ofMillis(400)));
            assertThat((System.nanoTime() - t0) / 1e9).isLessThan(5);
            assertThat(r.failedPhase()).hasValueSatisfying(p -> assertThat(p.detail()).startsWith("no response within"));
        }
    }

    /** Upgrades, then ends the connection at once: FIN without a close frame, or RST. */
    static final class ClosingServer extends RawServer {
        private final boolean reset;

        ClosingServer(boolean reset) {
            super("closing");
            this.reset = reset;
        }

        @Override
        protected void serve(Socket socket) throws IOException {
            var head = HttpHead.read(socket.getInputStream());
            if (head.isEmpty()) return;
            socket.getOutputStream().write(WsFrames.switchingProtocols(head.get()).getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            if (reset) socket.setSoLinger(true, 0);
            socket.close();
        }
    }

    /** Answers 101 with a wrong Sec-WebSocket-Accept. */
    static final class BadAcceptServer extends RawServer {
        BadAcceptServer() {
            super("bad-accept");
        }

        @Override
        protected void serve(Socket socket) throws IOException {
            if (HttpHead.read(socket.getInputStream()).isEmpty()) return;
            socket.getOutputStream().write(("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                    + "Sec-WebSocket-Accept: AAAAAAAAAAAAAAAAAAAAAAAAAAA=\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.getInputStream().read();
        }
    }

    /** Accepts and reads, never answers. */
    static final class MuteServer extends RawServer {
        MuteServer() {
            super("mute");
        }

        @Override
        protected void serve(Socket socket) throws IOException {
            socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        }
    }
}
