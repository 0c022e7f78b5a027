package dev.wslogs.nginxconf;

import java.util.Locale;
import java.util.Optional;

/** The {@code escape=} parameter of {@code log_format}: how variable values are escaped. */
public enum LogEscape {
    /** {@code "}, {@code \}, and bytes below 32 or above 126 as {@code \xXX}. */
    DEFAULT,
    /** JSON string escaping. */
    JSON,
    /** No escaping. */
    NONE;

    static Optional<LogEscape> of(String value) {
        for (LogEscape e : values()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) return Optional.of(e);
        }
        return Optional.empty();
    }
}
