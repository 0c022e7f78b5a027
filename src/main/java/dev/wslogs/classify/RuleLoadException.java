package dev.wslogs.classify;

/** A rule file that cannot be used; the message names the file and the field. */
public final class RuleLoadException extends Exception {
    public RuleLoadException(String message) {
        super(message);
    }

    public RuleLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
