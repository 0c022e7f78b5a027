package dev.wslogs.check;

import dev.wslogs.nginxconf.Directive;
import dev.wslogs.nginxconf.Location;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.ProxyTarget;
import dev.wslogs.nginxconf.ServerBlock;
import dev.wslogs.nginxconf.ServerName;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The TLS legs: a back end behind {@code https://} that nginx does not (or cannot) verify, a TLS
 * server that does not tell the back end the request was https ({@code X-Forwarded-Proto}), and a
 * plain server that redirects a WebSocket path to https — a redirect no WebSocket client follows.
 */
final class TlsChecks {
    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private TlsChecks() {}

    static void check(NginxConfig conf, LocationTraffic t, List<Finding> out) {
        backendVerification(conf, t, out);
        if (t.websocket() && t.tlsServer()) forwardedProto(conf, t, out);
    }

    private static void backendVerification(NginxConfig conf, LocationTraffic t, List<Finding> out) {
        Location loc = t.location();
        Optional<Directive> own = t.own("proxy_pass");
        if (own.isEmpty() || !ProxyTarget.parse(own.get().arg(0).orElse("")).scheme().equalsIgnoreCase("https")) return;
        Directive pass = own.get();
        Optional<Directive> verify = conf.effective("proxy_ssl_verify", loc);
        if (verify.isEmpty() || !verify.get().arg(0).orElse("").equals("on")) {
            String set = verify.map(v -> v.text() + " (" + v.where() + ")").orElse("proxy_ssl_verify is not set (default off)");
            out.add(new Finding("tls", Severity.WARNING, verify.map(Directive::where).orElse(pass.where()), t.label(),
                    set + ": nginx talks TLS to " + pass.arg(0).orElse("") + " without checking its certificate, so any "
                            + "host that answers on that address is trusted.",
                    Fixes.in(loc, List.of("proxy_ssl_verify on;", "proxy_ssl_trusted_certificate /etc/nginx/backend-ca.pem;",
                            "proxy_ssl_server_name on;   # send SNI", "proxy_ssl_name backend.example.com;   # the name in its certificate"))));
            return;
        }
        if (conf.effective("proxy_ssl_trusted_certificate", loc).isEmpty()) {
            out.add(new Finding("tls", Severity.ERROR, verify.get().where(), t.label(),
                    "proxy_ssl_verify on without proxy_ssl_trusted_certificate: nginx has no CA to verify the back end "
                            + "with (nginx -t fails: \"no proxy_ssl_trusted_certificate for proxy_ssl_verify\").",
                    Fixes.in(loc, "proxy_ssl_trusted_certificate /etc/nginx/backend-ca.pem;")));
        }
        Optional<String> upstream = ProxyTarget.parse(pass.arg(0).orElse("")).upstreamName()
                .filter(n -> conf.upstream(n).isPresent());
        if (upstream.isPresent() && conf.effective("proxy_ssl_name", loc).isEmpty()) {
            out.add(new Finding("tls", Severity.WARNING, pass.where(), t.label(),
                    "proxy_ssl_verify on with proxy_pass to upstream " + upstream.get() + " and no proxy_ssl_name: nginx "
                            + "checks the back end's certificate against the name \"" + upstream.get() + "\" (and sends no "
                            + "SNI unless proxy_ssl_server_name on) — \"upstream SSL certificate does not match\".",
                    Fixes.in(loc, List.of("proxy_ssl_name backend.example.com;   # the name in its certificate",
                            "proxy_ssl_server_name on;"))));
        }
    }

    private static void forwardedProto(NginxConfig conf, LocationTraffic t, List<Finding> out) {
        boolean set = conf.effectiveAll("proxy_set_header", t.location()).stream()
                .anyMatch(d -> d.arg(0).orElse("").equalsIgnoreCase("X-Forwarded-Proto"));
        if (set) return;
        out.add(new Finding("wrong-protocol", Severity.WARNING, t.location().where(), t.label(),
                "this TLS server does not send X-Forwarded-Proto: the back end believes the request was http:// — "
                        + "frameworks that compare Origin (https://...) with the request's scheme refuse the upgrade (403), "
                        + "and URLs it builds say ws:// where the page needs wss://.",
                Fixes.in(t.location(), "proxy_set_header X-Forwarded-Proto $scheme;   # with the other proxy_set_header lines")));
    }

    /** Plain servers whose redirect to https catches a WebSocket path that a TLS server of the same name serves. */
    static void redirects(NginxConfig conf, List<LocationTraffic> traffic, List<Finding> out) {
        servers:
        for (ServerBlock plain : conf.servers()) {
            if (plain.listensWithSsl()) continue;
            for (LocationTraffic t : traffic) {
                if (!t.websocket() || !t.tlsServer() || t.location().isRegex() || !sameName(plain, t.server())) continue;
                Optional<Directive> redirect = httpsRedirect(plain.directive());
                if (redirect.isEmpty()) {
                    redirect = conf.selectLocation(plain, t.location().pattern()).flatMap(l -> httpsRedirect(l.directive()));
                }
                if (redirect.isEmpty()) continue;
                Directive r = redirect.get();
                out.add(new Finding("wrong-protocol", Severity.WARNING, r.where(), t.label(),
                        r.text() + " also answers ws:// upgrades to " + t.location().pattern() + " on " + plain.effectiveListens()
                                + ": WebSocket clients do not follow redirects, so a ws:// client gets a " + r.arg(0).orElse("")
                                + " instead of 101 and never reaches the wss:// server.",
                        "# Clients: use wss:// on https pages. In nginx, exempt the WebSocket path from the redirect:\n"
                                + "server {\n    # listen as it is\n    location " + t.location().pattern()
                                + " { return 426; }   # or proxy it as on the TLS server\n"
                                + "    location / { return 301 https://$host$request_uri; }\n}"));
                continue servers;
            }
        }
    }

    private static Optional<Directive> httpsRedirect(Directive block) {
        for (Directive d : block.children("return")) {
            String code = d.arg(0).orElse("");
            String url = d.arg(1).orElse("");
            if (code.matches("\\d{3}") && REDIRECTS.contains(Integer.parseInt(code))
                    && url.toLowerCase(Locale.ROOT).startsWith("https://")) {
                return Optional.of(d);
            }
        }
        return Optional.empty();
    }

    private static boolean sameName(ServerBlock a, ServerBlock b) {
        if (a.names().isEmpty() && b.names().isEmpty()) return true;
        for (ServerName n : a.names()) {
            for (ServerName m : b.names()) {
                if (n.name().equalsIgnoreCase(m.name())) return true;
            }
        }
        return false;
    }
}
