package dev.wslogs.accuracy;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Per-cause true/false positives and false negatives, and the table the closing note quotes. */
final class Confusion {
    final Map<String, int[]> counts = new TreeMap<>(); // cause -> {tp, fp, fn}

    void add(String expected, String predicted) {
        boolean expIncident = !expected.equals(Label.OK) && !expected.equals(Label.NOT_WEBSOCKET);
        boolean predIncident = predicted != null;
        if (expIncident && predIncident && expected.equals(predicted)) {
            row(expected)[0]++;
            return;
        }
        if (predIncident) row(predicted)[1]++;
        if (expIncident) row(expected)[2]++;
    }

    void merge(Confusion o) {
        o.counts.forEach((k, v) -> {
            int[] r = row(k);
            for (int i = 0; i < 3; i++) r[i] += v[i];
        });
    }

    int[] row(String cause) {
        return counts.computeIfAbsent(cause, k -> new int[3]);
    }

    double precision(String cause) {
        int[] r = row(cause);
        return r[0] + r[1] == 0 ? 1.0 : (double) r[0] / (r[0] + r[1]);
    }

    double recall(String cause) {
        int[] r = row(cause);
        return r[0] + r[2] == 0 ? 1.0 : (double) r[0] / (r[0] + r[2]);
    }

    String format(String title) {
        StringBuilder sb = new StringBuilder(title).append('\n');
        sb.append(String.format(Locale.ROOT, "  %-24s %4s %4s %4s %9s %7s%n", "cause", "tp", "fp", "fn", "precision", "recall"));
        counts.forEach((c, r) -> sb.append(String.format(Locale.ROOT, "  %-24s %4d %4d %4d %9.2f %7.2f%n", c, r[0], r[1], r[2],
                precision(c), recall(c))));
        return sb.toString();
    }
}
