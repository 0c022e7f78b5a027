package dev.wslogs.pipeline;

import dev.wslogs.nginxconf.AccessLog;
import dev.wslogs.nginxconf.LogEscape;
import dev.wslogs.nginxconf.LogFormat;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.Escape;
import dev.wslogs.parse.JsonAccessFormat;
import dev.wslogs.parse.LogFormatTemplate;
import dev.wslogs.parse.TextAccessFormat;
import dev.wslogs.source.RotationOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Chooses access-log formats from an nginx.conf (or {@code nginx -T} dump): an input whose name
 * matches an {@code access_log} path (also after rotation: {@code access.log.2.gz} belongs to
 * {@code access.log}) gets that directive's format; other inputs are detected, trying every
 * {@code log_format} of the config first.
 */
public final class ConfFormats implements InputPlanner.FormatChooser {
    private final Map<String, LogFormat> byPath = new LinkedHashMap<>();
    private final Map<String, LogFormat> byBaseName = new LinkedHashMap<>();
    private final List<AccessFormat> candidates = new ArrayList<>();
    private final String source;

    public ConfFormats(NginxConfig conf) {
        this.source = conf.source();
        for (AccessLog a : conf.accessLogs()) {
            if (a.isOff()) continue;
            Optional<LogFormat> f = conf.logFormat(a.formatName());
            if (f.isEmpty()) continue;
            byPath.putIfAbsent(a.path(), f.get());
            byBaseName.putIfAbsent(baseName(a.path()), f.get());
        }
        for (LogFormat f : conf.logFormats()) candidates.add(compile(f));
    }

    static AccessFormat compile(LogFormat f) {
        if (f.escape() == LogEscape.JSON) return JsonAccessFormat.fromTemplate(f.name(), f.template());
        return new TextAccessFormat(f.name(), LogFormatTemplate.compile(f.template()),
                f.escape() == LogEscape.NONE ? Escape.NONE : Escape.DEFAULT, false);
    }

    /** The format of the access_log writing this file, if the config has one. */
    public Optional<AccessFormat> formatFor(String file) {
        return choose(file).map(Map.Entry::getKey);
    }

    @Override
    public Optional<Map.Entry<AccessFormat, String>> choose(String inputName) {
        String series = RotationOrder.seriesKey(inputName);
        LogFormat f = byPath.get(series);
        if (f == null) f = byBaseName.get(baseName(series));
        if (f == null) return Optional.empty();
        return Optional.of(Map.entry(compile(f), "log_format " + f.name() + " (defined at " + f.where() + ", used by the matching access_log of " + source + ")"));
    }

    @Override
    public List<AccessFormat> candidates() {
        return candidates;
    }

    private static String baseName(String path) {
        Path p = Path.of(path).getFileName();
        return p == null ? path : p.toString();
    }
}
