package dev.wslogs.lab.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.channels.SocketChannel;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.WebSocketImpl;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * A real WebSocket server (Java-WebSocket) whose behaviour the client steers by path and message:
 * paths containing {@code silent} never send anything; elsewhere text is echoed. The message
 * {@code bye} makes the server close (1000); {@code reset} makes it reset the TCP connection
 * ({@code SO_LINGER 0} then close) in the middle of the session. Java-WebSocket's automatic pings
 * are off, so a silent session really is idle for nginx's read timer.
 */
public final class WsBackend implements AutoCloseable {
    public static final String BYE = "bye";
    public static final String RESET = "reset";

    private final Server server;

    private WsBackend(SSLContext tls) {
        server = new Server();
        if (tls != null) server.setWebSocketFactory(new DefaultSSLWebSocketServerFactory(tls));
        server.start();
        try {
            if (!server.started.await(10, TimeUnit.SECONDS)) throw new IllegalStateException("WebSocket server did not start");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static WsBackend plain() {
        return new WsBackend(null);
    }

    /** wss:// back end with the given server certificate. */
    public static WsBackend tls(SSLContext context) {
        return new WsBackend(context);
    }

    public int port() {
        return server.getPort();
    }

    /** How many handshakes the server has accepted so far. */
    public int opened() {
        return server.opened.get();
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static final class Server extends WebSocketServer {
        final CountDownLatch started = new CountDownLatch(1);
        final AtomicInteger opened = new AtomicInteger();

        Server() {
            super(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            setConnectionLostTimeout(0);
            setReuseAddr(true);
            setDaemon(true);
        }

        @Override
        public void onStart() {
            started.countDown();
        }

        @Override
        public void onOpen(WebSocket conn, ClientHandshake handshake) {
            opened.incrementAndGet();
        }

        @Override
        public void onMessage(WebSocket conn, String message) {
            if (message.equals(RESET)) {
                resetConnection(conn);
            } else if (message.equals(BYE)) {
                conn.close(1000, "bye");
            } else if (!conn.getResourceDescriptor().contains("silent")) {
                conn.send(message);
            }
        }

        private static void resetConnection(WebSocket conn) {
            SocketChannel channel = (SocketChannel) ((WebSocketImpl) conn).getSelectionKey().channel();
            try {
                channel.setOption(StandardSocketOptions.SO_LINGER, 0);
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void onClose(WebSocket conn, int code, String reason, boolean remote) {
            // nothing to keep: nginx's logs are the record
        }

        @Override
        public void onError(WebSocket conn, Exception ex) {
            // resets and aborted handshakes are what the lab provokes
        }
    }
}
