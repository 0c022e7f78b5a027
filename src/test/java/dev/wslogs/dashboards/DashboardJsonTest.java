package dev.wslogs.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The shipped Grafana dashboards ({@code dashboards/*.json}) are importable as they are: valid JSON,
 * the data source a variable, templated by server and instance, every panel with queries, and the
 * panels issue 6 asks for present. {@code PrometheusEndToEndIT} runs every query against a real
 * Prometheus.
 */
class DashboardJsonTest {
    /** Values for every variable a query may use (Grafana's built-ins and the dashboard's own). */
    static final Map<String, String> ANY = Map.of("instance", "x", "server", "x", "datasource", "x",
            "__rate_interval", "1m", "__interval", "1m", "__range", "1h", "__range_s", "3600", "__range_ms", "3600000");

    @Test
    void dashboards_areShipped() {
        assertThat(Artefacts.dashboards()).as("dashboards/*.json").isNotEmpty();
    }

    @Test
    void everyDashboard_isValidJsonWithUidTitleAndNoImportInputs() {
        for (Path d : Artefacts.dashboards()) {
            JsonNode j = Artefacts.read(d);
            assertThat(j.path("uid").asText()).as(d + " uid").matches("[a-zA-Z0-9_-]{1,40}");
            assertThat(j.path("title").asText()).as(d + " title").isNotBlank();
            assertThat(j.path("schemaVersion").asInt()).as(d + " schemaVersion").isGreaterThanOrEqualTo(36);
            assertThat(j.has("__inputs")).as(d + ": importable as is, no __inputs to map").isFalse();
            assertThat(j.path("id").isNull() || j.path("id").isMissingNode()).as(d + ": no instance-specific id").isTrue();
        }
    }

    @Test
    void everyDatasource_isTheDatasourceVariable() {
        for (Path d : Artefacts.dashboards()) {
            List<JsonNode> sources = new ArrayList<>();
            collect(Artefacts.read(d), "datasource", sources);
            assertThat(sources).as(d + " datasource references").isNotEmpty();
            for (JsonNode s : sources) {
                if ("grafana".equals(s.path("type").asText())) continue; // the built-in annotations
                assertThat(s.path("uid").asText()).as(d + ": " + s).isEqualTo("${datasource}");
                assertThat(s.path("type").asText()).as(d + ": " + s).isEqualTo("prometheus");
            }
        }
    }

    @Test
    void templating_hasDatasourceServerAndInstanceVariables() {
        for (Path d : Artefacts.dashboards()) {
            JsonNode vars = Artefacts.read(d).path("templating").path("list");
            JsonNode ds = variable(vars, "datasource");
            assertThat(ds.path("type").asText()).isEqualTo("datasource");
            assertThat(ds.path("query").asText()).isEqualTo("prometheus");
            for (String name : List.of("server", "instance")) {
                JsonNode v = variable(vars, name);
                assertThat(v.path("type").asText()).as(name).isEqualTo("query");
                assertThat(v.path("includeAll").asBoolean()).as(name + " includes All").isTrue();
                assertThat(v.path("multi").asBoolean()).as(name + " multi-value").isTrue();
                assertThat(v.path("query").asText()).as(name).matches("label_values\\(wslogs_\\w+(\\{.*})?, " + name + "\\)");
            }
            // instance follows the server selection
            assertThat(variable(vars, "instance").path("query").asText()).contains("server=~\"$server\"");
            // a fleet without a server label still matches: All is any value, also none
            assertThat(variable(vars, "server").path("allValue").asText()).isEqualTo(".*");
        }
    }

    @Test
    void everyPanel_hasQueriesFilteredByServerAndInstance() {
        for (Path d : Artefacts.dashboards()) {
            Set<Integer> ids = new HashSet<>();
            List<JsonNode> panels = Artefacts.panels(Artefacts.read(d));
            assertThat(panels).as(d + " panels").hasSizeGreaterThanOrEqualTo(10);
            for (JsonNode p : panels) {
                String title = p.path("title").asText();
                assertThat(title).as(d + " panel title").isNotBlank();
                assertThat(ids.add(p.path("id").asInt())).as(d + " unique panel id of " + title).isTrue();
                assertThat(p.path("description").asText()).as(title + " description").isNotBlank();
                JsonNode g = p.path("gridPos");
                assertThat(g.path("x").asInt() + g.path("w").asInt()).as(title + " fits 24 columns").isBetween(1, 24);
                assertThat(p.path("targets")).as(title + " targets").isNotEmpty();
                for (JsonNode t : p.path("targets")) {
                    String expr = t.path("expr").asText();
                    assertThat(expr).as(title + " expr").isNotBlank().contains("instance=~\"$instance\"", "server=~\"$server\"");
                    assertThat(t.path("refId").asText()).as(title + " refId").isNotBlank();
                    Artefacts.substitute(expr, ANY); // only known variables
                }
            }
        }
    }

    @Test
    void panels_noTwoOverlap() {
        for (Path d : Artefacts.dashboards()) {
            List<int[]> boxes = new ArrayList<>();
            for (JsonNode p : Artefacts.read(d).path("panels")) {
                JsonNode g = p.path("gridPos");
                int[] b = {g.path("x").asInt(), g.path("y").asInt(), g.path("w").asInt(), g.path("h").asInt()};
                for (int[] o : boxes) {
                    boolean overlap = b[0] < o[0] + o[2] && o[0] < b[0] + b[2] && b[1] < o[1] + o[3] && o[1] < b[1] + b[3];
                    assertThat(overlap).as(d + ": \"" + p.path("title").asText() + "\" overlaps another panel").isFalse();
                }
                boxes.add(b);
            }
        }
    }

    @Test
    void mainDashboard_hasThePanelsOfIssue6() {
        JsonNode j = Artefacts.read(Artefacts.dir().resolve("wslogs.json"));
        List<JsonNode> panels = Artefacts.panels(j);
        assertThat(find(panels, "stat", "outcome=\"upgraded\"")).as("upgrade success ratio").isNotNull();
        assertThat(find(panels, "timeseries", "sum by (cause) (rate(wslogs_incidents_total")).as("failed upgrades by cause over time").isNotNull();
        JsonNode heat = find(panels, "heatmap", "wslogs_upgraded_connection_duration_seconds_bucket");
        assertThat(heat).as("connection lifetime heatmap").isNotNull();
        assertThat(heat.path("options").path("calculate").asBoolean(true)).as("heatmap of the daemon's buckets, not re-bucketed").isFalse();
        assertThat(heat.path("targets").get(0).path("format").asText()).isEqualTo("heatmap");
        assertThat(heat.path("targets").get(0).path("legendFormat").asText()).isEqualTo("{{le}}");
        assertThat(find(panels, null, "le=\"61.0\"")).as("share of connections ending at 59-61 s").isNotNull();
        assertThat(find(panels, null, "topk(10, sum by (path)")).as("top failing paths").isNotNull();
        JsonNode table = find(panels, "table", "wslogs_incidents_total");
        assertThat(table).as("incidents table").isNotNull();
        assertThat(table.path("targets").get(0).path("format").asText()).isEqualTo("table");
        assertThat(find(panels, null, "wslogs_file_lag_bytes")).as("lag").isNotNull();
        assertThat(find(panels, null, "wslogs_lines_unparsed_total")).as("unparsed lines").isNotNull();
        assertThat(find(panels, null, "wslogs_checkpoint_age_seconds")).as("checkpoint age").isNotNull();
        assertThat(find(panels, null, "up{job=\"wslogs\"")).as("daemons scraped").isNotNull();
    }

    @Test
    void everyMetricUsedByDashboardsAndRules_isDocumentedInTheReadmeMetricsSection() throws Exception {
        String readme = Files.readString(Artefacts.repo().resolve("README.md"));
        int start = readme.indexOf("\n## Metrics\n");
        assertThat(start).as("README section \"## Metrics\"").isPositive();
        int end = readme.indexOf("\n## ", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Set<String> used = new TreeSet<>();
        Pattern metric = Pattern.compile("(?<![:\\w])wslogs_[a-z_]+(?![:\\w])"); // not the recording rules (level:metric:ops)
        List<String> sources = new ArrayList<>();
        for (Path d : Artefacts.dashboards()) sources.add(Files.readString(d));
        for (Path r : Artefacts.ruleFiles()) {
            for (JsonNode rule : Artefacts.rules(r)) sources.add(rule.path("expr").asText());
        }
        for (String s : sources) {
            Matcher m = metric.matcher(s);
            while (m.find()) used.add(m.group().replaceAll("_(bucket|count|sum)$", ""));
        }
        assertThat(used).hasSizeGreaterThan(8);
        for (String u : used) assertThat(section).as("README Metrics documents " + u).contains("`" + u);
    }

    private static JsonNode find(List<JsonNode> panels, String type, String exprPart) {
        for (JsonNode p : panels) {
            if (type != null && !type.equals(p.path("type").asText())) continue;
            for (JsonNode t : p.path("targets")) if (t.path("expr").asText().contains(exprPart)) return p;
        }
        return null;
    }

    private static JsonNode variable(JsonNode vars, String name) {
        for (JsonNode v : vars) if (name.equals(v.path("name").asText())) return v;
        throw new AssertionError("templating variable $" + name + " missing");
    }

    private static void collect(JsonNode n, String field, List<JsonNode> out) {
        if (n.isObject()) {
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                if (e.getKey().equals(field) && e.getValue().isObject()) out.add(e.getValue());
                collect(e.getValue(), field, out);
            }
        } else if (n.isArray()) {
            n.forEach(c -> collect(c, field, out));
        }
    }
}
