package dev.wslogs.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The daemon's budget, measured: a writer appends real nginx lines (the samples, re-stamped with the
 * current time) at a fixed rate to an access and an error log while {@code wslogs run} follows them;
 * the daemon's CPU time and peak RSS come from /proc; a reference process ({@code tail -F} on the
 * same files) is measured in the same run. Once a second the writer adds a marker failure (a 502
 * with its "connect() failed" line) and a scraper measures how long until it shows in /metrics.
 *
 * <p>A 30 s warm-up (at the same rate) precedes the measured minute.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/wslogs.jar dev.wslogs.bench.DaemonBudget
 * [lines_per_second=2000] [seconds=60]} (see scripts/bench-daemon.sh).
 */
public final class DaemonBudget {
    private static final Pattern ACCESS_TIME = Pattern.compile("\\[(\\d{2}/\\w{3}/\\d{4}:\\d{2}:\\d{2}:\\d{2}) \\+0000\\]");
    private static final Pattern ERROR_TIME = Pattern.compile("^(\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}) ");
    private static final DateTimeFormatter A = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter E = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);
    private static final Pattern MARKERS = Pattern.compile("wslogs_incidents_total\\{cause=\"backend-down\",path=\"/bench/ws\"} ([0-9.]+)");

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        Path dir = Files.createTempDirectory("wslogs-bench");
        Path access = dir.resolve("access.log");
        Path error = dir.resolve("error.log");
        Files.createFile(access);
        Files.createFile(error);
        List<String> accessLines = realisticMix(lines(Path.of("samples/access-extended.log")), Path.of("samples/labels.jsonl"));
        List<String> errorLines = lines(Path.of("samples/error-info.log"));
        int port = dev.wslogs.lab.FreePorts.next();
        List<String> cmd = new ArrayList<>(List.of("java", "-Xmx160m", "-XX:+UseSerialGC"));
        String extra = System.getenv("WSLOGS_BENCH_JVM_OPTS"); // e.g. a JFR recording for a profile
        if (extra != null && !extra.isBlank()) cmd.addAll(List.of(extra.trim().split("\\s+")));
        cmd.addAll(List.of("-jar", "target/wslogs.jar", "run", "--access-log", access.toString(), "--error-log", error.toString(),
                "--state-dir", dir.resolve("state").toString(), "--listen", "127.0.0.1:" + port, "--timezone", "UTC"));
        Process daemon = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("daemon.log").toFile()).start();
        Process tail = new ProcessBuilder("tail", "-q", "-F", access.toString(), error.toString())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        try {
            waitFor(() -> scrape(port) != null, Duration.ofSeconds(60));
            // Warm-up: the daemon runs for days; the budget is its steady state, after the JIT has compiled the hot paths.
            run(rate, WARMUP_SECONDS, access, error, accessLines, errorLines, port, null);
            // Phase 1, the budget: steady load, nobody scraping (Prometheus scrapes every 15-60 s).
            long[] cpu0 = {cpuTicks(daemon.pid()), cpuTicks(tail.pid())};
            long written = run(rate, seconds, access, error, accessLines, errorLines, port, null);
            long[] cpu1 = {cpuTicks(daemon.pid()), cpuTicks(tail.pid())};
            long rssKb = vmHwmKb(daemon.pid());
            // Phase 2, latency: the same load plus a marker failure a second, /metrics polled every 20 ms.
            List<Long> latencies = new ArrayList<>();
            run(rate, 30, access, error, accessLines, errorLines, port, latencies);
            double hz = 100.0; // USER_HZ on Linux
            double daemonCore = (cpu1[0] - cpu0[0]) / hz / seconds * 100;
            double tailCore = (cpu1[1] - cpu0[1]) / hz / seconds * 100;
            latencies.sort(null);
            System.out.printf(Locale.ROOT, "lines written            %d in %d s (%d lines/s)%n", written, seconds, written / seconds);
            System.out.printf(Locale.ROOT, "wslogs run CPU           %.2f %% of one core%n", daemonCore);
            System.out.printf(Locale.ROOT, "tail -F CPU (reference)  %.2f %% of one core  (ratio %.1fx)%n", tailCore,
                    tailCore > 0 ? daemonCore / tailCore : Double.NaN);
            System.out.printf(Locale.ROOT, "wslogs run peak RSS      %d MB (VmHWM, phase 1)%n", rssKb / 1024);
            System.out.printf(Locale.ROOT, "incident → /metrics      n=%d p50 %d ms  p99 %d ms  max %d ms%n", latencies.size(),
                    pct(latencies, 50), pct(latencies, 99), latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1));
        } finally {
            daemon.destroy();
            tail.destroy();
            daemon.waitFor();
        }
    }

    private static long run(int rate, int seconds, Path access, Path error, List<String> accessLines, List<String> errorLines, int port,
            List<Long> latencies) throws Exception {
        long start = System.nanoTime();
        long written = 0;
        int ai = 0;
        int ei = 0;
        int markers = 0;
        List<Long> markerWrites = new ArrayList<>();
        double markersSeen = latencies == null ? 0 : markers(port);
        markersBase = markersSeen;
        try (OutputStream ao = Files.newOutputStream(access, StandardOpenOption.APPEND);
             OutputStream eo = Files.newOutputStream(error, StandardOpenOption.APPEND)) {
            for (int tick = 0; tick < seconds * 10; tick++) {
                long due = start + tick * 100_000_000L;
                while (latencies == null && System.nanoTime() < due) java.util.concurrent.locks.LockSupport.parkNanos(due - System.nanoTime());
                while (latencies != null && System.nanoTime() < due) {
                    double seen = markers(port);
                    for (int k = (int) (markersSeen - markersBase); k < (int) (seen - markersBase) && k < markerWrites.size(); k++) {
                        latencies.add((System.nanoTime() - markerWrites.get(k)) / 1_000_000);
                    }
                    markersSeen = Math.max(markersSeen, seen);
                    java.util.concurrent.locks.LockSupport.parkNanos(20_000_000L);
                }
                ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
                StringBuilder as = new StringBuilder();
                StringBuilder es = new StringBuilder();
                for (int i = 0; i < rate / 10; i++) {
                    if (i % 50 == 0) {
                        es.append(restamp(errorLines.get(ei++ % errorLines.size()), ERROR_TIME, E, now)).append('\n');
                    } else {
                        as.append(restamp(accessLines.get(ai++ % accessLines.size()), ACCESS_TIME, A, now)).append('\n');
                    }
                    written++;
                }
                if (latencies != null && tick % 10 == 0) {
                    int cid = 900_000 + markers++;
                    es.append(now.format(E)).append(" [error] 4242#4242: *").append(cid).append(" connect() failed (111: Connection refused)")
                            .append(" while connecting to upstream, client: 10.9.9.9, server: bench, request: \"GET /bench/ws HTTP/1.1\", upstream: \"http://127.0.0.1:9/bench/ws\"\n");
                    as.append("10.9.9.9 - - [").append(now.format(A)).append(" +0000] \"GET /bench/ws HTTP/1.1\" 502 157 \"-\" \"bench\" 0.001 502 127.0.0.1:9 0.000 ")
                            .append(cid).append(" 1 4242 \"websocket\" \"Upgrade\"\n");
                    written += 2;
                }
                eo.write(es.toString().getBytes(StandardCharsets.ISO_8859_1));
                eo.flush();
                ao.write(as.toString().getBytes(StandardCharsets.ISO_8859_1));
                ao.flush();
                if (latencies != null && tick % 10 == 0) markerWrites.add(System.nanoTime());
            }
        }
        if (latencies == null) return written;
        double base = markersBase;
        waitFor(() -> markers(port) - base >= markerWrites.size(), Duration.ofSeconds(10));
        return written;
    }

    private static double markersBase;
    private static final int WARMUP_SECONDS = Integer.getInteger("wslogs.bench.warmup", 30);

    /**
     * A busy host's mix built from the real sample lines, by their labels: 85 % ordinary requests,
     * 12 % working WebSocket sessions, 3 % failures of every cause.
     */
    private static List<String> realisticMix(List<String> access, Path labels) throws IOException {
        List<String> plain = new ArrayList<>();
        List<String> ok = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        for (String l : Files.readAllLines(labels)) {
            var n = new com.fasterxml.jackson.databind.ObjectMapper().readTree(l);
            if (n.get("access_line").isNull()) continue;
            String line = access.get(n.get("access_line").asInt() - 1);
            switch (n.get("cause").asText()) {
                case "not-websocket" -> plain.add(line);
                case "ok" -> ok.add(line);
                default -> failed.add(line);
            }
        }
        List<String> mix = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            List<String> from = i < 85 ? plain : i < 97 ? ok : failed;
            mix.add(from.get(i % from.size()));
        }
        java.util.Collections.shuffle(mix, new java.util.Random(1));
        return mix;
    }

    private static String restamp(String line, Pattern p, DateTimeFormatter f, ZonedDateTime now) {
        Matcher m = p.matcher(line);
        return m.find() ? line.substring(0, m.start(1)) + now.format(f) + line.substring(m.end(1)) : line;
    }

    private static double markers(int port) {
        String s = scrape(port);
        if (s == null) return 0;
        Matcher m = MARKERS.matcher(s);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }

    private static String scrape(int port) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/metrics"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? r.body() : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private static long cpuTicks(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(f[11]) + Long.parseLong(f[12]) + Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }

    private static long vmHwmKb(long pid) throws IOException {
        for (String l : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (l.startsWith("VmHWM:")) return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
        return -1;
    }

    private static long pct(List<Long> sorted, int p) {
        if (sorted.isEmpty()) return -1;
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static List<String> lines(Path p) throws IOException {
        return List.of(Files.readString(p, StandardCharsets.ISO_8859_1).split("\n")).stream().filter(s -> !s.isEmpty()).toList();
    }

    private static void waitFor(java.util.function.BooleanSupplier c, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        while (!c.getAsBoolean()) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("timed out");
            java.util.concurrent.locks.LockSupport.parkNanos(50_000_000L);
        }
    }

    private DaemonBudget() {}
}
