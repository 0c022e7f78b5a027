package dev.wslogs.lab.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The fake SSH daemon on a real loopback socket. nginx can read its banner before writing the
 * request (the read event of a just-connected upstream runs first), take it for an HTTP/0.9
 * response and never send the request: the daemon must then close by itself, as sshd does after
 * {@code LoginGraceTime}, or nginx holds the response until the client gives up (a 499 in CI).
 */
class BrokenBackendTest {
    private static final String BANNER = "SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n";

    /** What the daemon sends until it closes, after {@code request} (nothing when empty), and how long that took. */
    private record Exchange(String received, long millis) {}

    private static Exchange exchange(String request) throws Exception {
        try (var ssh = new BrokenBackend(BrokenBackend.Mode.SSH_SERVICE);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), ssh.port())) {
            s.setSoTimeout(10 * BrokenBackend.SSH_GRACE_MS);
            long start = System.nanoTime();
            if (!request.isEmpty()) {
                s.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
                s.getOutputStream().flush();
            }
            String received = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return new Exchange(received, (System.nanoTime() - start) / 1_000_000);
        }
    }

    @Test
    void sshService_withoutARequest_closesAfterItsGraceTime() throws Exception {
        Exchange x = exchange("");
        assertThat(x.received()).isEqualTo(BANNER);
        assertThat(x.millis()).isBetween(BrokenBackend.SSH_GRACE_MS - 100L, 5L * BrokenBackend.SSH_GRACE_MS);
    }

    @Test
    void sshService_givenAnHttpRequest_complainsAndCloses() throws Exception {
        Exchange x = exchange("GET /terminal/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n");
        assertThat(x.received()).isEqualTo(BANNER + "Invalid SSH identification string.\r\n");
    }
}
