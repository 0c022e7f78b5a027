package dev.wslogs.probe;

/**
 * Compares the same handshake through nginx and straight to the back end: where they differ is
 * what nginx does to the upgrade. "The back end answers 101, nginx answers 400" means nginx does not
 * forward the upgrade (missing-upgrade-headers); both refusing means the back end does not speak
 * WebSocket there.
 */
public final class BackendComparison {
    private BackendComparison() {}

    public static Verdict compare(ProbeResult front, ProbeResult backend) {
        String f = summary(front);
        String b = summary(backend);
        if (front.upgraded() && !front.ok()) return ProbeDiagnosis.of(front);
        if (front.upgraded() && backend.upgraded()) return Verdict.none("both upgrade (nginx: " + f + ", back end: " + b + ")");
        if (front.upgraded()) {
            return Verdict.none("nginx upgrades but the given back end does not (" + b + "): is --backend the address nginx proxies to?");
        }
        if (backend.upgraded()) {
            int st = front.status().orElse(0);
            if (st == 502 && backend.tls().isPresent()) {
                return Verdict.of("tls", "the back end answers 101 over TLS, yet nginx answers 502: nginx's TLS handshake "
                        + "with it fails (proxy_ssl_verify with a CA or name that does not match its certificate)", "backend-down");
            }
            if (st == 502 || st == 503 || st == 504) {
                return Verdict.of("backend-down", "the back end answers 101, yet nginx answers " + st + ": nginx cannot reach "
                        + "it (proxy_pass points elsewhere, or TLS to it fails)", "tls");
            }
            if (st > 0 && st != 101) {
                return Verdict.of("missing-upgrade-headers", "the back end answers 101, nginx answers " + st + " → nginx does not "
                        + "forward the upgrade (proxy_http_version 1.1, Upgrade and Connection headers)");
            }
            return ProbeDiagnosis.of(front);
        }
        Phase failed = backend.failedPhase().orElseThrow();
        return switch (failed.name()) {
            case "dns", "tcp" -> Verdict.of("backend-down", "the back end does not accept connections: " + failed.detail());
            case "tls" -> Verdict.of("tls", "TLS to the back end fails: " + failed.detail());
            default -> Verdict.of("backend-not-websocket", "the back end itself refuses the upgrade (" + b + "), so nginx "
                    + "cannot do better (nginx: " + f + ")");
        };
    }

    static String summary(ProbeResult r) {
        if (r.upgraded()) return "101";
        if (r.status().isPresent()) return String.valueOf(r.status().getAsInt());
        return r.failedPhase().map(p -> p.name() + " failed").orElse("?");
    }
}
