package dev.wslogs.lab.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A client on a bare TCP socket, for what well-behaved clients cannot do: send arbitrary bytes,
 * read just the status line, reset the connection (RST), hang up at a chosen moment.
 */
public final class RawSocket implements AutoCloseable {
    private final Socket socket;

    private RawSocket(Socket socket) {
        this.socket = socket;
    }

    public static RawSocket connect(int port) {
        return connect(port, 0);
    }

    /** @param receiveBuffer SO_RCVBUF before connect (a slow, small-window client), 0 = default */
    public static RawSocket connect(int port, int receiveBuffer) {
        try {
            Socket s = new Socket();
            if (receiveBuffer > 0) s.setReceiveBufferSize(receiveBuffer);
            s.setSoTimeout(30_000);
            s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 5_000);
            return new RawSocket(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A WebSocket handshake request with the headers a browser sends. */
    public static String upgradeRequest(String target, int port) {
        return "GET " + target + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUser-Agent: wslogs-lab (raw socket)\r\n"
                + "Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                + "Sec-WebSocket-Version: 13\r\n\r\n";
    }

    public RawSocket send(String text) {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    public RawSocket send(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends, ignoring a peer that already stopped reading (nginx answering 413 early). */
    public RawSocket sendIgnoringReset(byte[] bytes) {
        try {
            socket.getOutputStream().write(bytes);
            socket.getOutputStream().flush();
        } catch (IOException e) {
            // the server answered and closed its read side: expected for rejected bodies
        }
        return this;
    }

    /** Reads the response head and returns its status code. */
    public int readStatus(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            int b;
            while ((b = in.read()) != -1 && b != '\n') line.write(b);
            String status = line.toString(StandardCharsets.ISO_8859_1);
            String[] parts = status.split(" ");
            if (parts.length < 2) throw new AssertionError("no HTTP status line, got: " + status);
            byte[] prev = new byte[4];
            int n = 0;
            while ((b = in.read()) != -1) {
                prev[n++ % 4] = (byte) b;
                if (n >= 3 && b == '\n' && prev[(n - 2) % 4] == '\r' && prev[(n - 3) % 4] == '\n') break;
            }
            return Integer.parseInt(parts[1]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads everything until the server closes; returns the byte count. */
    public long drain(Duration timeout) {
        try {
            socket.setSoTimeout((int) timeout.toMillis());
            return socket.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Hangs up with a TCP RST (SO_LINGER 0 then close): a crashed browser tab, a NAT drop. */
    public void reset() {
        try {
            socket.setSoLinger(true, 0);
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
