package dev.wslogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wslogs.lab.backend.DeadPort;
import dev.wslogs.lab.backend.WsBackend;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProbeCommandTest {
    @TempDir
    Path dir;

    private int run(Path out, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "probe";
        all[1] = "-o";
        all[2] = out.toString();
        System.arraycopy(args, 0, all, 3, args.length);
        return Main.run(all);
    }

    @Test
    void workingUpgrade_exit0_jsonHasPhasesAndNoCause() throws IOException {
        Path out = dir.resolve("out.json");
        try (WsBackend ws = WsBackend.plain()) {
            int code = run(out, "-O", "json", "--echo", "ping?", "--timeout", "5s", "ws://127.0.0.1:" + ws.port() + "/ws");
            assertThat(code).isEqualTo(ExitCodes.OK);
        }
        JsonNode root = new ObjectMapper().readTree(Files.readString(out));
        assertThat(root.get("ok").asBoolean()).isTrue();
        assertThat(root.get("cause").isNull()).isTrue();
        assertThat(root.at("/probe/status").asInt()).isEqualTo(101);
        assertThat(root.at("/probe/phases/4/name").asText()).isEqualTo("echo");
    }

    @Test
    void backendAnswers101_frontRefused_isMissingUpgradeHeaders() throws IOException {
        Path out = dir.resolve("out.txt");
        try (WsBackend ws = WsBackend.plain(); var plain = new dev.wslogs.lab.backend.PlainHttpBackend()) {
            // the "front" here is a plain HTTP server standing for a proxy that drops the upgrade
            int code = run(out, "--timeout", "5", "--backend", "ws://127.0.0.1:" + ws.port(), "ws://127.0.0.1:" + plain.port() + "/ws");
            assertThat(code).isEqualTo(ExitCodes.INCIDENTS);
        }
        assertThat(Files.readString(out)).contains("cause: missing-upgrade-headers").contains("the back end answers 101, nginx answers 404");
    }

    @Test
    void refusedConnection_exit1() {
        assertThat(run(dir.resolve("o"), "ws://127.0.0.1:" + DeadPort.allocate().port() + "/ws")).isEqualTo(ExitCodes.INCIDENTS);
    }

    @Test
    void usageErrors_exit2() {
        assertThat(run(dir.resolve("o"), "ftp://127.0.0.1/ws")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(dir.resolve("o"), "-H", "NoColon", "ws://127.0.0.1/ws")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(dir.resolve("o"), "--hold", "forever", "ws://127.0.0.1/ws")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(dir.resolve("o"), "--timeout", "0", "ws://127.0.0.1/ws")).isEqualTo(ExitCodes.USAGE);
        assertThat(run(dir.resolve("o"))).isEqualTo(ExitCodes.USAGE);
    }
}
