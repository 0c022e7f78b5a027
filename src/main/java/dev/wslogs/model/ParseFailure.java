package dev.wslogs.model;

import java.util.Objects;

/**
 * A line that matched no known layout. It is a value, counted and sampled for the report with
 * file:line — never an exception that stops a run.
 *
 * @param kind   which parser rejected it
 * @param reason short human text, e.g. {@code "expected '\"' at column 31"}
 * @param sample the line (already decoded; callers escape it for display)
 */
public record ParseFailure(LinePosition position, LogKind kind, String reason, String sample) {
    public ParseFailure {
        Objects.requireNonNull(position, "position");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(sample, "sample");
    }
}
