package dev.wslogs.check;

import dev.wslogs.nginxconf.SourceRef;
import java.util.Objects;

/**
 * One problem in the configuration.
 *
 * @param ruleId   the cause id of the diagnosis engine ({@code patterns/<id>.yml})
 * @param where    the directive to change, or the block to add it to
 * @param context  which server and location it applies to, e.g. {@code server localhost, location /ws}
 * @param message  what is wrong and what it does to the traffic
 * @param fix      the nginx snippet that fixes it, for this location
 */
public record Finding(String ruleId, Severity severity, SourceRef where, String context, String message, String fix)
        implements Comparable<Finding> {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(fix, "fix");
    }

    /** File order, then line, then severity and rule: stable output whatever the check order. */
    @Override
    public int compareTo(Finding o) {
        int c = where.compareTo(o.where);
        if (c != 0) return c;
        c = severity.compareTo(o.severity);
        return c != 0 ? c : ruleId.compareTo(o.ruleId);
    }
}
