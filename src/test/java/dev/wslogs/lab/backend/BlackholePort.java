package dev.wslogs.lab.backend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.List;

/**
 * A loopback listener that never accepts and whose accept queue is full, so Linux drops further
 * SYNs and a connect() just hangs: the loopback way to get a real connect timeout (no packets ever
 * leave 127.0.0.1). The queue is filled with our own connections until one stops completing.
 */
public final class BlackholePort implements AutoCloseable {
    private final ServerSocket listener;
    private final List<Socket> fillers = new ArrayList<>();

    public BlackholePort() {
        try {
            listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
            fill();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fill() throws IOException {
        for (int i = 0; i < 32; i++) {
            Socket s = new Socket();
            try {
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port()), 300);
                fillers.add(s);
            } catch (SocketTimeoutException e) {
                s.close();
                return;
            }
        }
        throw new IllegalStateException("accept queue of port " + port() + " never filled up");
    }

    public int port() {
        return listener.getLocalPort();
    }

    @Override
    public void close() {
        for (Socket s : fillers) {
            try {
                s.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
    }
}
