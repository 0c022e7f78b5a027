package dev.wslogs.accuracy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wslogs.cli.Main;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Runs {@code wslogs analyze} over lab runs (one directory per scenario: access-*.log, error*.log,
 * nginx.conf, labels.jsonl) and compares every labelled action with what it found. An access-line
 * label is matched with the incident on that line (none = ok); labels without an access line
 * (client TLS handshakes) are matched, per run and cause, with error-log-only incidents by count.
 */
final class LabAccuracy {
    static final List<String> FORMATS = List.of("combined", "extended", "json");
    static final List<String> ERROR_LOGS = List.of("error-info.log", "error.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private LabAccuracy() {}

    static List<Path> runs(Path root) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            return s.filter(p -> Files.isRegularFile(p.resolve("labels.jsonl"))).sorted().toList();
        }
    }

    /** Evaluates one run in one access format with one error log. */
    static Confusion evaluate(Path run, String format, String errorLog, boolean withConfig, Path tmp) throws IOException {
        Path out = Files.createTempFile(tmp, "incidents", ".jsonl");
        List<String> args = new ArrayList<>(List.of("analyze", "-O", "jsonl", "-o", out.toString(), "--progress=false"));
        if (false) args.add("");
        if (withConfig) args.addAll(List.of("--nginx-conf", run.resolve("nginx.conf").toString()));
        args.add("--access");
        args.add(run.resolve("access-" + format + ".log").toString());
        args.add("--error");
        args.add(run.resolve(errorLog).toString());
        int code = Main.run(args.toArray(String[]::new));
        if (code == 2) throw new AssertionError("analyze failed on " + run + " " + format);
        Map<Integer, String> byLine = new HashMap<>();
        Map<String, Integer> errorOnly = new HashMap<>();
        for (String l : Files.readAllLines(out)) {
            if (l.isBlank()) continue;
            JsonNode n = JSON.readTree(l);
            if (n.get("access").isNull()) errorOnly.merge(n.get("cause").asText(), 1, Integer::sum);
            else byLine.put(n.get("access").get("line").asInt(), n.get("cause").asText());
        }
        Confusion c = new Confusion();
        java.util.Set<Integer> labelled = new java.util.HashSet<>();
        for (Label lab : Label.read(run.resolve("labels.jsonl"))) {
            if (lab.accessLine() != null) {
                labelled.add(lab.accessLine());
                c.add(lab.cause(), byLine.get(lab.accessLine()));
            } else {
                int left = errorOnly.getOrDefault(lab.cause(), 0);
                if (left > 0) errorOnly.put(lab.cause(), left - 1);
                c.add(lab.cause(), left > 0 ? lab.cause() : null);
            }
        }
        // incidents on lines nobody labelled, and error-only incidents beyond the labels, are false positives
        byLine.forEach((line, cause) -> {
            if (!labelled.contains(line)) c.add(Label.NOT_WEBSOCKET, cause);
        });
        errorOnly.forEach((cause, n) -> {
            for (int i = 0; i < n; i++) c.add(Label.NOT_WEBSOCKET, cause);
        });
        return c;
    }
}
