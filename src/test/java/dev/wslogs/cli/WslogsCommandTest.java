package dev.wslogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WslogsCommandTest {
    private static String stdout(int expectedCode, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isEqualTo(expectedCode);
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void help_listsEveryCommandAndTheExitCodes() {
        String help = stdout(0, "--help");
        assertThat(help).contains("analyze", "run", "incidents", "probe", "check-config", "generate-completion");
        assertThat(help).contains("0   no incident found", "1   incidents found", "2   bad usage or unreadable input");
    }

    @Test
    void generateCompletion_printsABashCompletionScript() {
        String script = stdout(0, "generate-completion");
        assertThat(script).contains("complete -F").contains("analyze").contains("--log-format");
    }

    @Test
    void noCommand_isAUsageError() {
        assertThat(Main.run()).isEqualTo(ExitCodes.USAGE);
    }
}
