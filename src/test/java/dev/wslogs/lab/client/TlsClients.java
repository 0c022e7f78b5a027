package dev.wslogs.lab.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

/** TLS clients that fail the handshake in the ways real ones do. */
public final class TlsClients {
    private TlsClients() {}

    /** A real TLS ClientHello record, as the JDK would send it to 127.0.0.1. */
    public static byte[] clientHello() {
        try {
            SSLEngine engine = SSLContext.getDefault().createSSLEngine("127.0.0.1", 443);
            engine.setUseClientMode(true);
            engine.beginHandshake();
            ByteBuffer out = ByteBuffer.allocate(engine.getSession().getPacketBufferSize());
            engine.wrap(ByteBuffer.allocate(0), out);
            out.flip();
            byte[] hello = new byte[out.remaining()];
            out.get(hello);
            return hello;
        } catch (SSLException e) {
            throw new IllegalStateException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A client with the default trust store meets nginx's self-signed certificate, rejects it and
     * aborts the handshake with an alert (what a browser or curl without -k does).
     *
     * @return whether the handshake failed as intended
     */
    public static boolean rejectSelfSigned(int port) {
        try (SSLSocket s = (SSLSocket) SSLSocketFactory.getDefault().createSocket(InetAddress.getLoopbackAddress(), port)) {
            s.setSoTimeout(10_000);
            s.startHandshake();
            return false;
        } catch (javax.net.ssl.SSLHandshakeException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sends the first half of a ClientHello, then hangs up (a scanner, a client that gave up). */
    public static void abandonMidHandshake(int port) {
        byte[] hello = clientHello();
        try (RawSocket s = RawSocket.connect(port)) {
            s.send(Arrays.copyOf(hello, hello.length / 2));
        }
    }
}
