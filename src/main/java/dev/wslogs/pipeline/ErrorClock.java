package dev.wslogs.pipeline;

import dev.wslogs.model.ErrorEntry;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * error.log times (local, 1 s resolution) as epoch milliseconds in the zone the log was written in.
 * Error lines come in bursts within one second, and the header parser then hands out the same
 * {@link LocalDateTime} instance: it is converted once. Not thread-safe: one per reader.
 */
final class ErrorClock {
    private final ZoneId zone;
    private LocalDateTime last;
    private long lastMillis;

    ErrorClock(ZoneId zone) {
        this.zone = zone;
    }

    long millis(ErrorEntry e) {
        if (e.time() != last) {
            last = e.time();
            lastMillis = last.atZone(zone).toInstant().toEpochMilli();
        }
        return lastMillis;
    }
}
