package dev.wslogs.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Hands out loopback ports for the servers tests start on a port they name (nginx's {@code listen},
 * the daemon's metrics, Prometheus). The ports come from below the kernel's ephemeral range
 * ({@code net.ipv4.ip_local_port_range}, 32768–60999 by default), where a bind to port 0 — every
 * back end and client socket of a concurrent scenario — never lands: a port handed out cannot be
 * taken by one of them before its server binds it. (Ports the kernel picked and this class closed
 * again could: a CI run saw nginx's bind fail with "Address already in use" and a scenario's
 * handshake answered by another scenario's back end on that port.)
 *
 * <p>Each JVM starts at its own place in the range (from its pid), a port is handed out once per
 * JVM, and only when it can be bound right now; another process may still take it, which
 * {@link NginxInstance} notices and retries. When the ephemeral range leaves too little room below
 * it, the kernel's choice is used instead.
 */
public final class FreePorts {
    static final int LOWEST = 10_000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();
    private static int next = -1;
    private static final int EPHEMERAL_LOW = readEphemeralLow();

    private FreePorts() {}

    public static synchronized int next() {
        int high = EPHEMERAL_LOW - 1;
        if (high - LOWEST < 1_000) return kernelChosen();
        int span = high - LOWEST + 1;
        if (next < 0) next = LOWEST + (int) (ProcessHandle.current().pid() * 7_919 % span);
        for (int tried = 0; tried < span; tried++) {
            int port = next;
            next = next == high ? LOWEST : next + 1;
            if (!HANDED_OUT.contains(port) && bindable(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free loopback port in " + LOWEST + "-" + high);
    }

    /** The first port of the kernel's ephemeral range (32768 when it cannot be read), as read when this class loaded. */
    static int ephemeralLow() {
        return EPHEMERAL_LOW;
    }

    private static int readEphemeralLow() {
        try {
            // readAllLines, not readString: Java 17's readString reads a /proc file (size 0) as its first byte only
            String[] range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return 32_768;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int kernelChosen() {
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
