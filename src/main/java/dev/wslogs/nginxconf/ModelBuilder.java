package dev.wslogs.nginxconf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Derives the typed views from the directive tree and checks what nginx checks at load for them:
 * duplicate {@code log_format} names, formats that {@code access_log} names but nobody defines,
 * error-log levels, location modifiers, listen ports, and that every regex compiles.
 */
final class ModelBuilder {

    final NginxRegex regex = new NginxRegex();
    final Map<String, LogFormat> logFormats = new LinkedHashMap<>();
    final List<AccessLog> accessLogs = new ArrayList<>();
    final List<ErrorLog> errorLogs = new ArrayList<>();
    final List<ServerBlock> servers = new ArrayList<>();
    final List<Upstream> upstreams = new ArrayList<>();
    final List<MapBlock> maps = new ArrayList<>();
    private final Inheritance inheritance;

    private ModelBuilder(Inheritance inheritance) {
        this.inheritance = inheritance;
        logFormats.put(LogFormat.COMBINED.name(), LogFormat.COMBINED);
    }

    static ModelBuilder build(List<Directive> root, Inheritance inheritance) throws NginxConfException {
        ModelBuilder b = new ModelBuilder(inheritance);
        for (Directive d : root) {
            b.walk(d, Scope.MAIN);
        }
        b.checkFormatsExist();
        return b;
    }

    private void checkFormatsExist() throws NginxConfException {
        for (AccessLog a : accessLogs) {
            if (!a.isOff() && !logFormats.containsKey(a.formatName())) {
                throw new NginxConfException(a.where(), a.formatName(), "unknown log format \"" + a.formatName() + "\"");
            }
        }
    }

    private void walk(Directive d, Scope scope) throws NginxConfException {
        boolean inHttp = !scope.isMain() && scope.blocks().get(0).is("http");
        boolean httpLevel = inHttp && scope.blocks().size() == 1;
        if (d.is("error_log") && !d.args().isEmpty()) errorLogs.add(ErrorLog.of(d, scope));
        if (inHttp && d.is("access_log") && !d.args().isEmpty()) accessLogs.add(AccessLog.of(d, scope));
        if (httpLevel) httpLevelDirective(d, scope);
        if (DirectiveArity.DATA_BLOCKS.contains(d.name())) return;
        Scope inner = scope.enter(d);
        for (Directive c : d.children()) {
            walk(c, inner);
        }
    }

    private void httpLevelDirective(Directive d, Scope http) throws NginxConfException {
        switch (d.name()) {
            case "server" -> servers.add(server(d, http.enter(d)));
            case "upstream" -> {
                if (d.args().size() == 1) upstreams.add(Upstream.of(d));
            }
            case "map" -> {
                if (d.args().size() == 2) maps.add(map(d));
            }
            case "log_format" -> {
                if (d.args().size() >= 2) logFormat(d);
            }
            default -> { }
        }
    }

    private void logFormat(Directive d) throws NginxConfException {
        LogFormat f = LogFormat.of(d);
        if (logFormats.containsKey(f.name())) {
            throw new NginxConfException(d.where(), f.name(), "duplicate \"log_format\" name \"" + f.name() + "\"");
        }
        logFormats.put(f.name(), f);
    }

    private MapBlock map(Directive d) throws NginxConfException {
        MapBlock m = MapBlock.of(d);
        for (MapEntry e : m.entries()) {
            if (e.isRegex()) regex.compile(e.regex(), e.regexCaseless(), e.where());
        }
        return m;
    }

    private ServerBlock server(Directive d, Scope scope) throws NginxConfException {
        List<Listen> listens = new ArrayList<>();
        for (Directive l : d.children("listen")) {
            if (!l.args().isEmpty()) listens.add(Listen.parse(l));
        }
        List<ServerName> names = new ArrayList<>();
        for (Directive n : d.children("server_name")) {
            for (String a : n.args()) {
                ServerName sn = ServerName.of(a);
                if (sn.kind() == ServerName.Kind.REGEX) regex.compile(sn.regex(), sn.regexCaseless(), n.where());
                names.add(sn);
            }
        }
        return new ServerBlock(d, scope, listens, names, locations(d, scope),
                inheritance.effective("ssl_certificate", scope));
    }

    private List<Location> locations(Directive parent, Scope parentScope) throws NginxConfException {
        List<Location> out = new ArrayList<>();
        for (Directive c : parent.children("location")) {
            if (c.args().isEmpty()) continue;
            Scope scope = parentScope.enter(c);
            Location l = Location.parse(c, scope, locations(c, scope));
            if (l.isRegex()) {
                regex.compile(l.pattern(), l.modifier() == LocationModifier.REGEX_CASELESS, c.where());
            }
            out.add(l);
        }
        return out;
    }
}
