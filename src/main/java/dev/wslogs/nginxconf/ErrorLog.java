package dev.wslogs.nginxconf;

import dev.wslogs.model.ErrorLevel;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One {@code error_log} directive, in any context. Messages are written at {@code level} and every
 * more severe level; {@code [info]} lines (client resets, WebSocket idle timeouts) exist only when
 * the level is {@code info} or {@code debug}.
 *
 * @param level the level written, {@code error} when none is; {@code debug_http} and its kin count
 *              as {@code debug}
 */
public record ErrorLog(String path, ErrorLevel level, SourceRef where, Scope context) {

    public ErrorLog {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(context, "context");
    }

    static ErrorLog of(Directive d, Scope context) throws NginxConfException {
        List<String> a = d.args();
        ErrorLevel level = ErrorLevel.ERROR;
        for (int i = 1; i < a.size(); i++) {
            String word = a.get(i).toLowerCase(Locale.ROOT);
            if (word.startsWith("debug_")) {
                level = ErrorLevel.DEBUG;
                continue;
            }
            ErrorLevel l = ErrorLevel.fromLabel(word);
            if (l == null) {
                throw new NginxConfException(d.where(), a.get(i), "invalid log level \"" + a.get(i) + "\"");
            }
            level = l;
        }
        return new ErrorLog(a.get(0), level, d.where(), context);
    }

    /** Whether messages of {@code messageLevel} reach this log. */
    public boolean records(ErrorLevel messageLevel) {
        return messageLevel.ordinal() <= level.ordinal();
    }
}
