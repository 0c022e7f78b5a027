package dev.wslogs.nginxconf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One {@code access_log} directive of the http context.
 *
 * @param path       as written ({@code off} for {@code access_log off;}, {@code syslog:...}, or a
 *                   path that nginx resolves against its prefix, not the conf dir, when relative)
 * @param formatName the format named, {@code combined} when none is
 * @param context    the blocks it is written in: {@code [http]}, {@code [http, server]},
 *                   {@code [http, server, location /ws]}, possibly ending in an {@code if}
 * @param params     the parameters after the format ({@code buffer=32k}, {@code if=$loggable})
 */
public record AccessLog(String path, String formatName, SourceRef where, Scope context, List<String> params) {

    public AccessLog {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(formatName, "formatName");
        Objects.requireNonNull(where, "where");
        Objects.requireNonNull(context, "context");
        params = List.copyOf(params);
    }

    static AccessLog of(Directive d, Scope context) {
        List<String> a = d.args();
        String format = a.size() >= 2 ? a.get(1) : LogFormat.COMBINED.name();
        List<String> params = a.size() > 2 ? a.subList(2, a.size()) : List.of();
        return new AccessLog(a.get(0), format, d.where(), context, params);
    }

    /** {@code access_log off;}: nothing is logged at this level (nor below, unless overridden). */
    public boolean isOff() {
        return path.equals("off");
    }

    /** The {@code if=} condition, if any: requests for which it is empty or "0" are not logged. */
    public Optional<String> condition() {
        return params.stream().filter(p -> p.startsWith("if=")).map(p -> p.substring(3)).findFirst();
    }
}
