package dev.wslogs.lab.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * A blocking TCP server on an ephemeral loopback port, one thread per connection. Subclasses speak
 * whatever protocol they model in {@link #serve(Socket)}; {@link #close()} closes the listener and
 * every connection still open.
 */
public abstract class RawServer implements AutoCloseable {
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();

    protected RawServer(String name) {
        this(name, null);
    }

    /** @param tls when set, the listener speaks TLS with this server context */
    protected RawServer(String name, SSLContext tls) {
        try {
            listener = tls == null ? new ServerSocket(0, 64, InetAddress.getLoopbackAddress())
                    : tls.getServerSocketFactory().createServerSocket(0, 64, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        threads = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, name + "-" + listener.getLocalPort());
            t.setDaemon(true);
            return t;
        });
    }

    private final AtomicBoolean accepting = new AtomicBoolean();

    /**
     * The port, and the accept loop started on the first call: not in the constructor, where
     * {@link #serve} could run before the subclass's fields are set (a connection can only come to
     * a port someone asked for; until then the kernel queues it in the listener's backlog).
     */
    public int port() {
        if (accepting.compareAndSet(false, true)) threads.execute(this::acceptLoop);
        return listener.getLocalPort();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket s;
            try {
                s = listener.accept();
            } catch (IOException e) {
                return;
            }
            open.add(s);
            threads.execute(() -> {
                try (s) {
                    serve(s);
                } catch (IOException e) {
                    // the peer (nginx) went away: normal for every failure the lab provokes
                } finally {
                    open.remove(s);
                }
            });
        }
    }

    /** Handles one connection; the socket is closed afterwards unless already closed or reset. */
    protected abstract void serve(Socket socket) throws IOException;

    /** Sends a TCP RST instead of a FIN: linger on with timeout 0, then close. */
    protected static void reset(Socket socket) {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (SocketException e) {
            // already gone
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket s : open) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
