package dev.wslogs.lab.backend;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Services that are not (or stop being) HTTP servers, each the way it really behaves on the wire. */
public final class BrokenBackend extends RawServer {
    public enum Mode {
        /**
         * An SSH daemon: sends its banner on connect, complains about the HTTP request, closes. Like
         * sshd's {@code LoginGraceTime} (120 s, here {@link #SSH_GRACE_MS}), it also closes when no
         * request comes: nginx's upstream code may read the banner before writing the request, take
         * it for an HTTP/0.9 response and never send the request, then hold the 40 bytes (under
         * {@code postpone_output}) until the back end closes.
         */
        SSH_SERVICE,
        /** Reads the request, then closes (FIN) without a byte of response: a crashing worker. */
        CLOSE_BEFORE_HEADER,
        /** Reads the request, then resets the connection (RST) before any response. */
        RESET_BEFORE_HEADER
    }

    /** How long the fake SSH daemon waits for the request after its banner. */
    static final int SSH_GRACE_MS = 2_000;

    private final Mode mode;

    public BrokenBackend(Mode mode) {
        super(mode.name().toLowerCase(java.util.Locale.ROOT));
        this.mode = mode;
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        OutputStream out = socket.getOutputStream();
        if (mode == Mode.SSH_SERVICE) {
            out.write("SSH-2.0-OpenSSH_9.2p1 Debian-2+deb12u3\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(SSH_GRACE_MS);
        }
        if (HttpHead.read(socket.getInputStream()).isEmpty()) return;
        switch (mode) {
            case SSH_SERVICE -> {
                out.write("Invalid SSH identification string.\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            case CLOSE_BEFORE_HEADER -> socket.shutdownOutput();
            case RESET_BEFORE_HEADER -> reset(socket);
        }
    }
}
