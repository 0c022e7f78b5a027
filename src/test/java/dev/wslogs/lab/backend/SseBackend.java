package dev.wslogs.lab.backend;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A server-sent-events endpoint that pushes {@code events} events as fast as it can, then ends the
 * stream: the burst a notification service sends on reconnect.
 */
public final class SseBackend extends RawServer {
    private final int events;

    public SseBackend(int events) {
        super("sse");
        this.events = events;
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        if (HttpHead.read(socket.getInputStream()).isEmpty()) return;
        OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 8192);
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 1; i <= events; i++) {
            out.write(("id: " + i + "\nevent: tick\ndata: {\"seq\":" + i + ",\"payload\":\"" + "x".repeat(200) + "\"}\n\n")
                    .getBytes(StandardCharsets.US_ASCII));
        }
        out.flush();
        socket.shutdownOutput();
        socket.getInputStream().transferTo(OutputStream.nullOutputStream());
    }
}
