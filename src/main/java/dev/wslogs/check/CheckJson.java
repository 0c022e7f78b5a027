package dev.wslogs.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wslogs.sink.report.JsonReport;

/** {@code check-config -O json}: the findings with file, line and column, and the locations checked. */
public final class CheckJson {
    private CheckJson() {}

    public static ObjectNode report(CheckReport r) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("source", r.source());
        root.put("dump", r.dump());
        ArrayNode files = root.putArray("files");
        r.files().forEach(files::add);
        ArrayNode locations = root.putArray("locations");
        for (LocationTraffic t : r.locations()) {
            ObjectNode l = locations.addObject();
            l.put("file", t.location().where().file());
            l.put("line", t.location().where().line());
            l.put("server", t.server().primaryName());
            l.put("location", t.location().label());
            l.put("websocket", t.websocket());
            l.put("session", t.session());
            l.put("streaming", t.streaming());
            ArrayNode why = l.putArray("why");
            t.why().forEach(why::add);
        }
        ArrayNode findings = root.putArray("findings");
        for (Finding f : r.findings()) {
            ObjectNode o = findings.addObject();
            o.put("rule", f.ruleId());
            o.put("severity", f.severity().sarifLevel());
            o.put("file", f.where().file());
            o.put("line", f.where().line());
            o.put("column", f.where().column());
            o.put("context", f.context());
            o.put("message", f.message());
            o.put("fix", f.fix());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("findings", r.findings().size());
        for (Severity s : Severity.values()) summary.put(s.sarifLevel(), r.count(s));
        return root;
    }
}
