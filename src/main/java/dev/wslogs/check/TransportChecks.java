package dev.wslogs.check;

import dev.wslogs.classify.UpgradeForwarding;
import dev.wslogs.nginxconf.Directive;
import dev.wslogs.nginxconf.Location;
import dev.wslogs.nginxconf.NginxConfig;
import dev.wslogs.nginxconf.Upstream;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What happens to traffic that does get through: idle tunnels cut at {@code proxy_read_timeout},
 * streams held back by {@code proxy_buffering}, long-polling bodies over
 * {@code client_max_body_size}, and sessions spread over several back ends without affinity.
 */
final class TransportChecks {
    /** nginx's compiled-in proxy_read_timeout / proxy_send_timeout. */
    static final long DEFAULT_TIMEOUT_MS = 60_000;

    private TransportChecks() {}

    static void check(NginxConfig conf, LocationTraffic t, CheckOptions options, List<Finding> out) {
        if (t.websocket()) readTimeout(conf, t, options, out);
        if (t.websocket()) sendTimeout(conf, t, options, out);
        if (t.streaming()) buffering(conf, t, out);
        if (t.session()) bodySize(conf, t, options, out);
        if (t.session()) affinity(conf, t, out);
    }

    private static void readTimeout(NginxConfig conf, LocationTraffic t, CheckOptions options, List<Finding> out) {
        Location loc = t.location();
        Optional<Directive> d = conf.effective("proxy_read_timeout", loc);
        OptionalLong ms = d.isPresent() ? NginxValues.millis(d.get().arg(0).orElse("")) : OptionalLong.of(DEFAULT_TIMEOUT_MS);
        if (ms.isEmpty() || ms.getAsLong() > options.expectedIdleMillis()) return;
        String value = NginxValues.seconds(ms.getAsLong());
        String set = d.map(x -> x.text() + " (" + x.where() + ")").orElse("proxy_read_timeout is not set: nginx's default 60 s applies");
        out.add(new Finding("proxy-read-timeout", Severity.WARNING, d.map(Directive::where).orElse(loc.where()), t.label(),
                set + ". nginx closes an upgraded connection on which the back end sent nothing for " + value
                        + " (the client sees a close without a close frame, code 1006); the expected idle time is "
                        + NginxValues.seconds(options.expectedIdleMillis()) + ". Raise it, or have the application ping "
                        + "well under " + value + ".",
                Fixes.in(loc, List.of("proxy_read_timeout 3600s;   # longer than the longest idle period",
                        "proxy_send_timeout 3600s;"))));
    }

    /** Only a write that stalls (the back end stops reading) waits on proxy_send_timeout; idle tunnels do not. */
    private static void sendTimeout(NginxConfig conf, LocationTraffic t, CheckOptions options, List<Finding> out) {
        Optional<Directive> d = conf.effective("proxy_send_timeout", t.location());
        if (d.isEmpty()) return;
        OptionalLong ms = NginxValues.millis(d.get().arg(0).orElse(""));
        if (ms.isEmpty() || ms.getAsLong() >= options.expectedIdleMillis()) return;
        out.add(new Finding("proxy-read-timeout", Severity.NOTE, d.get().where(), t.label(),
                d.get().text() + " is shorter than the expected idle time (" + NginxValues.seconds(options.expectedIdleMillis())
                        + "): nginx closes the tunnel when a write to the back end stays blocked that long (a busy or "
                        + "stalled back end); idle tunnels are governed by proxy_read_timeout alone.",
                Fixes.in(t.location(), "proxy_send_timeout 3600s;")));
    }

    private static void buffering(NginxConfig conf, LocationTraffic t, List<Finding> out) {
        Location loc = t.location();
        Optional<Directive> d = conf.effective("proxy_buffering", loc);
        if (d.isPresent() && d.get().arg(0).orElse("").equals("off")) return;
        String set = d.map(x -> x.text() + " (" + x.where() + ")")
                .orElse("proxy_buffering is not set: nginx buffers by default");
        out.add(new Finding("buffering", Severity.WARNING, d.map(Directive::where).orElse(loc.where()), t.label(),
                set + " on a streaming path: nginx collects the back end's output in buffers (and spills it to a "
                        + "temporary file) instead of passing each event on, so clients get events late and in bursts "
                        + "— unless the back end sends \"X-Accel-Buffering: no\".",
                Fixes.in(loc, List.of("proxy_buffering off;   # or have the back end send \"X-Accel-Buffering: no\"",
                        "proxy_cache off;", "proxy_read_timeout 3600s;"))));
    }

    private static void bodySize(NginxConfig conf, LocationTraffic t, CheckOptions options, List<Finding> out) {
        Optional<Directive> d = conf.effective("client_max_body_size", t.location());
        if (d.isEmpty()) return;
        OptionalLong bytes = NginxValues.bytes(d.get().arg(0).orElse(""));
        if (bytes.isEmpty() || bytes.getAsLong() == 0 || bytes.getAsLong() >= options.minBodyBytes()) return;
        out.add(new Finding("message-too-large", Severity.WARNING, d.get().where(), t.label(),
                d.get().text() + " applies to this long-polling path: a message the transport POSTs that is larger is "
                        + "refused with 413 (\"client intended to send too large body\"), while the same message over "
                        + "the WebSocket passes (the limit does not apply to frames). The transport allows "
                        + options.minBodyBytes() + " bytes by default.",
                Fixes.in(t.location(), "client_max_body_size 10m;   # at least the largest message the transport posts")));
    }

    private static void affinity(NginxConfig conf, LocationTraffic t, List<Finding> out) {
        UpgradeForwarding f = UpgradeForwarding.of(conf, t.location());
        if (f.upstream().isEmpty() || f.upstreamServers() < 2 || f.affinity()) return;
        Upstream u = f.upstream().get();
        out.add(new Finding("sticky-session", Severity.WARNING, u.where(), t.label(),
                "upstream " + u.name() + " balances " + t.location().label() + " over " + u.servers().size()
                        + " servers with " + u.balancing().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ')
                        + " and no ip_hash, hash or sticky: the requests of one session (handshake, polls, upgrade) "
                        + "land on different back ends, which refuse a session they do not know (400).",
                "upstream " + u.name() + " {\n    ip_hash;                 # or: hash $remote_addr consistent;\n"
                        + "    # ... the servers as they are\n}"));
    }
}
