package dev.wslogs.probe;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Names the cause of one probe's outcome as far as the probe alone can tell. A refused upgrade
 * (400, 404, 426, 200...) cannot by itself tell headers that nginx did not forward from a back end
 * that does not speak WebSocket: the verdict names the likelier and lists the other;
 * {@link BackendComparison} settles it.
 */
public final class ProbeDiagnosis {
    private static final Pattern SESSION = Pattern.compile("(?i)(socket\\.io|engine\\.io|sockjs).*[?&]sid=");

    private ProbeDiagnosis() {}

    public static Verdict of(ProbeResult r) {
        if (r.ok()) return Verdict.none("the upgrade works" + (r.close().isPresent() ? " and the connection stayed open" : ""));
        Phase failed = r.failedPhase().orElseThrow();
        return switch (failed.name()) {
            case "dns" -> Verdict.none("the host name does not resolve: " + failed.detail());
            case "tcp" -> Verdict.none("nothing accepts connections there: " + failed.detail());
            case "tls" -> tls(failed);
            case "http" -> http(r, failed);
            case "upgrade" -> upgrade(r);
            case "echo" -> echo(failed);
            case "hold" -> hold(r);
            default -> Verdict.none(failed.detail());
        };
    }

    private static Verdict tls(Phase failed) {
        String d = failed.detail().toLowerCase(Locale.ROOT);
        if (d.contains("unrecognized ssl message") || d.contains("plaintext") || d.contains("unsupported or unrecognized")) {
            return Verdict.of("wrong-protocol", "the port does not speak TLS (it answered plain HTTP): use ws://, or the TLS port");
        }
        if (d.startsWith("no tls handshake within")) {
            return Verdict.of("wrong-protocol", "the server accepted the connection but never answered the TLS ClientHello: "
                    + "it probably speaks plain HTTP and waits for a request line (use ws://)", "tls");
        }
        if (failed.detail().contains("NOT verified")) {
            return Verdict.of("tls", "the handshake went on (--insecure) but the certificate does not verify: " + failed.detail());
        }
        return Verdict.of("tls", "the TLS handshake failed: " + failed.detail());
    }

    private static Verdict http(ProbeResult r, Phase failed) {
        if (r.tls().isEmpty() && failed.detail().startsWith("not an HTTP response")) {
            return Verdict.of("wrong-protocol", "the server did not answer in HTTP; if it speaks TLS, use wss://");
        }
        return Verdict.of("backend-not-websocket", "no valid HTTP answer to the upgrade: " + failed.detail(), "backend-down");
    }

    private static Verdict upgrade(ProbeResult r) {
        int st = r.status().orElse(0);
        String body = r.bodySnippet().toLowerCase(Locale.ROOT);
        if (st == 101) {
            return Verdict.of("backend-not-websocket", "the 101 is not a valid WebSocket handshake: " + String.join("; ", r.handshakeProblems()));
        }
        if (st == 400 && body.contains("plain http request was sent to https port")) {
            return Verdict.of("wrong-protocol", "a ws:// (plain) request reached a TLS port: use wss://");
        }
        if (st >= 300 && st < 400) {
            String loc = r.header("Location").orElse("");
            if (loc.toLowerCase(Locale.ROOT).startsWith("https://") || loc.toLowerCase(Locale.ROOT).startsWith("wss://")) {
                return Verdict.of("wrong-protocol", "redirected to " + loc + ": WebSocket clients do not follow redirects; use wss://");
            }
            return Verdict.none("redirected (" + st + ") to " + loc + ": WebSocket clients do not follow redirects; probe that URL");
        }
        if (st == 502 || st == 503 || st == 504) {
            return Verdict.of("backend-down", "nginx answered " + st + ": it could not get an answer from the back end "
                    + "(nothing listening, no live upstreams, or a failed TLS handshake to it)", "tls", "backend-not-websocket");
        }
        if (st == 413) return Verdict.of("message-too-large", "the request was refused as too large (413)");
        if (st == 400 && SESSION.matcher(r.url()).find()) {
            return Verdict.of("sticky-session", "a request of an existing session was refused with 400: another back end "
                    + "may own the session", "backend-not-websocket");
        }
        if (st == 426 || st == 400) {
            return Verdict.of("missing-upgrade-headers", "answered " + st + " instead of 101: the back end likely did not see "
                    + "the Upgrade/Connection headers (probe it with --backend to be sure)", "backend-not-websocket");
        }
        return Verdict.of("backend-not-websocket", "answered " + st + " instead of 101: what answers there is not a WebSocket "
                + "endpoint, or the upgrade did not reach it (probe the back end with --backend to tell)", "missing-upgrade-headers");
    }

    private static Verdict echo(Phase failed) {
        if (failed.detail().contains("reset")) return Verdict.of("upstream-reset", "the connection was reset after the upgrade");
        return Verdict.none("the upgrade works but the message did not come back: " + failed.detail());
    }

    private static Verdict hold(ProbeResult r) {
        CloseInfo c = r.close().orElseThrow();
        String when = String.format(Locale.ROOT, "%.1f s", c.seconds());
        return switch (c.how()) {
            case EOF -> Verdict.of("proxy-read-timeout", "the idle connection was closed after " + when + " without a close "
                    + "frame — what nginx does when proxy_read_timeout" + (Math.abs(c.seconds() - 60) < 1.5 ? " (its 60 s default)" : "")
                    + " passes with nothing from the back end", "upstream-reset");
            case RESET -> Verdict.of("upstream-reset", "the connection was reset after " + when);
            case CLOSE_FRAME -> Verdict.none("the server closed the connection after " + when + " with a close frame"
                    + (c.code().isPresent() ? " (code " + c.code().getAsInt() + ")" : "") + ": the application ended it");
            case ERROR -> Verdict.none("the connection failed after " + when + ": " + c.reason());
            case STAYED_OPEN -> Verdict.none("the connection stayed open");
        };
    }
}
