package dev.wslogs.dashboards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The shipped Prometheus rules ({@code dashboards/*.yml}): accepted by {@code promtool check rules},
 * every promtool unit test ({@code dashboards/*.test.yml}) passes, every alert is tested both firing
 * and not firing, carries its summary, evidence and runbook, and every runbook exists in the repo.
 */
class DashboardRulesTest {

    @Test
    void dashboardsDirectory_shipsRulesAndTheirUnitTests() {
        assertThat(Artefacts.ruleFiles()).as("dashboards/*.yml rule files").isNotEmpty();
        assertThat(Artefacts.ruleTests()).as("dashboards/*.test.yml promtool tests").isNotEmpty();
        for (Path f : Artefacts.ruleFiles()) assertThat(Artefacts.alerts(f)).as(f + " alerts").isNotEmpty();
    }

    @Test
    void promtoolCheckRules_acceptsEveryRuleFile() throws Exception {
        for (Path f : Artefacts.ruleFiles()) {
            String out = promtool("check", "rules", f.toString());
            assertThat(out).as(f.toString()).contains("SUCCESS: " + Artefacts.rules(f).size() + " rules found");
        }
    }

    @Test
    void promtoolTestRules_everyUnitTestPasses() throws Exception {
        for (Path t : Artefacts.ruleTests()) {
            assertThat(promtool("test", "rules", t.toString())).as(t.toString()).contains("SUCCESS");
        }
    }

    @Test
    void promtoolTests_coverEveryShippedRuleFile() {
        Set<Path> covered = new TreeSet<>();
        for (Path t : Artefacts.ruleTests()) {
            for (JsonNode f : Artefacts.read(t).path("rule_files")) covered.add(t.resolveSibling(f.asText()).normalize());
        }
        assertThat(covered).containsAll(Artefacts.ruleFiles());
    }

    @Test
    void everyAlert_isUnitTestedFiringAndNotFiring() {
        var firing = new TreeMap<String, Integer>();
        var silent = new TreeMap<String, Integer>();
        for (Path t : Artefacts.ruleTests()) {
            for (JsonNode test : Artefacts.read(t).path("tests")) {
                for (JsonNode a : test.path("alert_rule_test")) {
                    (a.path("exp_alerts").isEmpty() ? silent : firing).merge(a.path("alertname").asText(), 1, Integer::sum);
                    // a firing expectation names the evidence: promtool compares the annotations exactly
                    for (JsonNode e : a.path("exp_alerts")) {
                        assertThat(e.path("exp_annotations").path("description").asText())
                                .as(a.path("alertname").asText() + " expected description").isNotBlank();
                    }
                }
            }
        }
        for (Path f : Artefacts.ruleFiles()) {
            for (JsonNode a : Artefacts.alerts(f)) {
                String name = a.path("alert").asText();
                assertThat(firing).as("unit tests where " + name + " fires").containsKey(name);
                assertThat(silent).as("unit tests where " + name + " does not fire").containsKey(name);
            }
        }
    }

    @Test
    void everyAlert_hasSeveritySummaryDescriptionAndRunbook() {
        for (Path f : Artefacts.ruleFiles()) {
            for (JsonNode a : Artefacts.alerts(f)) {
                String name = a.path("alert").asText();
                assertThat(name).matches("Wslogs[A-Z][A-Za-z]+");
                assertThat(a.path("labels").path("severity").asText()).as(name + " severity").isIn("critical", "warning", "info");
                JsonNode ann = a.path("annotations");
                assertThat(ann.path("summary").asText()).as(name + " summary").isNotBlank().doesNotContain("\n");
                assertThat(ann.path("description").asText()).as(name + " description (the evidence)").isNotBlank()
                        .containsAnyOf("$value", "$labels");
                assertThat(ann.path("runbook_url").asText()).as(name + " runbook_url").isNotBlank();
            }
        }
    }

    @Test
    void everyRunbook_pointsAtAFileOrReadmeSectionOfTheRepo() {
        List<String> anchors = Artefacts.readmeAnchors();
        for (Path f : Artefacts.ruleFiles()) {
            for (JsonNode a : Artefacts.alerts(f)) {
                String name = a.path("alert").asText();
                String url = a.path("annotations").path("runbook_url").asText();
                String file = url.contains("#") ? url.substring(0, url.indexOf('#')) : url;
                assertThat(file).as(name + " runbook is a path relative to the repository root").doesNotContain("://").doesNotStartWith("/");
                assertThat(Artefacts.repo().resolve(file)).as(name + " runbook " + url).isRegularFile();
                if (url.contains("#")) {
                    assertThat(file).as(name + ": anchors are README sections").isEqualTo("README.md");
                    assertThat(anchors).as(name + " runbook anchor of " + url).contains(url.substring(url.indexOf('#') + 1));
                }
                String cause = a.path("labels").path("cause").asText();
                if (file.startsWith("patterns/")) {
                    assertThat(Artefacts.read(Artefacts.repo().resolve(file)).path("id").asText())
                            .as(name + ": the runbook is the rule file of its cause label").isEqualTo(cause);
                }
            }
        }
    }

    @Test
    void everyCauseInPatterns_hasAnAlert() throws Exception {
        Set<String> alerted = new TreeSet<>();
        for (Path f : Artefacts.ruleFiles()) {
            for (JsonNode a : Artefacts.alerts(f)) alerted.add(a.path("labels").path("cause").asText());
        }
        List<String> causes = new ArrayList<>();
        try (Stream<Path> s = Files.list(Artefacts.repo().resolve("patterns"))) {
            s.filter(p -> p.toString().endsWith(".yml")).forEach(p -> causes.add(Artefacts.read(p).path("id").asText()));
        }
        assertThat(causes).hasSizeGreaterThan(10);
        assertThat(alerted).containsAll(causes);
    }

    @Test
    void everyAlert_isDocumentedInTheReadme() throws Exception {
        String readme = Files.readString(Artefacts.repo().resolve("README.md"));
        for (Path f : Artefacts.ruleFiles()) {
            for (JsonNode a : Artefacts.alerts(f)) assertThat(readme).as("README mentions").contains("`" + a.path("alert").asText() + "`");
            for (JsonNode r : Artefacts.recordings(f)) assertThat(readme).as("README mentions").contains("`" + r.path("record").asText() + "`");
        }
    }

    static String promtool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Artefacts.tool("promtool").toString());
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).directory(Artefacts.dir().toFile()).redirectErrorStream(true).start();
        try {
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("promtool finished").isTrue();
            assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
            return out;
        } finally {
            p.destroyForcibly();
        }
    }
}
