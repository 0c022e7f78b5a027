package dev.wslogs.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out loopback ports for nginx's {@code listen} directives. The kernel picks a free port; the
 * set remembers what this JVM already handed out so concurrent scenarios never get the same one
 * (another process may still grab it: {@link NginxInstance} retries on "Address already in use").
 */
public final class FreePorts {
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {}

    public static synchronized int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                int port = s.getLocalPort();
                if (HANDED_OUT.add(port)) return port;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no free loopback port after 100 attempts");
    }
}
