package dev.wslogs.lab.backend;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A back end that takes {@code delay} to answer (an overloaded app server): it reads the request,
 * counts it as arrived (tests wait on that, not on time), waits, then completes the WebSocket
 * handshake with a 101 (or answers 200 to a plain request).
 */
public final class SlowBackend extends RawServer {
    private final Duration delay;
    private final AtomicInteger arrived = new AtomicInteger();
    private final CountDownLatch closed = new CountDownLatch(1);

    public SlowBackend(Duration delay) {
        super("slow");
        this.delay = delay;
    }

    @Override
    protected void serve(Socket socket) throws IOException {
        var head = HttpHead.read(socket.getInputStream());
        if (head.isEmpty()) return;
        arrived.incrementAndGet();
        try {
            // the back end's slowness is the scenario, not synchronisation; close() cuts it short
            if (closed.await(delay.toMillis(), TimeUnit.MILLISECONDS)) return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        String response = head.get().isWebSocketUpgrade() ? WsFrames.switchingProtocols(head.get())
                : "HTTP/1.1 200 OK\r\nContent-Length: 3\r\nConnection: close\r\n\r\nok\n";
        socket.getOutputStream().write(response.getBytes(StandardCharsets.US_ASCII));
        socket.getOutputStream().flush();
        socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
    }

    /** Requests that reached the back end so far. */
    public int arrived() {
        return arrived.get();
    }

    @Override
    public void close() {
        closed.countDown();
        super.close();
    }
}
