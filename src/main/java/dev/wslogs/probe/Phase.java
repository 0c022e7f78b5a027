package dev.wslogs.probe;

import java.util.Objects;

/**
 * One timed step of a probe.
 *
 * @param name    {@code dns}, {@code tcp}, {@code tls}, {@code http}, {@code upgrade}, {@code echo} or {@code hold}
 * @param seconds how long it took (0 for checks that take no time of their own)
 * @param detail  what happened, verbatim (escape before printing)
 */
public record Phase(String name, boolean ok, double seconds, String detail) {
    public Phase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(detail, "detail");
    }

    static Phase ok(String name, long startNanos, String detail) {
        return new Phase(name, true, (System.nanoTime() - startNanos) / 1e9, detail);
    }

    static Phase failed(String name, long startNanos, String detail) {
        return new Phase(name, false, (System.nanoTime() - startNanos) / 1e9, detail);
    }
}
