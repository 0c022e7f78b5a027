package dev.wslogs.probe;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * How an upgraded connection ended while it was held idle (or that it did not).
 *
 * @param how     see {@link How}
 * @param seconds time from the end of the handshake (or echo) to the end
 * @param code    the close frame's status code, when the server sent one with a code
 * @param reason  the close frame's reason text (verbatim), or an I/O error's message
 */
public record CloseInfo(How how, double seconds, OptionalInt code, String reason) {
    public enum How {
        /** Still open when the hold ended; the probe then closed it normally. */
        STAYED_OPEN,
        /** The server sent a close frame. */
        CLOSE_FRAME,
        /** The TCP connection ended (FIN) without a close frame: what nginx does at proxy_read_timeout. */
        EOF,
        /** The TCP connection was reset (RST). */
        RESET,
        /** Another I/O error. */
        ERROR
    }

    public CloseInfo {
        Objects.requireNonNull(how, "how");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(reason, "reason");
    }
}
