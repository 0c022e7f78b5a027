package dev.wslogs.daemon;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.wslogs.cli.Main;
import dev.wslogs.config.Config;
import dev.wslogs.sink.journal.Journal;
import dev.wslogs.sink.report.JsonReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same logs give the same incidents — same ids, same causes — replayed by {@code analyze} or
 * followed live by the daemon, written in chunks with rename+create rotations in between.
 */
class DaemonParityTest {
    @TempDir
    Path dir;

    @Test
    void followedInChunksWithRotations_sameIncidentsAsAnalyze() throws Exception {
        List<String> access = lines(Path.of("samples/access-extended.log"));
        List<String> error = lines(Path.of("samples/error-info.log"));
        Map<String, String> expected = analyze(Path.of("samples/access-extended.log"), Path.of("samples/error-info.log"));
        assertThat(expected).hasSizeGreaterThan(20);

        Path logs = Files.createDirectories(dir.resolve("logs"));
        Path a = logs.resolve("access.log");
        Path e = logs.resolve("error.log");
        Files.createFile(a);
        Files.createFile(e);
        Config c = config(a, e, dir.resolve("state"));
        TestClock clock = new TestClock();
        List<String> out = new ArrayList<>();
        try (Daemon d = new Daemon(c, out::add, clock)) {
            d.start();
            int n = 0;
            for (LogChunks.Chunk chunk : LogChunks.split(access, error, 5)) {
                append(e, chunk.error());
                append(a, chunk.access());
                if (++n % 3 == 0) { // logrotate's rename + create, then nginx reopens
                    Files.move(a, logs.resolve("access.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.move(e, logs.resolve("error.log.1"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    Files.createFile(a);
                    Files.createFile(e);
                }
                d.pollOnce();
                clock.advance(1000);
            }
            d.pollOnce();
        }
        assertSameIncidents(expected, journal(dir.resolve("state")));
    }

    static Config config(Path access, Path error, Path state) {
        return new Config(List.of(access.toString()), List.of(error.toString()), null, null, state.toString(), "127.0.0.1:0", true,
                50, 5, null, null, null, "UTC", null, null);
    }

    /** id → cause of everything in the journal; fails on a duplicate id. */
    static Map<String, String> journal(Path state) throws IOException {
        Map<String, String> got = new TreeMap<>();
        try (Journal j = Journal.openExisting(state.resolve("journal"))) {
            for (String s : j.readAll(x -> true)) {
                JsonNode n = JsonReport.MAPPER.readTree(s);
                String prev = got.put(n.get("id").asText(), n.get("cause").asText());
                assertThat(prev).as("incident %s journaled twice", n.get("id").asText()).isNull();
            }
        }
        return got;
    }

    static Map<String, String> analyze(Path... files) throws IOException {
        Path out = Files.createTempFile("analyze", ".jsonl");
        List<String> args = new ArrayList<>(List.of("analyze", "-O", "jsonl", "-o", out.toString(), "--timezone", "UTC"));
        for (Path f : files) args.add(f.toString());
        Main.run(args.toArray(String[]::new));
        Map<String, String> m = new TreeMap<>();
        for (String l : Files.readAllLines(out)) {
            if (l.isBlank()) continue;
            JsonNode n = JsonReport.MAPPER.readTree(l);
            m.put(n.get("id").asText(), n.get("cause").asText());
        }
        Files.delete(out);
        return m;
    }

    /** Compares journal and analyze results, failing with a short diff (not two whole maps). */
    static void assertSameIncidents(Map<String, String> expected, Map<String, String> actual) {
        List<String> diff = new ArrayList<>();
        expected.forEach((id, cause) -> {
            String got = actual.get(id);
            if (got == null) diff.add("missing " + id + " (" + cause + ")");
            else if (!got.equals(cause)) diff.add("differs " + id + ": expected " + cause + ", journaled " + got);
        });
        actual.forEach((id, cause) -> {
            if (!expected.containsKey(id)) diff.add("extra " + id + " (" + cause + ")");
        });
        assertThat(diff).as("%d expected, %d journaled", expected.size(), actual.size()).isEmpty();
    }

    static List<String> lines(Path p) throws IOException {
        // byte-exact: the samples hold raw non-UTF-8 bytes; ISO-8859-1 round-trips them
        return List.of(Files.readString(p, StandardCharsets.ISO_8859_1).split("\n", -1)).stream().filter(s -> !s.isEmpty()).toList();
    }

    static void append(Path p, List<String> lines) throws IOException {
        if (lines.isEmpty()) return;
        StringBuilder sb = new StringBuilder();
        for (String l : lines) sb.append(l).append('\n');
        Files.writeString(p, sb, StandardCharsets.ISO_8859_1, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
