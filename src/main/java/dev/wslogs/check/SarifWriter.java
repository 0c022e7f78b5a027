package dev.wslogs.check;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wslogs.classify.Rule;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.nginxconf.SourceRef;
import dev.wslogs.sink.report.JsonReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SARIF 2.1.0 (OASIS) for code-scanning tools: one run, the driver's rules are the cause ids that
 * have findings (title, summary and the generic fix from {@code patterns/}), one result per finding
 * with its physical location (file, line, column) and the location's name as a logical location.
 * Relative file names stay relative ({@code uriBaseId} {@code %SRCROOT%}); absolute ones become
 * {@code file://} URIs.
 */
public final class SarifWriter {
    public static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

    private SarifWriter() {}

    public static ObjectNode sarif(CheckReport r, RuleSet rules, String toolVersion) {
        ObjectNode root = JsonReport.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", "wslogs");
        driver.put("semanticVersion", toolVersion);
        List<String> ids = new ArrayList<>();
        for (Finding f : r.findings()) if (!ids.contains(f.ruleId())) ids.add(f.ruleId());
        ArrayNode ruleNodes = driver.putArray("rules");
        for (String id : ids) {
            ObjectNode rn = ruleNodes.addObject();
            rn.put("id", id);
            Rule rule = rules.get(id);
            if (rule != null) {
                rn.putObject("shortDescription").put("text", rule.title());
                rn.putObject("fullDescription").put("text", rule.summary().strip());
                rn.putObject("help").put("text", rule.fix().strip());
            }
        }
        ArrayNode results = run.putArray("results");
        for (Finding f : r.findings()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", f.ruleId());
            res.put("ruleIndex", ids.indexOf(f.ruleId()));
            res.put("level", f.severity().sarifLevel());
            res.putObject("message").put("text", f.message() + "\nFix:\n" + f.fix());
            ObjectNode loc = res.putArray("locations").addObject();
            ObjectNode physical = loc.putObject("physicalLocation");
            artifact(physical.putObject("artifactLocation"), f.where());
            ObjectNode region = physical.putObject("region");
            region.put("startLine", f.where().line());
            region.put("startColumn", f.where().column());
            loc.putArray("logicalLocations").addObject().put("fullyQualifiedName", f.context()).put("kind", "module");
            res.putObject("properties").put("fix", f.fix());
        }
        ArrayNode artifacts = run.putArray("artifacts");
        for (String file : r.files()) artifact(artifacts.addObject().putObject("location"), new SourceRef(file, 1, 1));
        return root;
    }

    private static void artifact(ObjectNode node, SourceRef where) {
        String file = where.file();
        if (file.startsWith("/")) {
            node.put("uri", Path.of(file).toUri().toString());
        } else {
            node.put("uri", file.replace('\\', '/').replace(" ", "%20"));
            node.put("uriBaseId", "%SRCROOT%");
        }
    }
}
