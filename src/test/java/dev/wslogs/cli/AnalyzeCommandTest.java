package dev.wslogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AnalyzeCommandTest {
    private static final String ACC_OK = "127.0.0.1 - - [22/Nov/2026:10:00:01 +0000] \"GET /ws HTTP/1.1\" 101 12 \"-\" \"J\" 2.512 101 127.0.0.1:8081 2.511 3 1 1234 \"websocket\" \"Upgrade\"";
    private static final String ACC_502 = "127.0.0.1 - - [22/Nov/2026:10:00:05 +0000] \"GET /ws HTTP/1.1\" 502 157 \"-\" \"J\" 0.001 502 127.0.0.1:9 0.000 5 1 1234 \"websocket\" \"Upgrade\"";
    private static final String ERR_502 = "2026/11/22 10:00:05 [error] 1234#1234: *5 connect() failed (111: Connection refused) while connecting to upstream, client: 127.0.0.1, server: localhost, request: \"GET /ws HTTP/1.1\", upstream: \"http://127.0.0.1:9/ws\", host: \"h\"";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun run(String... args) throws IOException {
        return CliRun.of(dir, args);
    }

    private Path write(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, String.join("\n", lines) + "\n");
        return p;
    }

    @Test
    void incidentFound_exit1_jsonlHasTheContract() throws IOException {
        Path a = write("access.log", ACC_OK, ACC_502);
        Path e = write("error.log", ERR_502);
        CliRun r = run("analyze", "--output", "jsonl", a.toString(), e.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INCIDENTS);
        String[] lines = r.out().strip().split("\n");
        assertThat(lines).hasSize(1);
        JsonNode n = JSON.readTree(lines[0]);
        assertThat(n.get("cause").asText()).isEqualTo("backend-down");
        for (String f : List.of("id", "cause", "confidence", "time", "client", "request", "status", "duration_s", "upstream_addr",
                "upstream_status", "access", "errors", "evidence", "fix")) {
            assertThat(n.has(f)).as(f).isTrue();
        }
        assertThat(n.get("time").asText()).isEqualTo("2026-11-22T10:00:05Z");
        assertThat(n.get("access").get("line").asInt()).isEqualTo(2);
        assertThat(n.get("errors").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(n.get("duration_s").asDouble()).isEqualTo(0.001);
    }

    @Test
    void idsIndependentOfFileOrder() throws IOException {
        Path a = write("access.log", ACC_OK, ACC_502);
        Path e = write("error.log", ERR_502);
        String one = run("analyze", "--output", "jsonl", a.toString(), e.toString()).out();
        String two = run("analyze", "--output", "jsonl", e.toString(), a.toString()).out();
        assertThat(two).isEqualTo(one);
    }

    @Test
    void noIncident_exit0() throws IOException {
        CliRun r = run("analyze", write("access.log", ACC_OK).toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("no WebSocket incidents found").contains("upgraded (101) 1");
    }

    @Test
    void missingFile_exit2_oneClearMessage() throws IOException {
        CliRun r = run("analyze", dir.resolve("nope.log").toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("nope.log: no such file");
        CliRun d = run("analyze", dir.toString());
        assertThat(d.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(d.err()).contains("is a directory");
    }

    @Test
    void emptyAndBinaryFiles_noticedAndSkipped() throws IOException {
        Path empty = dir.resolve("empty.log");
        Files.createFile(empty);
        Path bin = dir.resolve("bin.log");
        Files.write(bin, new byte[] {1, 2, 0, 3, 4});
        CliRun r = run("analyze", empty.toString(), bin.toString(), write("access.log", ACC_OK).toString());
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.err()).contains("empty.log: empty").contains("bin.log: binary data");
    }

    @Test
    void unknownOption_exit2() throws IOException {
        assertThat(run("analyze", "--bogus").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void gzipRotatedSeries_readOldestFirst_unparsedLinesReportedWithFileAndLine() throws IOException {
        Path old = dir.resolve("access.log.2.gz");
        try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(old))) {
            o.write((ACC_OK + "\n").getBytes(StandardCharsets.UTF_8));
        }
        write("access.log.1", "garbage that is no log line");
        Path live = write("access.log", ACC_502);
        CliRun r = run("analyze", "--output", "json", live.toString(), dir.resolve("access.log.1").toString(), old.toString());
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.get("files").findValuesAsText("file"))
                .containsExactly(old.toString(), dir.resolve("access.log.1").toString(), live.toString());
        assertThat(n.get("summary").get("unparsed_lines").asInt()).isEqualTo(1);
        assertThat(n.get("unparsed_samples").get(0).get("line").asInt()).isEqualTo(1);
        assertThat(n.get("unparsed_samples").get(0).get("file").asText()).endsWith("access.log.1");
        assertThat(n.get("summary").get("upgraded").asInt()).isEqualTo(1);
    }

    @Test
    void controlCharactersFromLogs_neverReachTheTerminalRaw() throws IOException {
        String evil = ACC_502.replace("GET /ws HTTP/1.1", "GET /ws\u001b[2J\u0007 HTTP/1.1");
        CliRun r = run("analyze", "--no-color", write("access.log", evil).toString());
        assertThat(r.out()).doesNotContain("\u001b").doesNotContain("\u0007");
        assertThat(r.out()).contains("\\x1B[2J");
        CliRun j = run("analyze", "--output", "json", write("access2.log", evil).toString());
        assertThat(JSON.readTree(j.out()).get("incidents").get(0).get("request").asText()).contains("\u001b[2J");
    }

    @Test
    void forcedKindAndLogFormat_used() throws IOException {
        Path a = write("weird.txt", "1.2.3.4|22/Nov/2026:10:00:05 +0000|GET /ws HTTP/1.1|502|0.002");
        CliRun r = run("analyze", "--output", "jsonl", "--log-format", "$remote_addr|$time_local|$request|$status|$request_time",
                "--access", a.toString());
        assertThat(r.code()).isEqualTo(ExitCodes.INCIDENTS);
        assertThat(JSON.readTree(r.out().strip()).get("status").asInt()).isEqualTo(502);
    }

    @Test
    void nginxConf_logFormatOfTheMatchingAccessLogUsed() throws IOException {
        Path conf = write("nginx.conf",
                "events {}",
                "http {",
                "  log_format pipes '$remote_addr|$time_local|$request|$status|$request_time';",
                "  log_format other escape=json '{\"s\":\"$status\"}';",
                "  server { listen 8080; access_log /var/log/nginx/ws-access.log pipes; }",
                "}");
        Path a = write("ws-access.log", "1.2.3.4|22/Nov/2026:10:00:05 +0000|GET /ws HTTP/1.1|502|0.002");
        CliRun r = run("analyze", "--output", "json", "--nginx-conf", conf.toString(), "--access", a.toString());
        assertThat(r.code()).as(r.err()).isEqualTo(ExitCodes.INCIDENTS);
        JsonNode n = JSON.readTree(r.out());
        assertThat(n.get("files").get(0).get("format").asText()).isEqualTo("pipes");
        assertThat(n.get("files").get(0).get("notes").get(0).asText()).contains("log_format pipes");
    }

    @Test
    void nginxConf_broken_exit2_namesFileAndLine() throws IOException {
        Path conf = write("bad.conf", "http {", "  log_format x '$status';", "");
        CliRun r = run("analyze", "--nginx-conf", conf.toString(), write("access.log", ACC_OK).toString());
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("bad.conf");
    }

    @Test
    void stdin_readLikeAFile() throws IOException {
        java.io.InputStream old = System.in;
        System.setIn(new java.io.ByteArrayInputStream((ACC_502 + "\n").getBytes(StandardCharsets.UTF_8)));
        try {
            CliRun r = run("analyze", "--output", "jsonl", "-");
            assertThat(r.code()).isEqualTo(ExitCodes.INCIDENTS);
            assertThat(JSON.readTree(r.out().strip()).get("access").get("file").asText()).isEqualTo("-");
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void progressForced_drawsOnStderr_reportUnchanged() throws IOException {
        Path a = write("access.log", ACC_OK, ACC_502);
        CliRun with = run("analyze", "--progress", "-O", "jsonl", a.toString());
        CliRun without = run("analyze", "--no-progress", "-O", "jsonl", a.toString());
        assertThat(with.err()).contains("reading [").contains("%");
        assertThat(without.err()).doesNotContain("reading [");
        assertThat(with.out()).isEqualTo(without.out());
    }

    @Test
    void helpAndVersion_exit0() throws IOException {
        assertThat(Main.run("--version")).isZero();
        assertThat(Main.run("analyze", "--help")).isZero();
    }
}
