package dev.wslogs.lab;

import java.util.Locale;

/** The error.log levels the lab expects, lowest first; nginx's default {@code error_log} level is ERROR. */
public enum Level {
    INFO, NOTICE, WARN, ERROR, CRIT, ALERT, EMERG;

    /** Whether a line at this level also appears in an {@code error_log} left at the default level. */
    public boolean visibleAtDefaultLevel() {
        return compareTo(ERROR) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Level of(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
