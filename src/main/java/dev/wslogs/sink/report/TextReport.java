package dev.wslogs.sink.report;

import dev.wslogs.model.ParseFailure;
import dev.wslogs.pipeline.FileStats;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;

/** The report a person reads at a glance. Colour only when asked (a terminal, no --no-color). */
public final class TextReport {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx");
    private static final int BAR = 40;
    private final boolean color;
    private final PrintWriter out;

    public TextReport(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    public void render(Report r) {
        heading("wslogs — WebSocket diagnosis");
        for (FileStats f : r.files()) {
            out.printf("  %s  %s, %s: %,d lines, %,d unparsed%n", safe(f.file), f.kind.label(), safe(f.format), f.lines, f.failed);
            for (String n : f.notes) out.printf("      %s%n", safe(n));
        }
        for (String n : r.notices()) out.printf("  note: %s%n", safe(n));
        out.println();

        heading("Upgrade attempts");
        long failed = r.attempts() - r.upgraded();
        out.printf("  attempts %,d   upgraded (101) %,d   failed %s   incidents %s%n", r.attempts(), r.upgraded(),
                failed > 0 ? red(String.format("%,d", failed)) : "0",
                r.incidentsTotal() > 0 ? red(String.format("%,d", r.incidentsTotal())) : green("0"));
        if (r.pollingFailures() > 0) out.printf("  failed long-polling requests %,d%n", r.pollingFailures());
        if (!r.failedByStatus().isEmpty()) {
            StringBuilder sb = new StringBuilder("  failed by status:");
            r.failedByStatus().forEach((k, v) -> sb.append(String.format("  %03d × %,d", k, v)));
            out.println(sb);
        }
        if (r.upgraded() > 0) histogram(r);
        for (String c : r.timeoutClusters()) out.printf("  %s%n", yellow("▲ " + c));
        top("top WebSocket paths", r.topPaths());
        top("top clients", r.topClients());
        out.println();

        if (r.findings().isEmpty()) {
            heading("Findings");
            out.println(green("  no WebSocket incidents found"));
        } else {
            heading("Findings (" + r.incidentsTotal() + " incidents)");
            Map<String, java.util.List<Finding>> byCause = new java.util.LinkedHashMap<>();
            Map<String, Long> totals = new java.util.HashMap<>();
            for (Finding f : r.findings()) {
                byCause.computeIfAbsent(f.cause(), k -> new java.util.ArrayList<>()).add(f);
                totals.merge(f.cause(), f.count(), Long::sum);
            }
            java.util.List<String> causes = new java.util.ArrayList<>(byCause.keySet());
            causes.sort(java.util.Comparator.comparingLong((String c) -> -totals.get(c)).thenComparing(c -> c));
            int n = 0;
            for (String cause : causes) {
                java.util.List<Finding> groups = byCause.get(cause);
                Finding first = groups.get(0);
                double conf = groups.stream().mapToDouble(Finding::confidence).max().orElse(0);
                out.printf(Locale.ROOT, "%n  %d. %s ×%,d — %s (confidence up to %.2f)%n", ++n, bold(cause), totals.get(cause),
                        safe(first.title()), conf);
                for (Finding f : groups) {
                    String where = (f.server().isEmpty() ? "" : f.server() + " ") + (f.path().isEmpty() ? "(no request)" : f.path());
                    out.printf("     %s ×%,d   %s … %s%n", safe(where), f.count(), TIME.format(f.firstSeen()), TIME.format(f.lastSeen()));
                    for (String e : f.evidence()) out.printf("       • %s%n", safe(e));
                    out.printf("       incidents: %s%s%n", String.join(", ", f.sampleIds()), f.count() > f.sampleIds().size() ? ", …" : "");
                }
                if (!first.alternatives().isEmpty()) out.printf("     could also be: %s%n", String.join(", ", first.alternatives()));
                out.println("     fix:");
                for (String line : first.fix().strip().split("\n")) out.printf("       %s%n", dim(line));
            }
        }
        if (r.parseFailures() > 0) {
            out.println();
            heading("Unparsed lines (" + r.parseFailures() + ")");
            for (ParseFailure f : r.failureSamples()) {
                String t = f.sample().length() > 160 ? f.sample().substring(0, 160) + "…" : f.sample();
                out.printf("  %s: %s%n      %s%n", safe(f.position().toString()), safe(f.reason()), safe(t));
            }
        }
        if (!r.coverage().isEmpty()) {
            out.println();
            heading("What these logs cannot show");
            for (String c : r.coverage()) out.printf("  - %s%n", safe(c));
        }
        out.flush();
    }

    private void histogram(Report r) {
        out.println("  upgraded connection lifetimes:");
        long max = r.durationHistogram().stream().mapToLong(Map.Entry::getValue).max().orElse(1);
        for (Map.Entry<String, Long> e : r.durationHistogram()) {
            if (e.getValue() == 0) continue;
            int w = (int) Math.max(1, Math.round(BAR * (double) e.getValue() / Math.max(1, max)));
            String bar = "█".repeat(w);
            boolean spike = e.getKey().startsWith("60–") && e.getValue() * 5 >= r.upgraded();
            out.printf(Locale.ROOT, "    %-14s %8d %s%n", e.getKey(), e.getValue(), spike ? yellow(bar + " ◀ 60 s") : bar);
        }
    }

    private void top(String title, java.util.List<Map.Entry<String, Long>> rows) {
        if (rows.isEmpty()) return;
        out.printf("  %s:%n", title);
        for (Map.Entry<String, Long> e : rows.subList(0, Math.min(5, rows.size()))) {
            out.printf("    %8d  %s%n", e.getValue(), safe(e.getKey()));
        }
    }

    private void heading(String s) {
        out.println(bold(s));
    }

    private static String safe(String s) {
        return Terminal.safe(s);
    }

    private String bold(String s) {
        return color ? "\u001b[1m" + s + "\u001b[0m" : s;
    }

    private String red(String s) {
        return color ? "\u001b[31m" + s + "\u001b[0m" : s;
    }

    private String green(String s) {
        return color ? "\u001b[32m" + s + "\u001b[0m" : s;
    }

    private String yellow(String s) {
        return color ? "\u001b[33m" + s + "\u001b[0m" : s;
    }

    private String dim(String s) {
        return color ? "\u001b[2m" + s + "\u001b[0m" : s;
    }
}
