package dev.wslogs.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.sink.journal.Journal;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IncidentsCommandTest {
    @TempDir
    Path state;

    private String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream old = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            assertThat(Main.run(args)).isZero();
        } finally {
            System.setOut(old);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void journal_filteredByCauseAndTime_inEveryOutput() throws Exception {
        String recent = Instant.now().minus(10, ChronoUnit.MINUTES).toString();
        String old = Instant.now().minus(3, ChronoUnit.DAYS).toString();
        try (Journal j = Journal.open(state.resolve("journal"))) {
            j.append("{\"id\":\"a1\",\"cause\":\"backend-down\",\"time\":\"" + recent + "\",\"status\":502,\"request\":\"GET /ws HTTP/1.1\",\"evidence\":[\"e1\"]}");
            j.append("{\"id\":\"b2\",\"cause\":\"tls\",\"time\":\"" + recent + "\",\"status\":0,\"request\":\"\",\"evidence\":[\"e2\\u001b[2J\"]}");
            j.append("{\"id\":\"c3\",\"cause\":\"backend-down\",\"time\":\"" + old + "\",\"status\":502,\"request\":\"GET /ws HTTP/1.1\",\"evidence\":[]}");
        }
        assertThat(run("incidents", "--state-dir", state.toString(), "-O", "jsonl").lines()).hasSize(3);
        assertThat(run("incidents", "--state-dir", state.toString(), "-O", "jsonl", "--since", "1h").lines()).hasSize(2);
        assertThat(run("incidents", "--state-dir", state.toString(), "-O", "jsonl", "--cause", "backend-down").lines())
                .hasSize(2).allSatisfy(l -> assertThat(l).contains("backend-down"));
        String text = run("incidents", "--state-dir", state.toString(), "--cause", "tls");
        assertThat(text).contains("tls").contains("[b2]").doesNotContain("\u001b");
        assertThat(run("incidents", "--state-dir", state.toString(), "-O", "json", "--since", "1h")).startsWith("[").contains("\"a1\"");
    }

    @Test
    void missingJournal_exit2() {
        assertThat(Main.run("incidents", "--state-dir", state.resolve("nope").toString())).isEqualTo(ExitCodes.USAGE);
    }
}
