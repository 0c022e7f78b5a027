package dev.wslogs.lab.backend;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.OutputStream;
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
    @Test
    void sshService_withoutARequest_closesAfterItsGraceTime() throws Exception {
        try (var ssh = new BrokenBackend(BrokenBackend.Mode.SSH_SERVICE);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), ssh.port())) {
            s.setSoTimeout(10 * BrokenBackend.SSH_GRACE_MS);
            long start = System.nanoTime();
            String received = new String(s.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(received).isEqualTo("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n");
            assertThat(ms).isBetween(BrokenBackend.SSH_GRACE_MS - 100L, 5L * BrokenBackend.SSH_GRACE_MS);
        }
    }

    @Test
    void sshService_givenAnHttpRequest_complainsAndCloses() throws Exception {
        try (var ssh = new BrokenBackend(BrokenBackend.Mode.SSH_SERVICE);
                Socket s = new Socket(InetAddress.getLoopbackAddress(), ssh.port())) {
            s.setSoTimeout(10 * BrokenBackend.SSH_GRACE_MS);
            OutputStream out = s.getOutputStream();
            out.write("GET /terminal/ws HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\nConnection: upgrade\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII))
                    .isEqualTo("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\nInvalid SSH identification string.\r\n");
        }
    }
}
