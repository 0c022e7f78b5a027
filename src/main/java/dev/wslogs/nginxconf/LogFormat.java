package dev.wslogs.nginxconf;

import java.util.List;
import java.util.Objects;

/**
 * A {@code log_format}, its string arguments joined into one template as nginx does
 * ({@code log_format main '$remote_addr ' '"$request"';} has the template
 * {@code $remote_addr "$request"}). Variables are kept verbatim, {@code ${var}} form included.
 */
public record LogFormat(String name, LogEscape escape, String template, SourceRef where) {

    /** nginx's predefined format, used by every {@code access_log} that names no format. */
    public static final LogFormat COMBINED = new LogFormat("combined", LogEscape.DEFAULT,
            "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
                    + "\"$http_referer\" \"$http_user_agent\"",
            SourceRef.BUILTIN);

    public LogFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(escape, "escape");
        Objects.requireNonNull(template, "template");
        Objects.requireNonNull(where, "where");
    }

    /** Reads {@code log_format name [escape=default|json|none] string ...;}. */
    static LogFormat of(Directive d) throws NginxConfException {
        List<String> a = d.args();
        int first = 1;
        LogEscape escape = LogEscape.DEFAULT;
        if (a.size() > 2 && a.get(1).startsWith("escape=")) {
            String value = a.get(1).substring("escape=".length());
            escape = LogEscape.of(value).orElseThrow(() -> new NginxConfException(d.where(), a.get(1),
                    "unknown log format escaping \"" + value + "\""));
            first = 2;
        }
        return new LogFormat(a.get(0), escape, String.join("", a.subList(first, a.size())), d.where());
    }

    public boolean isBuiltin() {
        return where.isBuiltin();
    }
}
