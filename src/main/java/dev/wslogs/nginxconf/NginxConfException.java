package dev.wslogs.nginxconf;

import java.util.Objects;

/**
 * The configuration cannot be read the way nginx would read it. The message always starts with
 * {@code file:line:column:} and quotes the offending token, e.g.
 * {@code /etc/nginx/conf.d/ws.conf:12:5: unexpected "}"}.
 */
public final class NginxConfException extends Exception {

    private final SourceRef where;
    private final String token;
    private final String problem;

    public NginxConfException(SourceRef where, String token, String problem) {
        super(where.file() + ":" + where.line() + ":" + where.column() + ": " + problem);
        this.where = Objects.requireNonNull(where, "where");
        this.token = Objects.requireNonNull(token, "token");
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    public SourceRef where() {
        return where;
    }

    public String file() {
        return where.file();
    }

    public int line() {
        return where.line();
    }

    public int column() {
        return where.column();
    }

    /** The token the problem was found at (the directive name for directive-level problems). */
    public String token() {
        return token;
    }

    /** The message without the position prefix. */
    public String problem() {
        return problem;
    }
}
