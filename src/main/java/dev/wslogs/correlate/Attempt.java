package dev.wslogs.correlate;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An access line with the error.log lines of the same connection, or error lines alone.
 *
 * @param why human reason this counts as WebSocket traffic (empty for OTHER / ERROR_ONLY)
 */
public record Attempt(Optional<AccessEntry> access, AttemptKind kind, List<ErrorEntry> errors, String why) {
    public Attempt {
        Objects.requireNonNull(access);
        Objects.requireNonNull(kind);
        errors = List.copyOf(errors);
        Objects.requireNonNull(why);
        if (access.isEmpty() != (kind == AttemptKind.ERROR_ONLY)) {
            throw new IllegalArgumentException("ERROR_ONLY attempts, and only they, have no access line");
        }
    }

    public boolean upgraded() {
        return access.isPresent() && access.get().status() == 101; // asked several times per attempt: no lambda
    }
}
