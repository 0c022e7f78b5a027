package dev.wslogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckConfigCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private CliRun run(String... args) throws IOException {
        return CliRun.of(dir, args);
    }

    @Test
    void healthySample_exit0_sayingNoFindings() throws IOException {
        CliRun r = run("check-config", "samples/healthy/nginx.conf");
        assertThat(r.code()).isEqualTo(ExitCodes.OK);
        assertThat(r.out()).contains("No findings.").contains("location /ws");
    }

    @Test
    void brokenSample_exit1_textCitesFileLineRuleAndFix() throws IOException {
        CliRun r = run("check-config", "samples/connection-header/nginx.conf");
        assertThat(r.code()).isEqualTo(ExitCodes.INCIDENTS);
        assertThat(r.out()).contains("samples/connection-header/nginx.conf:44: warning [connection-header]")
                .contains("proxy_set_header Connection $connection_upgrade;");
    }

    @Test
    void failLevelError_ignoresWarnings() throws IOException {
        assertThat(run("check-config", "--fail-level", "error", "samples/connection-header/nginx.conf").code()).isEqualTo(ExitCodes.OK);
        assertThat(run("check-config", "--fail-level", "error", "samples/missing-upgrade-headers/nginx.conf").code())
                .isEqualTo(ExitCodes.INCIDENTS);
    }

    @Test
    void json_listsFindingsWithFileAndLine() throws IOException {
        CliRun r = run("check-config", "-O", "json", "samples/buffering/nginx.conf");
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.at("/findings/0/rule").asText()).isEqualTo("buffering");
        assertThat(root.at("/findings/0/line").asInt()).isEqualTo(42);
        assertThat(root.at("/summary/warning").asInt()).isEqualTo(1);
    }

    @Test
    void sarif_isVersion210WithRuleMetadataAndRegions() throws IOException {
        CliRun r = run("check-config", "-O", "sarif", "samples/sticky-session/nginx.conf");
        JsonNode root = JSON.readTree(r.out());
        assertThat(root.get("version").asText()).isEqualTo("2.1.0");
        assertThat(root.get("$schema").asText()).contains("sarif-2.1.0");
        JsonNode run = root.at("/runs/0");
        assertThat(run.at("/tool/driver/name").asText()).isEqualTo("wslogs");
        List<String> ruleIds = new ArrayList<>();
        run.at("/tool/driver/rules").forEach(n -> ruleIds.add(n.get("id").asText()));
        assertThat(ruleIds).containsExactlyInAnyOrder("sticky-session", "proxy-read-timeout");
        for (JsonNode res : run.get("results")) {
            assertThat(ruleIds.get(res.get("ruleIndex").asInt())).isEqualTo(res.get("ruleId").asText());
            assertThat(res.get("level").asText()).isIn("error", "warning", "note");
            assertThat(res.at("/locations/0/physicalLocation/artifactLocation/uri").asText()).isEqualTo("samples/sticky-session/nginx.conf");
            assertThat(res.at("/locations/0/physicalLocation/region/startLine").asInt()).isPositive();
        }
        assertThat(run.at("/tool/driver/rules/0/help/text").asText()).isNotBlank();
    }

    @Test
    void nginxDumpOnStdin_isRead() throws IOException {
        String dump = "# configuration file /etc/nginx/nginx.conf:\n"
                + Files.readString(Path.of("samples/proxy-read-timeout-default/nginx.conf"));
        java.io.InputStream old = System.in;
        System.setIn(new java.io.ByteArrayInputStream(dump.getBytes(StandardCharsets.UTF_8)));
        try {
            CliRun r = run("check-config", "-");
            assertThat(r.code()).isEqualTo(ExitCodes.INCIDENTS);
            assertThat(r.out()).contains("/etc/nginx/nginx.conf:").contains("[proxy-read-timeout]").contains("nginx -T dump");
        } finally {
            System.setIn(old);
        }
    }

    @Test
    void missingFile_orBadOption_exit2() throws IOException {
        assertThat(run("check-config", dir.resolve("nope.conf").toString()).code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("check-config", "--expected-idle", "soon", "samples/healthy/nginx.conf").code()).isEqualTo(ExitCodes.USAGE);
        assertThat(run("check-config", "--ws-path", "ws", "samples/healthy/nginx.conf").code()).isEqualTo(ExitCodes.USAGE);
    }
}
