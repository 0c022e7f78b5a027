package dev.wslogs.classify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.Incident;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.ErrorLogParser;
import dev.wslogs.parse.KnownFormats;
import dev.wslogs.parse.TextAccessFormat;
import dev.wslogs.pipeline.Event;
import dev.wslogs.pipeline.Pipeline;
import dev.wslogs.pipeline.PipelineListener;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every example of every shipped rule file classifies as the file says (globbed, so new files are covered). */
class PatternExamplesTest {
    static Stream<Arguments> examples() throws Exception {
        List<Arguments> out = new ArrayList<>();
        for (Rule r : RuleSet.readDir(Path.of("patterns"))) {
            for (int i = 0; i < r.examples().size(); i++) out.add(Arguments.of(r.id() + "#" + i, r.examples().get(i)));
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void example_classifiesAsExpected(String name, Rule.Example ex) throws Exception {
        List<Incident> found = classify(ex);
        if (ex.expect().equals("ok")) {
            assertThat(found).isEmpty();
        } else {
            assertThat(found).as(name).hasSize(1);
            assertThat(found.get(0).cause()).as(name + " evidence " + found.get(0).evidence()).isEqualTo(ex.expect());
            assertThat(found.get(0).fix()).isNotBlank();
            assertThat(found.get(0).evidence()).isNotEmpty().allSatisfy(e -> assertThat(e).doesNotContain("{"));
        }
    }

    @Test
    void everyCauseOfTheContract_hasARuleFileWithExamples() throws Exception {
        List<String> contract = List.of("missing-upgrade-headers", "connection-header", "proxy-read-timeout", "tls", "buffering",
                "message-too-large", "wrong-protocol", "sticky-session", "backend-not-websocket", "backend-down", "upstream-reset",
                "client-abort", "unknown");
        RuleSet set = RuleSet.load(null);
        for (String id : contract) {
            assertThat(set.get(id)).as(id).isNotNull();
            if (!id.equals("unknown")) assertThat(set.get(id).examples()).as(id).isNotEmpty();
        }
        assertThat(set.rules()).hasSize(contract.size());
    }

    @Test
    void brokenRuleFile_namesFileAndField(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("x.yml"), "id: x\ntitle: t\nsummary: s\nfix: f\nsignals:\n  - when: {stauts: 400}\n    confidence: 0.5\n    evidence: e\n");
        assertThatThrownBy(() -> RuleSet.load(dir)).isInstanceOf(RuleLoadException.class)
                .hasMessageContaining("x.yml").hasMessageContaining("when.stauts");
        Files.writeString(dir.resolve("x.yml"), "id: x\ntitle: t\nsummary: s\nfix: f\nsignals:\n  - when: {status: 400}\n    confidence: 2\n    evidence: e\n");
        assertThatThrownBy(() -> RuleSet.load(dir)).hasMessageContaining("x.yml").hasMessageContaining("confidence");
    }

    @Test
    void overlayRule_replacesBuiltinById(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("tls.yml"), "id: tls\ntitle: Custom TLS\nsummary: s\nfix: f\nsignals: []\n");
        RuleSet set = RuleSet.load(dir);
        assertThat(set.get("tls").title()).isEqualTo("Custom TLS");
        assertThat(set.get("backend-down")).isNotNull();
    }

    static List<Incident> classify(Rule.Example ex) throws Exception {
        List<Incident> found = new ArrayList<>();
        Pipeline p = new Pipeline(RuleSet.load(null), List.of(), List.of(60_000L), ZoneOffset.UTC, new PipelineListener() {
            @Override
            public void incident(Incident i) {
                found.add(i);
            }
        });
        List<ErrorEntry> errors = new ArrayList<>();
        ErrorLogParser ep = new ErrorLogParser(errors::add, f -> {
            throw new AssertionError("example error line does not parse: " + f);
        });
        long n = 1;
        for (String e : ex.errors()) ep.accept(new RawLine(new LinePosition("error.log", n++, 0), e));
        ep.flush();
        for (ErrorEntry e : errors) p.accept(new Event.Error(e, e.time().toInstant(ZoneOffset.UTC).toEpochMilli()));
        if (!ex.access().isEmpty()) {
            AccessEntry a = TextAccessFormat.of("extended", KnownFormats.EXTENDED).newParser()
                    .parse(new RawLine(new LinePosition("access.log", 1, 0), ex.access()));
            assertThat(a).as("example access line parses: " + ex.access()).isNotNull();
            p.accept(new Event.Access(a));
        }
        p.finish();
        return found;
    }
}
