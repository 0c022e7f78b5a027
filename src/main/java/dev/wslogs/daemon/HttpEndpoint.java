package dev.wslogs.daemon;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * {@code /metrics} (Prometheus text format), {@code /-/healthy} (200 while the poll loop runs) and
 * {@code /health} (JSON details). The JDK's HTTP server on one small thread: scrapes are rare.
 */
final class HttpEndpoint implements AutoCloseable {
    private final HttpServer server;

    HttpEndpoint(String listen, Supplier<String> metrics, Supplier<Boolean> healthy, Supplier<String> health) throws IOException {
        int colon = listen.lastIndexOf(':');
        String host = listen.substring(0, colon).replace("[", "").replace("]", "");
        int port = Integer.parseInt(listen.substring(colon + 1));
        server = HttpServer.create(new InetSocketAddress(host.isEmpty() ? "0.0.0.0" : host, port), 16);
        server.createContext("/metrics", ex -> reply(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics.get()));
        server.createContext("/-/healthy", ex -> {
            boolean ok = healthy.get();
            reply(ex, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "wslogs is healthy\n" : "wslogs is not polling\n");
        });
        server.createContext("/health", ex -> reply(ex, healthy.get() ? 200 : 503, "application/json", health.get()));
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "wslogs-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void reply(HttpExchange ex, int code, String type, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        if ("HEAD".equals(ex.getRequestMethod())) {
            ex.sendResponseHeaders(code, -1);
        } else {
            ex.sendResponseHeaders(code, b.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(b);
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
