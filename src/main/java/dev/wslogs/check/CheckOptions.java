package dev.wslogs.check;

import java.util.List;

/**
 * What the checks compare against.
 *
 * @param expectedIdleMillis the longest time a WebSocket may stay silent in normal use; a
 *                           {@code proxy_read_timeout} at or below it cuts such sockets
 * @param wsPaths            request paths known to carry WebSocket traffic (e.g. seen upgrading
 *                           in the logs); the locations that serve them are checked
 * @param minBodyBytes       the smallest {@code client_max_body_size} a long-polling transport
 *                           needs (socket.io's {@code maxHttpBufferSize} default is 1e6 bytes)
 */
public record CheckOptions(long expectedIdleMillis, List<String> wsPaths, long minBodyBytes) {

    public static final CheckOptions DEFAULTS = new CheckOptions(60_000, List.of(), 1_000_000);

    public CheckOptions {
        if (expectedIdleMillis < 0) throw new IllegalArgumentException("expected idle time must be >= 0");
        if (minBodyBytes < 0) throw new IllegalArgumentException("minimum body size must be >= 0");
        wsPaths = List.copyOf(wsPaths);
    }

    public CheckOptions withWsPaths(List<String> paths) {
        return new CheckOptions(expectedIdleMillis, paths, minBodyBytes);
    }
}
