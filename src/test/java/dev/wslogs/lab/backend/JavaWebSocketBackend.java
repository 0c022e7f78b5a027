package dev.wslogs.lab.backend;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.DefaultSSLWebSocketServerFactory;
import org.java_websocket.server.WebSocketServer;

/**
 * A WebSocket server built on a real library (Java-WebSocket 1.6.0), used where the library's own
 * handling of a malformed handshake is the point: it answers a GET without {@code Upgrade} (and an
 * HTTP/1.0 upgrade) with {@code 404 WebSocket Upgrade Failure}. Echoes text otherwise. Automatic
 * pings are off. For resets, silence and TLS the lab uses {@link WsBackend}, whose socket it owns.
 */
public final class JavaWebSocketBackend implements AutoCloseable {
    private final Server server;

    private JavaWebSocketBackend(SSLContext tls) {
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

    public static JavaWebSocketBackend plain() {
        return new JavaWebSocketBackend(null);
    }

    /** wss:// back end with the given server certificate. */
    public static JavaWebSocketBackend tls(SSLContext context) {
        return new JavaWebSocketBackend(context);
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
            conn.send(message);
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
