package dev.wslogs.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.wslogs.config.Config;
import dev.wslogs.sink.journal.Journal;
import dev.wslogs.sink.report.JsonReport;
import dev.wslogs.sink.report.Terminal;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import net.openhft.chronicle.queue.ExcerptTailer;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
        name = "incidents",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = "Reads the daemon's incident journal (also while the daemon runs).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (even none)", "2:bad usage or no journal"})
public final class IncidentsCommand implements Callable<Integer> {
    enum Output { text, json, jsonl }

    @Option(names = "--state-dir", paramLabel = "DIR", description = "The daemon's state directory (default " + Config.DEFAULT_STATE_DIR + ").")
    Path stateDir = Path.of(Config.DEFAULT_STATE_DIR);

    @Option(names = "--since", paramLabel = "DURATION", description = "Only incidents newer than this, e.g. 30m, 1h, 2d (by incident time).")
    String since;

    @Option(names = "--cause", paramLabel = "CAUSE", description = "Only this cause (repeatable).")
    List<String> causes = new java.util.ArrayList<>();

    @Option(names = "--follow", description = "Keep printing new incidents as the daemon journals them (Ctrl-C to stop).")
    boolean follow;

    @Option(names = {"--output", "-O"}, paramLabel = "FORMAT", description = "text (default), json (one array) or jsonl.")
    Output output = Output.text;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Instant cutoff = null;
        if (since != null) {
            Duration d = parseDuration(since);
            if (d == null) throw new CommandLine.ParameterException(spec.commandLine(), "--since: not a duration: " + since + " (e.g. 30m, 1h, 2d)");
            cutoff = Instant.now().minus(d);
        }
        if (follow && output == Output.json) throw new CommandLine.ParameterException(spec.commandLine(), "--follow works with text or jsonl");
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Path dir = stateDir.resolve("journal");
        try (Journal j = Journal.openExisting(dir)) {
            ArrayNode all = JsonReport.MAPPER.createArrayNode();
            try (ExcerptTailer t = j.tailer()) {
                t.toStart();
                while (true) {
                    String s = t.readText();
                    if (s == null) {
                        if (!follow) break;
                        Thread.sleep(250);
                        continue;
                    }
                    JsonNode n = JsonReport.MAPPER.readTree(s);
                    if (!matches(n, cutoff)) continue;
                    switch (output) {
                        case json -> all.add(n);
                        case jsonl -> out.println(n);
                        case text -> out.println(textLine(n));
                    }
                }
            }
            if (output == Output.json) out.println(JsonReport.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(all));
        } catch (java.io.IOException e) {
            System.err.println("wslogs: " + e.getMessage());
            return ExitCodes.USAGE;
        }
        return ExitCodes.OK;
    }

    private boolean matches(JsonNode n, Instant cutoff) {
        if (!causes.isEmpty() && !causes.contains(n.path("cause").asText())) return false;
        if (cutoff != null) {
            try {
                if (OffsetDateTime.parse(n.path("time").asText()).toInstant().isBefore(cutoff)) return false;
            } catch (RuntimeException e) {
                return false;
            }
        }
        return true;
    }

    static String textLine(JsonNode n) {
        String ev = n.path("evidence").isArray() && n.path("evidence").size() > 0 ? n.path("evidence").get(0).asText() : "";
        return Terminal.safe(String.format(Locale.ROOT, "%s  %-24s %3s  %s  %s  [%s]", n.path("time").asText(), n.path("cause").asText(),
                n.path("status").asText(), n.path("request").asText(), ev, n.path("id").asText()));
    }

    static Duration parseDuration(String s) {
        var m = java.util.regex.Pattern.compile("(\\d+)\\s*(s|m|h|d|w)").matcher(s.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) return null;
        long v = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "s" -> Duration.ofSeconds(v);
            case "m" -> Duration.ofMinutes(v);
            case "h" -> Duration.ofHours(v);
            case "d" -> Duration.ofDays(v);
            default -> Duration.ofDays(7 * v);
        };
    }
}
