package dev.wslogs.sink.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wslogs.model.ErrorRef;
import dev.wslogs.model.Incident;
import dev.wslogs.model.ParseFailure;
import dev.wslogs.pipeline.FileStats;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/**
 * JSON renderings. The incident object is the public contract ({@code --output jsonl} prints one per
 * line): field names are snake_case and stable. Jackson escapes every control character, so no
 * log content can break the JSON.
 */
public final class JsonReport {
    public static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter ISO = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private JsonReport() {}

    public static ObjectNode incident(Incident i) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("id", i.id());
        n.put("cause", i.cause());
        n.put("confidence", Math.round(i.confidence() * 100) / 100.0);
        n.put("confidence_reason", i.confidenceReason());
        n.put("time", ISO.format(i.time()));
        n.put("client", i.client());
        n.put("server", i.server());
        n.put("request", i.request());
        n.put("path", i.path());
        n.put("status", i.status());
        if (i.durationMillis() >= 0) n.put("duration_s", i.durationMillis() / 1000.0);
        else n.putNull("duration_s");
        n.put("upstream_addr", i.upstreamAddr());
        n.put("upstream_status", i.upstreamStatus());
        if (i.access().isPresent()) {
            ObjectNode a = n.putObject("access");
            a.put("file", i.access().get().file());
            a.put("line", i.access().get().line());
        } else {
            n.putNull("access");
        }
        ArrayNode errs = n.putArray("errors");
        for (ErrorRef e : i.errors()) {
            ObjectNode en = errs.addObject();
            en.put("file", e.file());
            en.put("line", e.line());
            en.put("level", e.level());
            en.put("message", e.message());
        }
        ArrayNode ev = n.putArray("evidence");
        i.evidence().forEach(ev::add);
        n.put("fix", i.fix());
        ArrayNode alt = n.putArray("alternatives");
        i.alternatives().forEach(alt::add);
        return n;
    }

    public static String incidentLine(Incident i) {
        return incident(i).toString();
    }

    public static ObjectNode report(Report r) {
        ObjectNode root = MAPPER.createObjectNode();
        ArrayNode files = root.putArray("files");
        for (FileStats f : r.files()) {
            ObjectNode fn = files.addObject();
            fn.put("file", f.file);
            fn.put("kind", f.kind.label());
            fn.put("format", f.format);
            fn.put("lines", f.lines);
            fn.put("parsed", f.parsed);
            fn.put("unparsed", f.failed);
            fn.put("blank", f.blank);
            ArrayNode notes = fn.putArray("notes");
            f.notes.forEach(notes::add);
        }
        ArrayNode notices = root.putArray("notices");
        r.notices().forEach(notices::add);
        ObjectNode s = root.putObject("summary");
        s.put("access_lines", r.accessLines());
        s.put("error_entries", r.errorEntries());
        s.put("unparsed_lines", r.parseFailures());
        s.put("upgrade_attempts", r.attempts());
        s.put("upgraded", r.upgraded());
        s.put("failed_upgrades", r.attempts() - r.upgraded());
        s.put("polling_failures", r.pollingFailures());
        s.put("incidents", r.incidentsTotal());
        s.put("correlation_evictions", r.correlationEvictions());
        s.put("decided_early", r.decidedEarly());
        putCounts(s.putObject("failed_by_status"), r.failedByStatus());
        ObjectNode hist = s.putObject("upgraded_duration_histogram");
        r.durationHistogram().forEach(e -> hist.put(e.getKey(), e.getValue()));
        ArrayNode tc = s.putArray("timeout_clusters");
        r.timeoutClusters().forEach(tc::add);
        putTop(s.putArray("top_paths"), r.topPaths(), "path");
        putTop(s.putArray("top_clients"), r.topClients(), "client");
        ObjectNode bc = s.putObject("incidents_by_cause");
        r.incidentsByCause().forEach(bc::put);
        ArrayNode fails = root.putArray("unparsed_samples");
        for (ParseFailure f : r.failureSamples()) {
            ObjectNode fn = fails.addObject();
            fn.put("file", f.position().file());
            fn.put("line", f.position().line());
            fn.put("kind", f.kind().label());
            fn.put("reason", f.reason());
            fn.put("text", f.sample().length() > 300 ? f.sample().substring(0, 300) + "…" : f.sample());
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode fn = findings.addObject();
            fn.put("cause", f.cause());
            fn.put("title", f.title());
            fn.put("server", f.server());
            fn.put("path", f.path());
            fn.put("count", f.count());
            fn.put("first_seen", ISO.format(f.firstSeen()));
            fn.put("last_seen", ISO.format(f.lastSeen()));
            fn.put("confidence", Math.round(f.confidence() * 100) / 100.0);
            ArrayNode ev = fn.putArray("evidence");
            f.evidence().forEach(ev::add);
            fn.put("fix", f.fix());
            ArrayNode alt = fn.putArray("alternatives");
            f.alternatives().forEach(alt::add);
            ArrayNode ids = fn.putArray("sample_ids");
            f.sampleIds().forEach(ids::add);
        }
        ArrayNode cov = root.putArray("coverage");
        r.coverage().forEach(cov::add);
        ArrayNode inc = root.putArray("incidents");
        r.incidents().forEach(i -> inc.add(incident(i)));
        root.put("incidents_truncated", r.incidentsTotal() > r.incidents().size());
        return root;
    }

    private static void putCounts(ObjectNode n, Map<Integer, Long> m) {
        m.forEach((k, v) -> n.put(String.format("%03d", k), v));
    }

    private static void putTop(ArrayNode a, List<Map.Entry<String, Long>> top, String key) {
        for (Map.Entry<String, Long> e : top) {
            ObjectNode o = a.addObject();
            o.put(key, e.getKey());
            o.put("count", e.getValue());
        }
    }
}
