package dev.wslogs.model;

import java.util.Locale;

/** nginx error.log severity, most severe first (core/ngx_log.c). */
public enum ErrorLevel {
    EMERG, ALERT, CRIT, ERROR, WARN, NOTICE, INFO, DEBUG;

    private final String label = name().toLowerCase(Locale.ROOT); // asked for every rule tested on every joined line

    /** The level as nginx prints it inside brackets, e.g. {@code error}. */
    public String label() {
        return label;
    }

    /** Parses nginx's bracket text; returns {@code null} for anything else. */
    public static ErrorLevel fromLabel(CharSequence s) {
        for (ErrorLevel l : values()) {
            if (l.label().contentEquals(s)) return l;
        }
        return null;
    }
}
