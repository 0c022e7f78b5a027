package dev.wslogs.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wslogs.lab.FreePorts;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shipped rules and dashboard against the real thing: a real Prometheus on 127.0.0.1 scrapes
 * (every second) a real {@code wslogs run} that follows logs into which the test appends the real
 * nginx output of the scenario suite ({@code samples/access-extended.log}, {@code samples/error-info.log}:
 * four copies, timestamps moved to the last minutes, in chunks, each chunk read by the daemon and
 * scraped by Prometheus before the next, so that rates see traffic). It also feeds what the daemon
 * alerts need to see: a few lines no log format matches, a followed file that disappears, and a
 * second target of job "wslogs" where nothing listens.
 *
 * <p>Prometheus loads a copy of {@code dashboards/wslogs-alerts.yml} whose {@code for:} durations are
 * rewritten to 0s (the shipped ones are minutes; {@code promtool test rules} proves the time logic).
 * Then every rule is loaded and healthy, every recording rule and every dashboard query (template
 * variables substituted) returns data through the HTTP API, and exactly the alerts this traffic should
 * raise fire.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PrometheusEndToEndIT {
    private static final Path JAR = Path.of(System.getProperty("wslogs.jar", "target/wslogs.jar"));
    private static final String EXTENDED = "$remote_addr - $remote_user [$time_local] \"$request\" $status $body_bytes_sent "
            + "\"$http_referer\" \"$http_user_agent\" $request_time $upstream_status $upstream_addr $upstream_response_time "
            + "$connection $connection_requests $pid \"$http_upgrade\" \"$http_connection\"";
    private static final int COPIES = 4;
    /** Seconds between copies: the samples span 61 s; copies must not overlap in log time. */
    private static final long STEP = 62;
    private static final String SERVER = "e2e-nginx";
    private static final Duration DEADLINE = Duration.ofSeconds(120);

    /** What the fed traffic must raise (samples: per copy 19 of 37 upgrades fail, 1 of 18 upgraded connections ends at 60 s). */
    static final Set<String> EXPECTED_ALERTS = Set.of(
            "WslogsUpgradeFailureRatioHigh", // 51% failed upgrades
            "WslogsBackendDown", // 4 per copy
            "WslogsBackendNotWebSocket", // 8 per copy
            "WslogsProxyReadTimeout", // 4 per copy
            "WslogsIdleDropCluster", // 1 of 18 upgraded connections lasts 60.058 s: 5.6% > 5%
            "WslogsWrongProtocol", // 3 per copy
            "WslogsUpstreamResets", // 3 per copy
            "WslogsStreamingBuffered", // 1 per copy
            "WslogsMessageTooLarge", // 1 per copy
            "WslogsTlsBackendFailures", // 1 per copy with a request (the 2 client handshakes do not count)
            "WslogsStickySessionErrors", // 2 per copy
            "WslogsDown", // the second target, where nothing listens
            "WslogsLogFileMissing", // the extra error log the test deletes
            "WslogsParseErrorsRising"); // 2 unparsable lines per copy of 59: 3.3% > 1%

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Kept when a test fails: daemon.log, prometheus.log, the configs and the logs fed. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    static Path dir;
    private Process daemon;
    private Process prometheus;
    private int daemonPort;
    private int promPort;
    private String instance;
    private Path ruleCopy;

    @BeforeAll
    void startDaemonAndPrometheusAndFeedTheSamples() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stopAll));
        assertThat(JAR).as("wslogs.jar (mvn package)").isRegularFile();
        Path prometheusBin = Artefacts.tool("prometheus");
        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path access = Files.createFile(logs.resolve("access.log"));
        Path error = Files.createFile(logs.resolve("error.log"));
        Path extra = Files.createFile(logs.resolve("extra-error.log"));

        daemonPort = FreePorts.next();
        instance = "127.0.0.1:" + daemonPort;
        daemon = new ProcessBuilder("java", "-jar", JAR.toString(), "run", "--access-log", access.toString(),
                "--error-log", error.toString(), "--error-log", extra.toString(), "--log-format", EXTENDED,
                "--state-dir", dir.resolve("state").toString(), "--listen", instance, "--from-start")
                .redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        waitFor("wslogs run answers /-/healthy", () -> status(daemonPort, "/-/healthy") == 200, daemon);

        ruleCopy = dir.resolve("wslogs-alerts.yml");
        String rules = Files.readString(Artefacts.dir().resolve("wslogs-alerts.yml"));
        String zeroFor = rules.replaceAll("(?m)^(\\s+)for: \\S+$", "$1for: 0s");
        assertThat(zeroFor).isNotEqualTo(rules);
        Files.writeString(ruleCopy, zeroFor);
        int dead = FreePorts.next(); // closed again: nothing listens there
        promPort = FreePorts.next();
        Files.writeString(dir.resolve("prometheus.yml"), """
                global:
                  scrape_interval: 1s
                  scrape_timeout: 1s
                  evaluation_interval: 1s
                rule_files:
                  - %s
                scrape_configs:
                  - job_name: wslogs
                    static_configs:
                      - targets: ['%s']
                        labels: {server: %s}
                      - targets: ['127.0.0.1:%d']
                        labels: {server: e2e-stopped}
                """.formatted(ruleCopy, instance, SERVER, dead));
        prometheus = new ProcessBuilder(prometheusBin.toString(), "--config.file=" + dir.resolve("prometheus.yml"),
                "--storage.tsdb.path=" + dir.resolve("data"), "--web.listen-address=127.0.0.1:" + promPort,
                "--web.enable-lifecycle", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("prometheus.log").toFile()).start();
        waitFor("Prometheus is ready", () -> status(promPort, "/-/ready") == 200, prometheus);
        waitFor("Prometheus scraped wslogs", () -> !query("up{instance=\"" + instance + "\"} == 1").isEmpty(), prometheus);

        feed(access, error, extra);
    }

    private void feed(Path access, Path error, Path extra) throws Exception {
        Path samples = Artefacts.repo().resolve("samples");
        List<String> a = lines(samples.resolve("access-extended.log"));
        List<String> e = lines(samples.resolve("error-info.log"));
        // the last copy ends now; the first starts (COPIES * STEP) s ago, within the 5 minutes after
        // which unread bytes would count as falling behind
        LocalDateTime first = LocalDateTime.parse(timeOf(a.get(0), ACCESS_TIME).group(1), A);
        LocalDateTime last = LocalDateTime.parse(timeOf(a.get(a.size() - 1), ACCESS_TIME).group(1), A);
        LocalDateTime lastCopyStart = LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(Duration.between(first, last).toSeconds() + 1);
        long base = Duration.between(first, lastCopyStart).toSeconds() - (COPIES - 1) * STEP;
        long accessWritten = 0;
        long errorWritten = 0;
        for (int c = 0; c < COPIES; c++) {
            long shift = base + c * STEP;
            List<String> sa = shift(a, ACCESS_TIME, A, shift);
            List<String> se = shift(e, ERROR_TIME, E, shift);
            List<Chunk> chunks = chunks(sa, se, 15);
            for (int i = 0; i < chunks.size(); i++) {
                Chunk ch = chunks.get(i);
                List<String> acc = new ArrayList<>(ch.access());
                if (i == 1) acc.addAll(List.of("this is no nginx access line (copy " + c + ")", "{\"neither\": \"is this\"}"));
                append(error, ch.error());
                append(access, acc);
                accessWritten += acc.size();
                errorWritten += ch.error().size();
                long wa = accessWritten;
                long we = errorWritten;
                waitFor("the daemon read " + wa + " access and " + we + " error lines", () -> {
                    Map<String, Double> m = scrapeDaemon();
                    return m.getOrDefault("wslogs_lines_read_total{file=\"" + access + "\",log=\"access\"}", 0.0) == wa
                            && m.getOrDefault("wslogs_lines_read_total{file=\"" + error + "\",log=\"error\"}", 0.0) == we;
                }, daemon);
                waitFor("Prometheus scraped " + (wa + we) + " lines read", () -> {
                    List<JsonNode> r = query("sum(wslogs_lines_read_total{instance=\"" + instance + "\"})");
                    return !r.isEmpty() && r.get(0).path("value").get(1).asDouble() >= wa + we;
                }, prometheus);
            }
            if (c == 1) Files.delete(extra); // the daemon reports it missing
        }
        waitFor("the daemon reported the deleted log missing",
                () -> scrapeDaemon().getOrDefault("wslogs_file_events_total{event=\"missing\"}", 0.0) >= 1, daemon);
    }

    @AfterAll
    void stopAll() {
        for (Process p : new Process[] {prometheus, daemon}) {
            if (p == null || !p.isAlive()) continue;
            p.destroy();
            try {
                if (!p.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) p.destroyForcibly().waitFor();
            } catch (InterruptedException e) {
                p.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void everyShippedRule_isLoadedHealthyAndEvaluatedByPrometheus() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        for (JsonNode r : Artefacts.rules(Artefacts.dir().resolve("wslogs-alerts.yml"))) {
            expected.put(r.has("alert") ? r.path("alert").asText() : r.path("record").asText(), r.has("alert") ? "alerting" : "recording");
        }
        waitFor("every rule evaluated without error", () -> {
            Map<String, String> seen = new HashMap<>();
            for (JsonNode g : api("/api/v1/rules").path("data").path("groups")) {
                for (JsonNode r : g.path("rules")) {
                    boolean ok = "ok".equals(r.path("health").asText()) && r.path("lastError").asText("").isEmpty()
                            && !r.path("lastEvaluation").asText().startsWith("0001");
                    if (ok) seen.put(r.path("name").asText(), r.path("type").asText());
                }
            }
            return seen.equals(expected);
        }, prometheus);
    }

    @Test
    void everyRecordingRule_returnsDataForTheDaemon() throws Exception {
        for (JsonNode r : Artefacts.recordings(Artefacts.dir().resolve("wslogs-alerts.yml"))) {
            String name = r.path("record").asText();
            waitFor(name + " has a sample for " + instance, () -> !query(name + "{instance=\"" + instance + "\"}").isEmpty(), prometheus);
            assertThat(query(r.path("expr").asText())).as("the expression of " + name).isNotEmpty();
        }
    }

    @Test
    void expectedAlerts_fireAndNoOther() throws Exception {
        waitFor("alerts " + EXPECTED_ALERTS + " firing", () -> firing().containsAll(EXPECTED_ALERTS), prometheus);
        assertThat(activeAlerts()).as("alerts pending or firing").isEqualTo(new TreeSet<>(EXPECTED_ALERTS));
        // and every alert's expression agrees: data exactly for the alerts that fire
        for (JsonNode a : Artefacts.alerts(Artefacts.dir().resolve("wslogs-alerts.yml"))) {
            String name = a.path("alert").asText();
            List<JsonNode> r = query(a.path("expr").asText());
            if (EXPECTED_ALERTS.contains(name)) {
                assertThat(r).as(name + " expression returns the firing series").isNotEmpty();
            } else {
                assertThat(r).as(name + " expression returns nothing").isEmpty();
            }
        }
        // the labels and annotations reach Prometheus rendered
        for (JsonNode al : api("/api/v1/alerts").path("data").path("alerts")) {
            String name = al.path("labels").path("alertname").asText();
            assertThat(al.path("annotations").path("summary").asText()).as(name).isNotBlank().doesNotContain("{{");
            assertThat(al.path("annotations").path("description").asText()).as(name).isNotBlank().doesNotContain("{{");
            if (!name.equals("WslogsDown")) {
                assertThat(al.path("labels").path("instance").asText()).as(name + " instance").isEqualTo(instance);
                assertThat(al.path("labels").path("server").asText()).as(name + " server").isEqualTo(SERVER);
            }
        }
    }

    @Test
    void everyDashboardQuery_returnsDataFromPrometheus() throws Exception {
        Map<String, String> vars = Map.of("instance", instance, "server", SERVER, "datasource", "prometheus",
                "__rate_interval", "1m", "__interval", "15s", "__range", "10m", "__range_s", "600", "__range_ms", "600000");
        int checked = 0;
        for (Path d : Artefacts.dashboards()) {
            for (Artefacts.Target t : Artefacts.targets(d)) {
                String promql = Artefacts.substitute(t.expr(), vars);
                assertThat(query(promql)).as(t + " instant query: " + promql).isNotEmpty();
                if (!t.instant()) {
                    long now = Instant.now().getEpochSecond();
                    JsonNode r = api("/api/v1/query_range?query=" + enc(promql) + "&start=" + (now - 60) + "&end=" + now + "&step=5");
                    assertThat(r.path("status").asText()).as(t + " range query: " + r).isEqualTo("success");
                    assertThat(r.path("data").path("result")).as(t + " range query: " + promql).isNotEmpty();
                }
                checked++;
            }
        }
        assertThat(checked).isGreaterThanOrEqualTo(20);
    }

    @Test
    void dashboardVariables_listTheServerAndTheInstance() throws Exception {
        for (Path d : Artefacts.dashboards()) {
            for (JsonNode v : Artefacts.read(d).path("templating").path("list")) {
                if (!"query".equals(v.path("type").asText())) continue;
                Matcher m = Pattern.compile("label_values\\((.+), (\\w+)\\)").matcher(v.path("query").asText());
                assertThat(m.matches()).as(v.path("query").asText()).isTrue();
                String match = Artefacts.substitute(m.group(1), Map.of("server", SERVER, "instance", instance));
                JsonNode r = api("/api/v1/label/" + m.group(2) + "/values?match[]=" + enc(match));
                List<String> values = new ArrayList<>();
                r.path("data").forEach(x -> values.add(x.asText()));
                assertThat(values).as(d + " $" + v.path("name").asText()).contains(m.group(2).equals("server") ? SERVER : instance);
            }
        }
    }

    /** README "Metrics" lists what a real scrape exports, no more and no less. */
    @Test
    void readmeMetrics_matchARealScrape() throws Exception {
        Set<String> scraped = new TreeSet<>();
        for (String k : scrapeDaemon().keySet()) {
            String name = k.replaceAll("\\{.*", "");
            if (name.startsWith("wslogs_")) scraped.add(name.replaceAll("_(bucket|count|sum|max)$", ""));
        }
        String readme = Files.readString(Artefacts.repo().resolve("README.md"));
        int start = readme.indexOf("\n## Metrics\n");
        assertThat(start).as("README section \"## Metrics\"").isPositive();
        String section = readme.substring(start, readme.indexOf("\n## ", start + 1));
        Set<String> documented = new TreeSet<>();
        Matcher m = Pattern.compile("`(wslogs_[a-z_]+)").matcher(section);
        while (m.find()) documented.add(m.group(1).replaceAll("_(bucket|count|sum|max)$", ""));
        // exported only once they happen: a restart that re-finds incidents, a failing output
        Set<String> eventOnly = Set.of("wslogs_incidents_deduplicated_total", "wslogs_sink_failures_total");
        assertThat(documented).as("README Metrics").containsAll(scraped);
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(scraped);
        assertThat(missing).as("documented but not scraped").isSubsetOf(eventOnly);
        for (String jvm : List.of("jvm_memory_used_bytes", "process_cpu_usage", "process_uptime_seconds")) {
            assertThat(scrapeDaemon().keySet()).anyMatch(k -> k.startsWith(jvm));
            assertThat(section).contains(jvm);
        }
    }

    // --- Prometheus and daemon HTTP ---

    private Set<String> firing() {
        Set<String> s = new TreeSet<>();
        for (JsonNode a : api("/api/v1/alerts").path("data").path("alerts")) {
            if ("firing".equals(a.path("state").asText())) s.add(a.path("labels").path("alertname").asText());
        }
        return s;
    }

    private Set<String> activeAlerts() {
        Set<String> s = new TreeSet<>();
        for (JsonNode a : api("/api/v1/alerts").path("data").path("alerts")) s.add(a.path("labels").path("alertname").asText());
        return s;
    }

    private List<JsonNode> query(String promql) {
        JsonNode r = api("/api/v1/query?query=" + enc(promql));
        assertThat(r.path("status").asText()).as("Prometheus accepts: " + promql + " -> " + r).isEqualTo("success");
        List<JsonNode> out = new ArrayList<>();
        JsonNode result = r.path("data").path("result");
        if ("scalar".equals(r.path("data").path("resultType").asText())) {
            out.add(result);
        } else {
            result.forEach(out::add);
        }
        return out;
    }

    private JsonNode api(String pathAndQuery) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + promPort + pathAndQuery))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return Artefacts.JSON.readTree(r.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(int port, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The daemon's own exposition: "name{labels}" to value. */
    private Map<String, Double> scrapeDaemon() {
        try {
            String body = http.send(HttpRequest.newBuilder(URI.create("http://" + instance + "/metrics")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Map<String, Double> m = new HashMap<>();
            for (String l : body.split("\n")) {
                if (l.isBlank() || l.startsWith("#")) continue;
                int sp = l.lastIndexOf(' ');
                m.put(l.substring(0, sp), Double.parseDouble(l.substring(sp + 1)));
            }
            return m;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** Polls a condition until it holds; fails at the deadline, or at once if the process died. */
    private void waitFor(String what, Supplier<Boolean> condition, Process process) throws InterruptedException {
        Instant end = Instant.now().plus(DEADLINE);
        AssertionError last = null;
        while (Instant.now().isBefore(end)) {
            assertThat(process.isAlive()).as(what + ": the process exited; see " + dir).isTrue();
            try {
                if (condition.get()) return;
                last = null;
            } catch (AssertionError | RuntimeException e) {
                last = new AssertionError(e.getMessage(), e);
            }
            java.util.concurrent.locks.LockSupport.parkNanos(100_000_000L); // poll interval of a deadline-bounded wait
        }
        throw new AssertionError("not within " + DEADLINE.toSeconds() + " s: " + what + " (logs in " + dir + ")", last);
    }

    // --- the sample logs, moved in time and cut in chunks ---

    private static final Pattern ACCESS_TIME = Pattern.compile("\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}) ");
    private static final Pattern ERROR_TIME = Pattern.compile("^(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}) ");
    private static final DateTimeFormatter A = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter E = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);

    record Chunk(List<String> access, List<String> error) {}

    /** Lines as bytes read as ISO-8859-1, so that the raw bytes nginx logged (not UTF-8) come back unchanged. */
    private static List<String> lines(Path p) throws IOException {
        return Files.readAllLines(p, StandardCharsets.ISO_8859_1);
    }

    private static void append(Path p, List<String> lines) throws IOException {
        if (lines.isEmpty()) return;
        Files.writeString(p, String.join("\n", lines) + "\n", StandardCharsets.ISO_8859_1, StandardOpenOption.APPEND);
    }

    private static Matcher timeOf(String line, Pattern p) {
        Matcher m = p.matcher(line);
        return m.find() ? m : null;
    }

    private static List<String> shift(List<String> lines, Pattern p, DateTimeFormatter f, long seconds) {
        List<String> out = new ArrayList<>();
        for (String l : lines) {
            Matcher m = timeOf(l, p);
            out.add(m == null ? l : l.substring(0, m.start(1)) + LocalDateTime.parse(m.group(1), f).plusSeconds(seconds).format(f) + l.substring(m.end(1)));
        }
        return out;
    }

    /** Chunks as nginx wrote them: the error lines of a span of seconds with its access lines (errors first). */
    private static List<Chunk> chunks(List<String> access, List<String> error, int accessPerChunk) {
        List<Chunk> out = new ArrayList<>();
        int ei = 0;
        LocalDateTime lastError = null;
        for (int i = 0; i < access.size(); i += accessPerChunk) {
            List<String> a = access.subList(i, Math.min(access.size(), i + accessPerChunk));
            Matcher am = timeOf(a.get(a.size() - 1), ACCESS_TIME);
            LocalDateTime until = am == null ? null : LocalDateTime.parse(am.group(1), A);
            List<String> e = new ArrayList<>();
            while (ei < error.size()) {
                Matcher em = timeOf(error.get(ei), ERROR_TIME);
                LocalDateTime t = em == null ? null : LocalDateTime.parse(em.group(1), E);
                if (t != null) lastError = t;
                if (until != null && lastError != null && lastError.isAfter(until)) break;
                e.add(error.get(ei++));
            }
            out.add(new Chunk(List.copyOf(a), e));
        }
        if (ei < error.size()) out.add(new Chunk(List.of(), List.copyOf(error.subList(ei, error.size()))));
        return out;
    }
}
