package dev.wslogs.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A diagnosed WebSocket failure: one failed (or cut-short) attempt, or an error.log event that
 * never became a request. The id derives from the content of the primary log line, so a replay,
 * a restart or a different file order gives the same id.
 *
 * @param confidence   0..1
 * @param confidenceReason why the confidence is what it is
 * @param durationMillis session or request duration, or -1 when not logged
 * @param access       the access-log line, empty for error-log-only incidents
 * @param alternatives other causes that the logs cannot rule out
 */
public record Incident(
        String id,
        String cause,
        double confidence,
        String confidenceReason,
        OffsetDateTime time,
        String client,
        String server,
        String request,
        String path,
        int status,
        long durationMillis,
        String upstreamAddr,
        String upstreamStatus,
        Optional<LinePosition> access,
        List<ErrorRef> errors,
        List<String> evidence,
        String fix,
        List<String> alternatives) {

    public Incident {
        Objects.requireNonNull(id);
        Objects.requireNonNull(cause);
        Objects.requireNonNull(time);
        Objects.requireNonNull(client);
        Objects.requireNonNull(server);
        Objects.requireNonNull(request);
        Objects.requireNonNull(path);
        Objects.requireNonNull(upstreamAddr);
        Objects.requireNonNull(upstreamStatus);
        Objects.requireNonNull(access);
        errors = List.copyOf(errors);
        evidence = List.copyOf(evidence);
        Objects.requireNonNull(fix);
        alternatives = List.copyOf(alternatives);
        if (confidence < 0 || confidence > 1) throw new IllegalArgumentException("confidence out of [0,1]: " + confidence);
    }
}
