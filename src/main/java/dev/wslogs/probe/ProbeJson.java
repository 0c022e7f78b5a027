package dev.wslogs.probe;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wslogs.probe.ProbeRequest.Header;
import dev.wslogs.sink.report.JsonReport;

/** {@code probe -O json}: the phases with their durations, TLS facts, the response and the verdict. */
public final class ProbeJson {
    private ProbeJson() {}

    public static ObjectNode report(ProbeReport r) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("ok", r.ok());
        root.put("cause", r.verdict().cause().orElse(null));
        ArrayNode alt = root.putArray("alternatives");
        r.verdict().alternatives().forEach(alt::add);
        root.put("explanation", r.verdict().explanation());
        root.set("probe", result(r.front()));
        r.backend().ifPresent(b -> root.set("backend", result(b)));
        return root;
    }

    public static ObjectNode result(ProbeResult p) {
        ObjectNode o = JsonReport.MAPPER.createObjectNode();
        o.put("url", p.url());
        o.put("upgraded", p.upgraded());
        if (p.status().isPresent()) o.put("status", p.status().getAsInt());
        else o.putNull("status");
        o.put("status_line", p.statusLine());
        ArrayNode phases = o.putArray("phases");
        for (Phase ph : p.phases()) {
            phases.addObject().put("name", ph.name()).put("ok", ph.ok()).put("seconds", ph.seconds()).put("detail", ph.detail());
        }
        p.tls().ifPresent(t -> {
            ObjectNode tn = o.putObject("tls");
            tn.put("protocol", t.protocol());
            tn.put("cipher_suite", t.cipherSuite());
            tn.put("subject", t.subject());
            tn.put("issuer", t.issuer());
            tn.put("not_after", t.notAfter().toString());
            ArrayNode san = tn.putArray("subject_alt_names");
            t.subjectAltNames().forEach(san::add);
            tn.put("verified", t.verified());
            tn.put("verify_error", t.verifyError().orElse(null));
        });
        ArrayNode headers = o.putArray("response_headers");
        for (Header h : p.responseHeaders()) headers.addObject().put("name", h.name()).put("value", h.value());
        o.put("body", p.bodySnippet());
        ArrayNode problems = o.putArray("handshake_problems");
        p.handshakeProblems().forEach(problems::add);
        o.put("subprotocol", p.subprotocol().orElse(null));
        p.close().ifPresent(c -> {
            ObjectNode cn = o.putObject("close");
            cn.put("how", c.how().name().toLowerCase(java.util.Locale.ROOT));
            cn.put("seconds", c.seconds());
            if (c.code().isPresent()) cn.put("code", c.code().getAsInt());
            else cn.putNull("code");
            cn.put("reason", c.reason());
        });
        return o;
    }

    /** A body on one line, short: for the text report. */
    static String squash(String body) {
        String s = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
        return s.length() > 160 ? s.substring(0, 160) + "..." : s;
    }
}
