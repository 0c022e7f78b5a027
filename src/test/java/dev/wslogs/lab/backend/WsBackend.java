package dev.wslogs.lab.backend;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket server on raw sockets (RFC 6455 handshake and framing), steered by the client: paths
 * containing {@code silent} never send a byte after the 101; elsewhere text is echoed. The message
 * {@code bye} makes the server close (1000 close frame, then FIN); {@code reset} makes it reset the
 * TCP connection mid-session ({@code SO_LINGER 0}, close: a real RST). Optionally over TLS (wss)
 * with the lab's self-signed certificate. A request without a WebSocket upgrade gets
 * {@code 426 Upgrade Required}, as Node's {@code ws} server answers.
 */
public final class WsBackend extends RawServer {
    public static final String BYE = "bye";
    public static final String RESET = "reset";
    private final AtomicInteger opened = new AtomicInteger();

    private WsBackend(SSLContext tls) {
        super("ws", tls);
    }

    public static WsBackend plain() {
        return new WsBackend(null);
    }

    public static WsBackend tls(SSLContext context) {
        return new WsBackend(context);
    }

    /** Handshakes completed so far. */
    public int opened() {
        return opened.get();
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        var maybe = HttpHead.read(socket.getInputStream());
        if (maybe.isEmpty()) return;
        HttpHead head = maybe.get();
        OutputStream out = socket.getOutputStream();
        if (!head.isWebSocketUpgrade()) {
            out.write(("HTTP/1.1 426 Upgrade Required\r\nContent-Type: text/plain\r\nContent-Length: 16\r\n"
                    + "Connection: close\r\n\r\nUpgrade Required").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return;
        }
        out.write(WsFrames.switchingProtocols(head).getBytes(StandardCharsets.US_ASCII));
        out.flush();
        opened.incrementAndGet();
        boolean silent = head.path().contains("silent");
        while (true) {
            WsFrames.Frame f = WsFrames.readMessage(socket.getInputStream());
            switch (f.opcode()) {
                case WsFrames.CLOSE -> {
                    WsFrames.write(out, WsFrames.CLOSE, f.payload());
                    return;
                }
                case WsFrames.PING -> WsFrames.write(out, WsFrames.PONG, f.payload());
                case WsFrames.TEXT -> {
                    if (f.text().equals(RESET)) {
                        reset(socket);
                        return;
                    }
                    if (f.text().equals(BYE)) {
                        WsFrames.write(out, WsFrames.CLOSE, new byte[] {0x03, (byte) 0xE8});
                        socket.shutdownOutput();
                        WsFrames.readMessage(socket.getInputStream());
                        return;
                    }
                    if (!silent) WsFrames.writeText(out, f.text());
                }
                default -> { }
            }
        }
    }
}
