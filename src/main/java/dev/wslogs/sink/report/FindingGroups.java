package dev.wslogs.sink.report;

import dev.wslogs.classify.Rule;
import dev.wslogs.classify.RuleSet;
import dev.wslogs.model.Incident;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Groups incidents per cause, server and path (bounded number of groups; the rest go to "(other)"). */
final class FindingGroups {
    private static final int MAX_GROUPS = 500;
    private static final int SAMPLE_IDS = 3;
    private static final String TIMEOUT = "proxy-read-timeout";
    /** Durations kept per group for its median, and in all groups (8 bytes each): 100 k and 2 M. */
    static final int MAX_DURATIONS = 100_000;
    static final long MAX_ALL_DURATIONS = 2_000_000;
    /** Characters of distinct evidence shapes kept per group (its 50 shapes can be whole long lines). */
    static final long MAX_EVIDENCE_CHARS = 64 * 1024;
    private long durationsKept;
    private final RuleSet rules;
    private final Map<GroupKey, Group> groups = new LinkedHashMap<>();

    /**
     * How many evidence lines had one shape, and the first of them as written: an evidence line
     * seen once is printed as it is ("after 15.001 s"), the shape only stands for several.
     */
    private static final class Shape {
        final String first;
        long count = 1;

        Shape(String first) {
            this.first = first;
        }
    }

    /** server null: the overflow group of a cause (no real server can be null). */
    private record GroupKey(String cause, String server, String path) {}

    private static final class Group {
        final String cause;
        final String server;
        final String path;
        /** The "(other)" group of a cause: never the last group reused (its key is not its fields). */
        final boolean overflow;
        long count;
        OffsetDateTime first;
        OffsetDateTime last;
        double maxConfidence;
        final Map<String, Shape> evidence = new LinkedHashMap<>(); // count in place: one lookup per evidence line
        final List<String> ids = new ArrayList<>();
        final List<String> alternatives = new ArrayList<>();
        /** The first durations of the group's upgraded connections (up to {@link #MAX_DURATIONS}, and while all groups hold fewer than {@link #MAX_ALL_DURATIONS}). */
        long[] durations = new long[0];
        int kept;
        /** Every duration's count and sums (the mean and deviation, exact whatever was kept). */
        long count101;
        double sum;
        double sumSquares;
        long evidenceChars;

        void duration(long d, FindingGroups all) {
            count101++;
            sum += d;
            sumSquares += (double) d * d;
            if (kept >= MAX_DURATIONS || all.durationsKept >= MAX_ALL_DURATIONS) return;
            if (kept == durations.length) durations = java.util.Arrays.copyOf(durations, Math.max(16, Math.min(MAX_DURATIONS, 2 * kept)));
            durations[kept++] = d;
            all.durationsKept++;
        }

        Group(String cause, String server, String path, boolean overflow) {
            this.overflow = overflow;
            this.cause = cause;
            this.server = server;
            this.path = path;
        }
    }

    FindingGroups(RuleSet rules) {
        this.rules = rules;
    }

    /** The group of the last incident: a busy log's incidents come in runs of one cause on one path. */
    private Group last;

    void add(Incident i) {
        Group g = last != null && !last.overflow && last.path.equals(i.path()) && last.server.equals(i.server()) && last.cause.equals(i.cause()) ? last : null;
        if (g == null) g = group(i);
        last = g;
        g.count++;
        if (g.first == null || i.time().isBefore(g.first)) g.first = i.time();
        if (g.last == null || i.time().isAfter(g.last)) g.last = i.time();
        g.maxConfidence = Math.max(g.maxConfidence, i.confidence());
        for (String e : i.evidence()) {
            String shape = shape(e);
            Shape seen = g.evidence.get(shape);
            if (seen != null) seen.count++;
            else if (g.evidence.size() < 50 && g.evidenceChars < MAX_EVIDENCE_CHARS) {
                g.evidence.put(shape, new Shape(e));
                g.evidenceChars += shape.length() + (shape == e ? 0 : e.length()); // shape() returns e when nothing varies
            }
        }
        if (g.ids.size() < SAMPLE_IDS) g.ids.add(i.id());
        for (String a : i.alternatives()) if (!g.alternatives.contains(a)) g.alternatives.add(a);
        if (i.status() == 101 && i.durationMillis() >= 0 && g.cause.equals(TIMEOUT)) g.duration(i.durationMillis(), this);
    }

    /** The incident's group, made if new (the overflow group of its cause once there are MAX_GROUPS). */
    private Group group(Incident i) {
        GroupKey key = new GroupKey(i.cause(), i.server(), i.path());
        Group g = groups.get(key);
        if (g == null) {
            if (groups.size() >= MAX_GROUPS) {
                key = new GroupKey(i.cause(), null, "(other)");
                g = groups.computeIfAbsent(key, k -> new Group(i.cause(), "", "(other)", true));
            } else {
                g = new Group(i.cause(), i.server(), i.path(), false);
                groups.put(key, g);
            }
        }
        return g;
    }

    /**
     * Evidence with its varying numbers masked, so like evidence groups: connection numbers
     * ({@code *123 } → {@code *N }) and durations ({@code 3.215 s} → {@code N s}). The same result as
     * the regex replacements {@code \*\d+ } → {@code *N } then {@code \d+\.\d+ s} → {@code N s},
     * in one pass without a Matcher (one call per evidence line of every incident).
     */
    static String shape(String e) {
        int n = e.length();
        StringBuilder sb = null;
        int copied = 0;
        int i = 0;
        while (i < n) {
            char c = e.charAt(i);
            if (c == '*') {
                int d = digitsEnd(e, i + 1);
                if (d > i + 1 && d < n && e.charAt(d) == ' ') {
                    if (sb == null) sb = new StringBuilder(n);
                    sb.append(e, copied, i).append("*N ");
                    i = copied = d + 1;
                    continue;
                }
                i++;
            } else if (isDigit(c)) {
                // a match of \d+\.\d+ s can only start where a run of digits starts: the leftmost
                // start of a run reaches the same '.' as any later start inside it
                int d = digitsEnd(e, i);
                if (d < n && e.charAt(d) == '.') {
                    int f = digitsEnd(e, d + 1);
                    if (f > d + 1 && f + 1 < n && e.charAt(f) == ' ' && e.charAt(f + 1) == 's') {
                        if (sb == null) sb = new StringBuilder(n);
                        sb.append(e, copied, i).append("N s");
                        i = copied = f + 2;
                        continue;
                    }
                }
                i = d;
            } else {
                i++;
            }
        }
        if (sb == null) return e;
        return sb.append(e, copied, n).toString();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digitsEnd(String s, int i) {
        while (i < s.length() && isDigit(s.charAt(i))) i++;
        return i;
    }

    List<Finding> findings() {
        return findings(path -> -1L);
    }

    /** @param upgradedOnPath upgraded connections seen on a path (for "N of M"), or -1 when unknown */
    List<Finding> findings(java.util.function.ToLongFunction<String> upgradedOnPath) {
        List<Finding> out = new ArrayList<>();
        for (Group g : groups.values()) {
            Rule r = rules.get(g.cause);
            List<String> ev = new ArrayList<>();
            if (g.cause.equals(TIMEOUT) && g.kept > 0) ev.add(durationSummary(g, upgradedOnPath.applyAsLong(g.path)));
            g.evidence.entrySet().stream()
                    .sorted(Comparator.comparingLong((Map.Entry<String, Shape> e) -> -e.getValue().count))
                    .limit(3)
                    .forEach(e -> ev.add(e.getValue().count > 1 ? e.getValue().count + "× " + e.getKey() : e.getValue().first));
            out.add(new Finding(g.cause, r == null ? g.cause : r.title(), g.server, g.path, g.count, g.first, g.last, g.maxConfidence, ev,
                    r == null ? "" : r.fix(), g.alternatives, g.ids));
        }
        out.sort(Comparator.comparingLong((Finding f) -> -f.count()).thenComparing(Finding::cause).thenComparing(Finding::path));
        return out;
    }

    private static String durationSummary(Group g, long upgradedOnPath) {
        long[] d = java.util.Arrays.copyOf(g.durations, g.kept);
        java.util.Arrays.sort(d);
        long median = d[d.length / 2]; // of the durations kept: the first ones when there were more
        double mean;
        double var;
        if (g.kept == g.count101) { // all of them: two passes, as exact as doubles get
            mean = java.util.Arrays.stream(d).average().orElse(0);
            var = java.util.Arrays.stream(d).mapToDouble(x -> (x - mean) * (x - mean)).average().orElse(0);
        } else {
            mean = g.sum / g.count101;
            var = Math.max(0, g.sumSquares / g.count101 - mean * mean);
        }
        long n = g.count101;
        String of = upgradedOnPath >= n ? n + " of " + upgradedOnPath : Long.toString(n);
        double m = mean;
        return String.format(java.util.Locale.ROOT, "%s upgraded connection%s on %s ended at %.1f ± %.1f s (median %.3f s) → an idle timeout of %d s",
                of, n == 1 && upgradedOnPath <= 1 ? "" : "s", g.path, m / 1000, Math.sqrt(var) / 1000, median / 1000.0, Math.round(median / 1000.0));
    }
}
