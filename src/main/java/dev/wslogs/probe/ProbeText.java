package dev.wslogs.probe;

import dev.wslogs.classify.Rule;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.probe.ProbeRequest.Header;
import dev.wslogs.sink.report.Terminal;
import java.io.PrintWriter;
import java.util.Locale;

/** The text form of a probe: one line per phase, the TLS facts, the response, the verdict and its fix. */
public final class ProbeText {
    private ProbeText() {}

    public static void render(ProbeReport r, RuleSet rules, PrintWriter out) {
        result("probe", r.front(), out);
        r.backend().ifPresent(b -> {
            out.println();
            result("back end", b, out);
        });
        out.println();
        Verdict v = r.verdict();
        out.println("result: " + (r.ok() ? "OK" : "FAILED") + v.cause().map(c -> "   cause: " + c
                + (rules.get(c) != null ? " — " + rules.get(c).title() : "")).orElse(""));
        out.println("  " + Terminal.safe(v.explanation()));
        if (!v.alternatives().isEmpty()) out.println("  could also be: " + String.join(", ", v.alternatives()));
        v.cause().map(rules::get).map(Rule::fix).ifPresent(fix -> {
            out.println("  fix:");
            for (String line : fix.strip().split("\n")) out.println("    " + line);
        });
        out.flush();
    }

    private static void result(String title, ProbeResult p, PrintWriter out) {
        out.println(title + " " + Terminal.safe(p.url()));
        for (Phase ph : p.phases()) {
            out.printf(Locale.ROOT, "  %-8s %-4s %10s  %s%n", ph.name(), ph.ok() ? "ok" : "FAIL", duration(ph.seconds()),
                    Terminal.safe(ph.detail()));
        }
        p.tls().ifPresent(t -> {
            out.println("  tls: " + Terminal.safe(t.protocol()) + (t.cipherSuite().isEmpty() ? "" : " " + t.cipherSuite()));
            if (!t.subject().isEmpty()) {
                out.println("       subject " + Terminal.safe(t.subject()) + ", issuer " + Terminal.safe(t.issuer()));
                out.println("       expires " + t.notAfter() + (t.subjectAltNames().isEmpty() ? ""
                        : ", valid for " + Terminal.safe(String.join(" ", t.subjectAltNames()))));
            }
            out.println("       verification: " + (t.verified() ? "ok" : "FAILED " + Terminal.safe(t.verifyError().orElse(""))));
        });
        if (!p.responseHeaders().isEmpty()) {
            out.println("  response: " + Terminal.safe(p.statusLine()));
            for (Header h : p.responseHeaders()) out.println("    " + Terminal.safe(h.name()) + ": " + Terminal.safe(h.value()));
        }
        if (!p.bodySnippet().isBlank()) {
            out.println("  body: " + Terminal.safe(ProbeJson.squash(p.bodySnippet())));
        }
    }

    private static String duration(double seconds) {
        if (seconds == 0) return "";
        return seconds < 1 ? String.format(Locale.ROOT, "%.1f ms", seconds * 1000) : String.format(Locale.ROOT, "%.2f s", seconds);
    }
}
