package dev.wslogs.lab;

import java.util.Objects;
import java.util.Optional;

/**
 * The harness's own record of one client action and what it is meant to make nginx write. Filled in
 * by the scenario before or while it acts; turned into a {@link Label} once the access line is
 * located by the action's tag. Every field here is intent, never read back from the logs.
 */
public final class Action {
    private final String scenario;
    private final String name;
    private final String cause;
    private final String tag;
    private boolean tagged = true;
    private boolean accessLine = true;
    private Integer status;
    private String error;
    private Level level;
    private String note;

    Action(String scenario, String name, String cause, int serial) {
        this.scenario = scenario;
        this.name = Objects.requireNonNull(name);
        this.cause = Objects.requireNonNull(cause);
        this.tag = "lab=" + scenario + "-" + serial;
    }

    /** The query parameter that marks this action's request: {@code lab=<scenario>-<n>}. */
    public String tag() {
        return tag;
    }

    /** {@code ?lab=…}, for a path without a query string. */
    public String query() {
        return "?" + tag;
    }

    /** The request cannot carry the tag (binary ClientHello); it must be the run's only untagged one. */
    public Action untagged() {
        tagged = false;
        return this;
    }

    /** nginx writes no access line (the client never completed a request, e.g. TLS handshake failure). */
    public Action noAccessLine() {
        accessLine = false;
        status = null;
        return this;
    }

    public Action status(int expected) {
        status = expected;
        return this;
    }

    /** A substring of the error.log message nginx writes for this action, at this level. */
    public Action error(String substring, Level expected) {
        error = Objects.requireNonNull(substring);
        level = Objects.requireNonNull(expected);
        return this;
    }

    public Action note(String text) {
        note = text;
        return this;
    }

    String name() {
        return name;
    }

    boolean isTagged() {
        return tagged;
    }

    boolean expectsAccessLine() {
        return accessLine;
    }

    Optional<String> error() {
        return Optional.ofNullable(error);
    }

    Label toLabel(Integer line) {
        return new Label(scenario, name, cause, tagged ? tag : null, accessLine ? line : null, status, error,
                level == null ? null : level.label(), note);
    }
}
