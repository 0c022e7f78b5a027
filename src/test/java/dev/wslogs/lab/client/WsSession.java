package dev.wslogs.lab.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLContext;

/**
 * A WebSocket session through the JDK client ({@code java.net.http.WebSocket}). Every wait has a
 * deadline; the end of a session is observed as the listener's close or error event.
 */
public final class WsSession implements AutoCloseable {
    private static final Duration HANDSHAKE_TIMEOUT = Duration.ofSeconds(15);

    private final WebSocket socket;
    private final Listener listener;

    private WsSession(WebSocket socket, Listener listener) {
        this.socket = socket;
        this.listener = listener;
    }

    /** The outcome of a handshake attempt: a session, or the HTTP status the server answered. */
    public record Attempt(WsSession session, int status, Throwable failure) {
        public boolean upgraded() {
            return session != null;
        }
    }

    public static WsSession open(URI uri) {
        return open(uri, null);
    }

    public static WsSession open(URI uri, SSLContext tls) {
        Attempt a = attempt(uri, tls);
        if (!a.upgraded()) throw new AssertionError("handshake to " + uri + " failed: status " + a.status, a.failure);
        return a.session;
    }

    /** Tries the handshake; a non-101 answer is a result, not an error. */
    public static Attempt attempt(URI uri, SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(HANDSHAKE_TIMEOUT);
        if (tls != null) b.sslContext(tls);
        Listener listener = new Listener();
        try {
            WebSocket ws = b.build().newWebSocketBuilder().connectTimeout(HANDSHAKE_TIMEOUT)
                    .header("User-Agent", "wslogs-lab (java.net.http.WebSocket)")
                    .buildAsync(uri, listener).get(HANDSHAKE_TIMEOUT.toSeconds() + 5, TimeUnit.SECONDS);
            return new Attempt(new WsSession(ws, listener), 101, null);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof WebSocketHandshakeException h) return new Attempt(null, h.getResponse().statusCode(), h);
            return new Attempt(null, -1, cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Attempt(null, -1, e);
        } catch (TimeoutException e) {
            return new Attempt(null, -1, e);
        }
    }

    public void send(String text) {
        socket.sendText(text, true).join();
    }

    public String awaitMessage(Duration timeout) {
        try {
            String m = listener.messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (m == null) throw new AssertionError("no message within " + timeout);
            return m;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Sends "hello", expects it back: proves the tunnel carries frames both ways. */
    public void echo(String text, Duration timeout) {
        send(text);
        String back = awaitMessage(timeout);
        if (!back.equals(text)) {
            throw new AssertionError("echo mismatch: sent " + text.length() + " chars, got " + back.length()
                    + " starting " + back.substring(0, Math.min(40, back.length())));
        }
    }

    /** Client-initiated close (1000) and wait for the server's close frame. */
    public void closeNormally(Duration timeout) {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").join();
        awaitEnd(timeout);
    }

    /**
     * Waits for the session to end from the far side (close frame, EOF or reset).
     *
     * @return the close code, or -1 when it ended with an error (abnormal closure)
     */
    public int awaitEnd(Duration timeout) {
        Integer code = endWithin(timeout);
        if (code == null) throw new AssertionError("session did not end within " + timeout);
        return code;
    }

    /** The close code (-1: ended with an error) once the session ends within {@code timeout}, else null. */
    private Integer endWithin(Duration timeout) {
        try {
            return listener.end.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            return -1;
        } catch (TimeoutException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /**
     * {@link #awaitEnd} for a session the far side is known to have cut (a reset back end): the
     * JDK client sometimes reports no close or error for a connection nginx has closed (seen here
     * about once in twenty runs, nginx's logs complete and the socket closed), so after a quiet
     * second it sends pings until one fails — a write to a closed connection does. Only for
     * sessions expected to be dead: a ping keeps a live tunnel from idling out.
     *
     * @return the close code, or -1 when it ended with an error or a ping failed
     */
    public int awaitCut(Duration timeout) {
        Duration quiet = Duration.ofSeconds(1);
        Integer code = endWithin(quiet);
        if (code != null) return code;
        return dev.wslogs.lab.Await.until("the cut session to end", timeout.minus(quiet), () -> {
            Integer now = endWithin(Duration.ZERO);
            if (now != null) return java.util.Optional.of(now);
            return pingFails() ? java.util.Optional.of(-1) : java.util.Optional.empty();
        });
    }

    /** Whether a ping cannot be written (or is not written within a quarter of a second): the connection is gone. */
    private boolean pingFails() {
        try {
            socket.sendPing(java.nio.ByteBuffer.allocate(0)).get(250, TimeUnit.MILLISECONDS);
            return false;
        } catch (ExecutionException | TimeoutException | IllegalStateException failed) {
            return true; // IllegalStateException: the client has closed its output already
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    @Override
    public void close() {
        socket.abort();
    }

    private static final class Listener implements WebSocket.Listener {
        final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
        final CompletableFuture<Integer> end = new CompletableFuture<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                messages.add(partial.toString());
                partial.setLength(0);
            }
            ws.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
            end.complete(statusCode);
            return null;
        }

        @Override
        public void onError(WebSocket ws, Throwable error) {
            end.completeExceptionally(error);
        }
    }
}
