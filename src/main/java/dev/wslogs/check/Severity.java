package dev.wslogs.check;

import java.util.Locale;

/** How bad a finding is; the names are SARIF's {@code level} values. */
public enum Severity {
    /** The traffic cannot work as configured. */
    ERROR,
    /** It works until a common condition (idle time, a second back end, a plain request) is met. */
    WARNING,
    /** Worth a look; depends on the application. */
    NOTE;

    public String sarifLevel() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this is at least as severe as {@code other}. */
    public boolean atLeast(Severity other) {
        return ordinal() <= other.ordinal();
    }
}
