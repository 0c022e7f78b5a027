package dev.wslogs.pipeline;

import dev.wslogs.model.LinePosition;
import dev.wslogs.model.LogKind;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.ErrorLogParser;
import dev.wslogs.parse.FormatDetector;
import dev.wslogs.source.LineSplitter;
import dev.wslogs.source.LogInput;
import dev.wslogs.source.RotationOrder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Decides, before reading, what each input is: unreadable (an error), empty or binary (a notice,
 * skipped), an access log (with which format) or an error log; and groups inputs into series —
 * one per rotated family, oldest member first — in a canonical order that does not depend on the
 * command line's order.
 */
public final class InputPlanner {
    static final int SAMPLE_LINES = 64;
    private static final int SAMPLE_BYTES = 256 * 1024;

    /** What the user asked for one input. */
    public record Request(String name, Optional<LogKind> forcedKind) {}

    public record Plan(List<List<InputFile>> series, List<String> notices, List<String> errors, Optional<Integer> accessOffsetSeconds) {}

    /** Format to use for access inputs: a fixed one, or per-file choice (e.g. from nginx.conf), or detect. */
    public interface FormatChooser {
        /** A format for this input, or empty to detect it. The string is the note for the report. */
        Optional<Map.Entry<AccessFormat, String>> choose(String inputName);

        /** Formats to try first when detecting (e.g. every log_format of nginx.conf). */
        default List<AccessFormat> candidates() {
            return List.of();
        }
    }

    private InputPlanner() {}

    public static Plan plan(List<Request> requests, FormatChooser chooser) {
        List<String> notices = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        Map<String, List<InputFile>> bySeries = new TreeMap<>();
        Integer offset = null;
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (Request r : requests) {
            if (!seen.add(r.name())) continue; // named twice: read once (a pipe could not be read twice anyway)
            LogInput in = LogInput.of(r.name());
            String problem = unreadable(in);
            if (problem != null) {
                errors.add(r.name() + ": " + problem);
                continue;
            }
            List<RawLine> sample;
            try {
                sample = sample(in);
            } catch (IOException e) {
                errors.add(r.name() + ": cannot read: " + e.getMessage());
                continue;
            }
            if (sample == null) {
                notices.add(r.name() + ": binary data, not a text log; skipped");
                continue;
            }
            if (sample.stream().allMatch(l -> l.text().isBlank())) {
                notices.add(r.name() + ": empty; nothing to analyze");
                continue;
            }
            LogKind kind = r.forcedKind().orElseGet(() -> detectKind(sample));
            InputFile f;
            if (kind == LogKind.ACCESS) {
                Optional<Map.Entry<AccessFormat, String>> chosen = chooser.choose(r.name());
                if (chosen.isPresent()) {
                    f = new InputFile(in, kind, chosen.get().getKey(), chosen.get().getValue());
                } else {
                    FormatDetector.Detection d = FormatDetector.detect(sample, chooser.candidates());
                    String note = "format " + d.format().name() + " (" + d.note() + ", " + d.matched() + " of " + d.sampled() + " sample lines)";
                    f = new InputFile(in, kind, d.format(), note);
                }
                if (offset == null) offset = firstOffset(f.format(), sample);
            } else {
                f = new InputFile(in, kind, null, "");
            }
            String key = kind.label() + "\u0000" + RotationOrder.seriesKey(r.name());
            bySeries.computeIfAbsent(key, x -> new ArrayList<>()).add(f);
        }
        List<List<InputFile>> series = new ArrayList<>();
        for (List<InputFile> members : bySeries.values()) {
            Map<String, InputFile> byName = new LinkedHashMap<>();
            for (InputFile f : members) byName.putIfAbsent(f.input().name(), f);
            List<InputFile> ordered = new ArrayList<>();
            for (String n : RotationOrder.oldestFirst(new ArrayList<>(byName.keySet()))) ordered.add(byName.get(n));
            series.add(ordered);
        }
        return new Plan(series, notices, errors, Optional.ofNullable(offset));
    }

    static LogKind detectKind(List<RawLine> sample) {
        int err = 0;
        int other = 0;
        for (RawLine l : sample) {
            if (l.text().isBlank()) continue;
            if (ErrorLogParser.looksLikeErrorLine(l.text())) err++;
            else other++;
        }
        return err > other ? LogKind.ERROR : LogKind.ACCESS;
    }

    private static Integer firstOffset(AccessFormat format, List<RawLine> sample) {
        AccessFormat.Parser p = format.newParser();
        for (RawLine l : sample) {
            var e = p.parse(l);
            if (e != null && (e.logs(dev.wslogs.model.Field.TIME_LOCAL) || e.logs(dev.wslogs.model.Field.TIME_ISO8601))) {
                return e.offsetSeconds();
            }
        }
        return null;
    }

    private static String unreadable(LogInput in) {
        if (in.isStdin()) return null;
        Path p = in.path();
        if (!Files.exists(p)) return "no such file";
        if (Files.isDirectory(p)) return "is a directory, not a log file";
        if (!Files.isReadable(p)) return "permission denied";
        return null;
    }

    /** The first lines of an input, or null if it looks binary (a stream keeps what is read here for its one reading). */
    private static List<RawLine> sample(LogInput in) throws IOException {
        byte[] head = in.head(SAMPLE_BYTES);
        // nginx copies raw client bytes (even NULs) into error.log request lines, so one binary
        // line does not make a binary file: only a file mostly made of control bytes is one.
        int controls = 0;
        for (byte b : head) {
            if ((b >= 0 && b < 0x09) || (b > 0x0d && b < 0x20)) controls++;
        }
        if (head.length > 0 && controls * 5 > head.length) return null;
        List<RawLine> lines = new ArrayList<>();
        LineSplitter sp = new LineSplitter(in.name(), l -> {
            if (lines.size() < SAMPLE_LINES) lines.add(l);
        });
        sp.feed(head, 0, head.length);
        if (lines.isEmpty()) sp.finish();
        if (lines.isEmpty() && head.length == 0) lines.add(new RawLine(new LinePosition(in.name(), 1, 0), ""));
        return lines;
    }
}
