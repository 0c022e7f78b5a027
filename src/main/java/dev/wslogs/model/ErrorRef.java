package dev.wslogs.model;

import java.util.Objects;

/** An error.log message cited as evidence: where it is and what it says (level included). */
public record ErrorRef(String file, long line, String level, String message) {
    public ErrorRef {
        Objects.requireNonNull(file);
        Objects.requireNonNull(level);
        Objects.requireNonNull(message);
    }

    public static ErrorRef of(ErrorEntry e) {
        return new ErrorRef(e.position().file(), e.position().line(), e.level().label(), e.raw());
    }
}
