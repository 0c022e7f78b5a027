package dev.wslogs.dashboards;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The shipped monitoring artefacts in {@code dashboards/}, found by globbing (a new dashboard or
 * rule file is tested without touching the tests), and the tools that check them.
 */
final class Artefacts {
    static final ObjectMapper JSON = new ObjectMapper();
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private Artefacts() {}

    static Path repo() {
        return Path.of(System.getProperty("wslogs.repo", ".")).toAbsolutePath().normalize();
    }

    static Path dir() {
        return repo().resolve("dashboards");
    }

    /** Grafana dashboards: {@code dashboards/*.json}. */
    static List<Path> dashboards() {
        return glob("*.json");
    }

    /** Prometheus rule files: {@code dashboards/*.yml} except the promtool tests. */
    static List<Path> ruleFiles() {
        return glob("*.yml").stream().filter(p -> !p.getFileName().toString().endsWith(".test.yml")).toList();
    }

    /** promtool unit test files: {@code dashboards/*.test.yml}. */
    static List<Path> ruleTests() {
        return glob("*.test.yml");
    }

    private static List<Path> glob(String pattern) {
        var m = dir().getFileSystem().getPathMatcher("glob:" + pattern);
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> m.matches(p.getFileName())).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(Path p) {
        try {
            return (p.toString().endsWith(".json") ? JSON : YAML).readTree(p.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(p + ": " + e.getMessage(), e);
        }
    }

    /** Every rule (recording and alerting) of a rule file, in file order. */
    static List<JsonNode> rules(Path ruleFile) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode g : read(ruleFile).path("groups")) g.path("rules").forEach(out::add);
        return out;
    }

    static List<JsonNode> alerts(Path ruleFile) {
        return rules(ruleFile).stream().filter(r -> r.has("alert")).toList();
    }

    static List<JsonNode> recordings(Path ruleFile) {
        return rules(ruleFile).stream().filter(r -> r.has("record")).toList();
    }

    /** Every non-row panel, also those nested in collapsed rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode p : dashboard.path("panels")) {
            if ("row".equals(p.path("type").asText())) {
                p.path("panels").forEach(out::add);
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** A panel target of a dashboard: where it is and its PromQL. */
    record Target(String dashboard, String panel, String refId, String expr, boolean instant) {
        @Override
        public String toString() {
            return dashboard + " / \"" + panel + "\" / " + refId;
        }
    }

    static List<Target> targets(Path dashboard) {
        List<Target> out = new ArrayList<>();
        for (JsonNode p : panels(read(dashboard))) {
            for (JsonNode t : p.path("targets")) {
                out.add(new Target(dashboard.getFileName().toString(), p.path("title").asText(), t.path("refId").asText(),
                        t.path("expr").asText(), t.path("instant").asBoolean(false) && !t.path("range").asBoolean(false)));
            }
        }
        return out;
    }

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(\\w+)(?::\\w+)?}|\\$(\\w+)|\\[\\[(\\w+)]]");

    /**
     * Grafana's template substitution for a query: {@code $name}, {@code ${name}},
     * {@code ${name:format}} and {@code [[name]]} replaced from {@code values}; an unknown variable is
     * an error (a panel would send it to Prometheus as is).
     */
    static String substitute(String expr, Map<String, String> values) {
        Matcher m = VARIABLE.matcher(expr);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
            String v = values.get(name);
            if (v == null) throw new IllegalArgumentException("unknown template variable $" + name + " in: " + expr);
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * An executable the tests need: promtool and prometheus come from Debian's {@code prometheus}
     * package, which {@code ./scripts/install-deps.sh} (run by {@code ./scripts/test.sh}) installs.
     */
    static Path tool(String name) {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin").split(":")) {
            if (d.isEmpty()) continue;
            Path p = Path.of(d, name);
            if (Files.isExecutable(p)) return p;
        }
        throw new AssertionError(name + " not found on PATH or in /usr/bin: the dashboards/ tests need a real " + name
                + ". Run ./scripts/install-deps.sh (it installs Debian's prometheus package) or ./scripts/test.sh.");
    }

    /** GitHub's anchor for a Markdown heading: lower case, punctuation dropped, spaces to hyphens. */
    static String anchor(String heading) {
        return heading.strip().toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-');
    }

    static List<String> readmeAnchors() {
        try {
            return Files.readAllLines(repo().resolve("README.md")).stream().filter(l -> l.matches("#{1,6} .*"))
                    .map(l -> anchor(l.replaceFirst("^#+ ", ""))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
