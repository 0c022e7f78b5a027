package dev.wslogs.parse;

import dev.wslogs.model.RawLine;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Picks an access-log format from a file's first lines: JSON objects, one of the
 * {@link KnownFormats}, or a known format followed by fields we do not know (kept as "combined +
 * trailing fields"). The choice and how many sample lines it matched go into the report.
 */
public final class FormatDetector {
    public record Detection(AccessFormat format, int matched, int sampled, String note) {}

    private FormatDetector() {}

    public static Detection detect(List<RawLine> sample) {
        return detect(sample, List.of());
    }

    /** Detection that tries {@code preferred} formats (e.g. from nginx.conf) before the known ones. */
    public static Detection detect(List<RawLine> sample, List<AccessFormat> preferred) {
        List<RawLine> lines = sample.stream().filter(l -> !l.text().isBlank()).toList();
        if (lines.isEmpty()) return new Detection(KnownFormats.combined(), 0, 0, "no lines to detect from; assumed combined");
        for (AccessFormat f : preferred) {
            int n = count(f, lines);
            if (n * 10 >= lines.size() * 9) return new Detection(f, n, lines.size(), "log_format " + f.name() + " from nginx.conf");
        }
        long json = lines.stream().filter(l -> l.text().stripLeading().startsWith("{")).count();
        if (json * 2 > lines.size()) {
            Set<String> keys = new LinkedHashSet<>();
            for (RawLine l : lines) FlatJson.forEach(l.text(), (k, v) -> keys.add(k));
            JsonAccessFormat f = JsonAccessFormat.byKeyNames(keys);
            return new Detection(f, count(f, lines), lines.size(), "JSON lines, keys mapped by name");
        }
        Detection best = null;
        for (TextAccessFormat f : KnownFormats.candidates()) {
            int n = count(f, lines);
            if (best == null || n > best.matched()) best = new Detection(f, n, lines.size(), "detected");
            if (n == lines.size()) return best;
        }
        for (TextAccessFormat f : KnownFormats.candidates()) {
            TextAccessFormat t = f.withTrailing();
            int n = count(t, lines);
            if (n > best.matched()) {
                best = new Detection(t, n, lines.size(), f.name() + " followed by fields wslogs does not know (ignored)");
            }
        }
        return best;
    }

    private static int count(AccessFormat f, List<RawLine> lines) {
        AccessFormat.Parser p = f.newParser();
        int n = 0;
        for (RawLine l : lines) if (p.parse(l) != null) n++;
        return n;
    }
}
