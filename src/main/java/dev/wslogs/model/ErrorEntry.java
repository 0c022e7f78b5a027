package dev.wslogs.model;

import java.time.LocalDateTime;
import java.util.Objects;

/**
 * One error.log message (possibly spanning several physical lines), split into nginx's layout
 * (nginx-messages.md §1):
 * {@code TIME [level] PID#TID: *CID message[ (errno: text)][ while action][, client: …]…}.
 *
 * <p>The time is the server's local time with no offset, as nginx writes it; the pipeline resolves
 * it to an instant with the zone it learns from the access log or is given.
 *
 * @param position      first physical line of the message
 * @param physicalLines how many physical lines the message spans (≥ 1)
 * @param connection    {@code *CID}, or {@link #NO_CONNECTION}
 * @param message       the message text without errno, action and trailer
 * @param errno         OS error number, or {@link #NO_ERRNO}
 * @param errnoText     strerror text, or {@code ""}
 * @param action        text after {@code " while "}, or {@code ""}
 * @param raw           the whole message as read (continuation lines joined with {@code \n})
 */
public record ErrorEntry(
        LinePosition position,
        int physicalLines,
        LocalDateTime time,
        ErrorLevel level,
        long pid,
        long tid,
        long connection,
        String message,
        int errno,
        String errnoText,
        String action,
        String client,
        String server,
        String request,
        String subrequest,
        String upstream,
        String host,
        String referrer,
        String raw) {

    public static final long NO_CONNECTION = -1;
    public static final int NO_ERRNO = -1;

    public ErrorEntry {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(errnoText, "errnoText");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(subrequest, "subrequest");
        Objects.requireNonNull(upstream, "upstream");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(referrer, "referrer");
        Objects.requireNonNull(raw, "raw");
        if (physicalLines < 1) throw new IllegalArgumentException("physicalLines < 1");
    }

    public boolean hasConnection() {
        return connection != NO_CONNECTION;
    }
}
