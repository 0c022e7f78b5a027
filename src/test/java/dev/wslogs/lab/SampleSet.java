package dev.wslogs.lab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes lab runs as the committed sample set: one directory per scenario (the run's files, copied
 * byte for byte) plus one combined set, each log merged across scenarios in time order (stable, so
 * a run's own order is kept) as if one busy server had written it. The combined labels point at the
 * merged access line. Nothing nginx wrote is altered; lines are only interleaved.
 */
public final class SampleSet {
    private static final DateTimeFormatter ACCESS_TIME = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT);
    private static final DateTimeFormatter ERROR_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);

    private SampleSet() {}

    /** One physical or logical line of a run, with its sort key. */
    private record Entry(long second, int run, int line, String text) {}

    public static void write(List<LabRun> runs, Path out) {
        try {
            Files.createDirectories(out);
            for (LabRun r : runs) {
                Path dir = Files.createDirectories(out.resolve(r.scenario()));
                for (String f : LabRun.FILES) Files.copy(r.dir().resolve(f), dir.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
            Map<String, Integer> newLine = writeAccess(runs, out);
            for (String f : List.of(LabRun.ERROR_INFO, LabRun.ERROR)) writeError(runs, f, out.resolve(f));
            List<Label> labels = new ArrayList<>();
            for (LabRun r : runs) {
                for (Label l : r.labels()) {
                    labels.add(l.accessLine() == null ? l : l.withAccessLine(newLine.get(r.scenario() + "#" + l.accessLine())));
                }
            }
            LabelsFile.write(out.resolve(LabRun.LABELS), labels);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Merges the three access logs with one permutation (line N stays the same request in all). */
    private static Map<String, Integer> writeAccess(List<LabRun> runs, Path out) throws IOException {
        List<Entry> order = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            List<String> lines = LabRun.lines(runs.get(i).accessExtended());
            for (int n = 0; n < lines.size(); n++) order.add(new Entry(accessSecond(lines.get(n)), i, n, lines.get(n)));
        }
        order.sort(Comparator.comparingLong(Entry::second).thenComparingInt(Entry::run).thenComparingInt(Entry::line));
        Map<String, Integer> newLine = new HashMap<>();
        for (int k = 0; k < order.size(); k++) newLine.put(runs.get(order.get(k).run()).scenario() + "#" + (order.get(k).line() + 1), k + 1);
        for (String f : List.of(LabRun.ACCESS_COMBINED, LabRun.ACCESS_EXTENDED, LabRun.ACCESS_JSON)) {
            List<List<String>> per = runs.stream().map(r -> LabRun.lines(r.dir().resolve(f))).toList();
            StringBuilder sb = new StringBuilder();
            for (Entry e : order) sb.append(per.get(e.run()).get(e.line())).append('\n');
            Files.writeString(out.resolve(f), sb, StandardCharsets.ISO_8859_1);
        }
        return newLine;
    }

    private static void writeError(List<LabRun> runs, String file, Path target) throws IOException {
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            long second = 0;
            int n = 0;
            for (String line : LabRun.lines(runs.get(i).dir().resolve(file))) {
                // a message with raw newlines (e.g. a binary request line) continues on lines without a timestamp
                if (ErrorLine.parse(line).isPresent()) second = errorSecond(line);
                entries.add(new Entry(second, i, n++, line));
            }
        }
        entries.sort(Comparator.comparingLong(Entry::second).thenComparingInt(Entry::run).thenComparingInt(Entry::line));
        StringBuilder sb = new StringBuilder();
        for (Entry e : entries) sb.append(e.text()).append('\n');
        Files.writeString(target, sb, StandardCharsets.ISO_8859_1);
    }

    private static long accessSecond(String line) {
        int open = line.indexOf('[');
        return OffsetDateTime.parse(line.substring(open + 1, line.indexOf(']', open)), ACCESS_TIME).toEpochSecond();
    }

    /** error.log has local time without offset; the lab's nginx runs in the JVM's zone. */
    private static long errorSecond(String line) {
        return LocalDateTime.parse(line.substring(0, 19), ERROR_TIME).atZone(java.time.ZoneId.systemDefault()).toEpochSecond();
    }
}
