package dev.wslogs.classify;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.correlate.Attempt;
import dev.wslogs.correlate.AttemptKind;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.Incident;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.KnownFormats;
import dev.wslogs.parse.TextAccessFormat;
import dev.wslogs.testing.Lines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@link Classifier#ignoresOrdinary} lets the pipeline count an ordinary line that claimed error
 * lines without building its entry: whenever it says so, {@link Classifier#accept} of that attempt
 * must emit nothing, whatever the access line holds. Checked against the real rules over every
 * error line of the samples and the public corpus, alone and in pairs, with access lines of many
 * statuses and request lines (some of which the rules' request patterns match).
 */
class IgnoresOrdinaryTest {
    private static final int[] STATUSES = {0, 200, 204, 206, 301, 302, 304, 401, 403, 404, 408, 413, 429, 444, 499, 500, 502, 503, 504};
    private static final String[] REQUESTS = {
        "GET /index.html HTTP/1.1", "GET /live/stream?x=1 HTTP/1.1", "POST /api/notify/poll HTTP/1.1", "\\x16\\x03\\x01\\x02\\x00\\x01"
    };

    private static List<ErrorEntry> errorLines() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().startsWith("error")).forEach(files::add);
        }
        try (Stream<Path> s = Files.walk(Lines.corpus())) {
            s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains("error")).forEach(files::add);
        }
        List<ErrorEntry> out = new ArrayList<>();
        for (Path f : files) out.addAll(Lines.errorEntries(f));
        // one line of each kind is enough (level and message with its numbers masked): the corpus repeats itself
        java.util.Map<String, ErrorEntry> byShape = new java.util.LinkedHashMap<>();
        for (ErrorEntry e : out) byShape.putIfAbsent(e.level() + " " + e.message().replaceAll("[0-9]+", "N") + " " + e.action(), e);
        return new ArrayList<>(byShape.values());
    }

    private static AccessEntry access(AccessFormat.Parser parser, int status, String request) {
        String line = "10.0.0.1 - - [22/Nov/2026:00:00:00 +0000] \"" + request + "\" " + (status == 0 ? "-" : Integer.toString(status))
                + " 512 \"-\" \"curl/8.5\" 0.123 " + (status == 0 ? "-" : Integer.toString(status)) + " 10.0.1.2:8080 0.122 77 1 2394 \"-\" \"close\"";
        AccessEntry e = parser.parse(new RawLine(new LinePosition("a", 1, 0), line));
        assertThat(e).as(line).isNotNull();
        return e;
    }

    @Test
    void whenItSaysIgnored_acceptEmitsNothing() throws Exception {
        RuleSet rules = RuleSet.load(null);
        TextAccessFormat extended = TextAccessFormat.of("extended", KnownFormats.EXTENDED);
        AccessFormat.Parser parser = extended.newParser();
        List<ErrorEntry> errors = errorLines();
        assertThat(errors).hasSizeGreaterThan(20);
        List<List<ErrorEntry>> groups = new ArrayList<>();
        groups.add(List.of());
        for (int i = 0; i < errors.size(); i++) {
            groups.add(List.of(errors.get(i)));
            groups.add(List.of(errors.get(i), errors.get((i * 7 + 3) % errors.size())));
        }
        int ignored = 0;
        int notIgnored = 0;
        for (int status : STATUSES) {
            for (String request : REQUESTS) {
                AccessEntry e = access(parser, status, request);
                for (List<ErrorEntry> g : groups) {
                    List<Incident> out = new ArrayList<>();
                    Classifier c = new Classifier(rules, List.of(), ZoneOffset.UTC, out::add);
                    boolean says = c.ignoresOrdinary(status, g);
                    c.accept(new Attempt(Optional.of(e), AttemptKind.OTHER, g, ""));
                    c.finish();
                    if (says) {
                        ignored++;
                        assertThat(out).as("status %d, %s, %s", status, request, g).isEmpty();
                    } else {
                        notIgnored++;
                    }
                }
            }
        }
        // both answers occur: keep-alive closes are ignored, a plain-HTTP-to-HTTPS line is not
        assertThat(ignored).isGreaterThan(500);
        assertThat(notIgnored).isPositive();
    }

    @Test
    void aLineARuleReadsOnOrdinaryTraffic_isNotIgnored() throws Exception {
        Classifier c = new Classifier(RuleSet.load(null), List.of(), ZoneOffset.UTC, i -> { });
        List<ErrorEntry> plainHttp = new ArrayList<>();
        List<ErrorEntry> keepalive = new ArrayList<>();
        for (ErrorEntry e : errorLines()) {
            if (e.raw().contains("client sent plain HTTP request to HTTPS port")) plainHttp.add(e);
            if (e.raw().contains("closed keepalive connection")) keepalive.add(e);
        }
        assertThat(plainHttp).isNotEmpty();
        assertThat(keepalive).isNotEmpty();
        assertThat(c.ignoresOrdinary(200, List.of(plainHttp.get(0)))).isFalse();
        assertThat(c.ignoresOrdinary(200, List.of(keepalive.get(0)))).isTrue();
        assertThat(c.ignoresOrdinary(200, List.of())).isTrue();
        // never for an upgrade's status or a refused session's, whatever the lines
        assertThat(c.ignoresOrdinary(101, List.of(keepalive.get(0)))).isFalse();
        assertThat(c.ignoresOrdinary(400, List.of())).isFalse();
    }
}
