package dev.wslogs.parse;

import static dev.wslogs.testing.Lines.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.RawLine;
import dev.wslogs.source.LineSplitter;
import dev.wslogs.testing.Lines;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class FormatDetectorTest {
    @Test
    void extendedLines_detectedAsExtended() {
        List<RawLine> l = List.of(line("127.0.0.1 - - [22/Nov/2026:10:00:05 +0100] \"GET /ws HTTP/1.1\" 101 12 \"-\" \"J\" "
                + "4.512 101 127.0.0.1:8081 4.511 7 1 1234 \"websocket\" \"Upgrade\""));
        assertThat(FormatDetector.detect(l).format().name()).isEqualTo("extended");
    }

    @Test
    void jsonLines_detectedAsJson() {
        List<RawLine> l = List.of(line("{\"time_local\":\"22/Nov/2026:10:00:05 +0100\",\"status\":\"101\",\"request\":\"GET /ws HTTP/1.1\"}"));
        FormatDetector.Detection d = FormatDetector.detect(l);
        assertThat(d.format()).isInstanceOf(JsonAccessFormat.class);
        assertThat(d.matched()).isEqualTo(1);
    }

    @Test
    void unknownTrailingFields_fallBackToKnownPrefix() {
        List<RawLine> l = List.of(line("1.2.3.4 - - [01/Jan/2026:00:00:00 +0000] \"GET / HTTP/1.1\" 200 1 \"-\" \"-\" abc 12 zz"));
        FormatDetector.Detection d = FormatDetector.detect(l);
        assertThat(d.matched()).isEqualTo(1);
        assertThat(d.note()).contains("does not know");
    }

    /** Every access line nginx wrote in the public corpus parses with the detected format. */
    @ParameterizedTest
    @CsvSource({
        "elastic-beats/access/test.log, 0",
        "elastic-beats/access/test-with-host.log, 0",
        "elastic-beats/ingress_controller/test.log, 0",
        "crowdsec-hub/nginx-http-malformed/nginx_http-logs.log, 0",
        "fail2ban/nginx-bad-request, 0",
        // one hand-made line without the remote_user field, and one error-log line (parsed as such by analyze)
        "crowdsec-hub/nginx_http-logs/nginx_http-logs.log, 2",
    })
    void corpusAccessFile_parses(String file, int expectedFailures) throws IOException {
        List<RawLine> lines = read(Lines.corpus().resolve(file));
        AccessFormat f = FormatDetector.detect(lines).format();
        AccessFormat.Parser p = f.newParser();
        List<String> failed = new ArrayList<>();
        for (RawLine l : lines) if (p.parse(l) == null && !ErrorLogParser.looksLikeErrorLine(l.text())) failed.add(l.text());
        long errorLines = lines.stream().filter(l -> ErrorLogParser.looksLikeErrorLine(l.text())).count();
        assertThat(failed.size() + (int) errorLines).as("unparsed lines of %s: %s", file, failed).isEqualTo(expectedFailures);
    }

    static List<RawLine> read(Path p) throws IOException {
        List<RawLine> out = new ArrayList<>();
        try (InputStream in = Files.newInputStream(p)) {
            new LineSplitter(p.toString(), l -> {
                String t = l.text();
                if (!t.isBlank() && !t.startsWith("# ")) out.add(l);
            }).readAll(in);
        }
        return out;
    }
}
