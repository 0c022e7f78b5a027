package dev.wslogs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped unit passes systemd's own checks (systemd-analyze is installed by the test command). */
class SystemdUnitTest {
    @Test
    void unit_isCleanUnderSystemdAnalyzeVerify(@TempDir Path dir) throws Exception {
        Path unit = dir.resolve("wslogs.service");
        Files.copy(Path.of("systemd", "wslogs.service"), unit);
        Process p = new ProcessBuilder("systemd-analyze", "verify", unit.toString()).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("warnings from systemd-analyze").isBlank();
    }

    @Test
    void unit_hardeningAndStateAsDocumented() throws Exception {
        String u = Files.readString(Path.of("systemd", "wslogs.service"));
        assertThat(u).contains("StateDirectory=wslogs", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes",
                "ProtectHome=yes", "CapabilityBoundingSet=\n", "SupplementaryGroups=adm", "User=wslogs", "ExecReload=/bin/kill -HUP $MAINPID");
    }
}
