package dev.wslogs.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Logs made to fill every bounded structure of the analysis at once, for the memory bound ("peak RSS
 * under 512 MB whatever the size of the input"): not realistic traffic but the worst a real host can
 * write. At {@link #LINES_PER_SECOND} lines a second of log time, with long lines (a padded
 * User-Agent, {@code --pad} bytes; nginx logs headers of up to 8 kB), it mixes:
 *
 * <ul>
 *   <li>upgraded connections that each ended near a different whole second — each may be an idle
 *       timeout until a cluster forms, so each waits for its decision (the deferral queue);
 *   <li>socket.io session refusals (400 with a {@code sid}), each of a new session (the session queue
 *       and the session table);
 *   <li>idle timeouts at 60 s over thousands of paths (incident groups, their durations, top paths);
 *   <li>refused upgrades with their error line on the same connection (claimed error lines);
 *   <li>error lines no access line ever claims, on connections of their own, with long requests, one
 *       or a flood of them ({@code --error-flood}: the lines held for their access line);
 *   <li>a scanner: one client, hundreds of 404s a second, each with its {@code open() failed} error
 *       line (one client's list in the index of a format without {@code $connection});
 *   <li>ordinary requests, each from a new client (top clients), and lines that do not parse.
 * </ul>
 *
 * Deterministic for a seed. Either file may be a FIFO: each is written on its own thread, in log
 * time order, so a reader merging the two by time never waits on the other.
 *
 * <pre>java -cp target/test-classes:target/wslogs.jar dev.wslogs.bench.WorstCaseLogs --lines 2000000 --access A --error E [--format extended|combined] [--pad 4000] [--scanner-heavy] [--error-flood N]</pre>
 */
public final class WorstCaseLogs {
    static final int LINES_PER_SECOND = 2000;
    static final long START_MILLIS = Instant.parse("2026-11-22T00:00:00Z").toEpochMilli();
    private static final DateTimeFormatter TIME_LOCAL = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ERROR_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final String SCANNER = "192.0.2.66";

    private final long lines;
    private final boolean extended;
    private final String pad;
    private final long seed;
    /** Every line that would be ordinary traffic is the scanner's instead (a quarter of all lines). */
    boolean scannerHeavy;
    /** How many unclaimed error lines each twentieth index writes (1; 20 floods the lines held for their access line). */
    public int errorFlood = 1;
    /** After {@link #write}: the lines written to the access log and to the error log. */
    public long accessLinesWritten;
    public long errorLinesWritten;
    private final String longQuery;

    public WorstCaseLogs(long lines, boolean extended, int pad, long seed) {
        this.lines = lines;
        this.extended = extended;
        this.pad = "Mozilla/5.0 (stress) " + "x".repeat(Math.max(0, pad));
        this.seed = seed;
        this.longQuery = "q=" + "y".repeat(Math.max(0, pad));
    }

    /** Writes both files, each on its own thread (either may be a FIFO). */
    public void write(Path access, Path error) throws IOException, InterruptedException {
        IOException[] failed = new IOException[1];
        Thread errors = new Thread(() -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(error), 1 << 16)) {
                run(null, out);
            } catch (IOException e) {
                failed[0] = e;
            }
        }, "worst-case-error");
        errors.start();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(access), 1 << 16)) {
            run(out, null);
        }
        errors.join();
        if (failed[0] != null) throw failed[0];
    }

    /** One pass over the same sequence, writing the access side or the error side. */
    private void run(OutputStream access, OutputStream error) throws IOException {
        long written = 0;
        SplittableRandom rnd = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(8192);
        String lastSecond = "";
        String timeLocal = "";
        String errorTime = "";
        long deferredSeq = 0;
        for (long i = 0; i < lines; i++) {
            long now = START_MILLIS + i * 1000 / LINES_PER_SECOND;
            String sec = Long.toString(now / 1000);
            if (!sec.equals(lastSecond)) {
                lastSecond = sec;
                timeLocal = TIME_LOCAL.format(Instant.ofEpochMilli(now));
                errorTime = ERROR_TIME.format(Instant.ofEpochMilli(now));
            }
            long conn = 1_000_000 + i;
            String client = "10." + ((i >> 16) & 0xff) + "." + ((i >> 8) & 0xff) + "." + (i & 0xff);
            int kind = (int) (i % 20);
            long r = rnd.nextLong(1L << 40); // drawn on both sides alike: the two passes stay in step
            sb.setLength(0);
            if (kind <= 5) { // may be an idle timeout: waits for a cluster that never forms
                long d = (2 + (deferredSeq++ % 170_000)) * 1000 + 100 + r % 150;
                if (access != null) accessLine(sb, client, timeLocal, "GET /ws/feed?u=" + i + " HTTP/1.1", 101, d, conn, "websocket", "10.0.9.1:8080");
            } else if (kind <= 8) { // a refused session: waits for its owner
                if (access != null) {
                    accessLine(sb, client, timeLocal, "GET /socket.io/?EIO=4&transport=polling&sid=s" + Long.toHexString(r) + i + " HTTP/1.1", 400, 2,
                            conn, "-", "10.0.9." + (1 + i % 4) + ":8080");
                }
            } else if (kind <= 11) { // an idle timeout, on one of thousands of paths
                if (access != null) accessLine(sb, client, timeLocal, "GET /ws/room/" + (i % 7000) + " HTTP/1.1", 101, 60_001 + r % 40, conn, "websocket", "10.0.9.2:8080");
            } else if (kind <= 13) { // a refused upgrade and its error line
                if (access != null) accessLine(sb, client, timeLocal, "GET /ws/chat HTTP/1.1", 502, 1, conn, "websocket", "10.0.9.3:8080");
                else errorLine(sb, errorTime, conn, "connect() failed (111: Connection refused) while connecting to upstream", client, "GET /ws/chat HTTP/1.1",
                        "http://10.0.9.3:8080/ws/chat");
            } else if (kind == 14) { // error lines no access line claims (errorFlood of them, each with a long request)
                for (int k = 0; error != null && k < errorFlood; k++) {
                    errorLine(sb, errorTime, 900_000_000 + i * 100 + k, "upstream timed out (110: Connection timed out) while reading upstream",
                            "198.51.100." + (i % 250), "GET /ws/lost/" + i + "?" + longQuery + " HTTP/1.1", "http://10.0.9.4:8080/ws/lost/" + i);
                }
            } else if (kind == 15 || (scannerHeavy && kind >= 16 && kind <= 18)) { // the scanner
                String req = "GET /wp-admin/x" + (i % 997) + ".php HTTP/1.1";
                if (access != null) accessLine(sb, SCANNER, timeLocal, req, 404, 0, conn, "-", "-");
                else errorLine(sb, errorTime, conn, "open() \"/srv/www/wp-admin/x" + (i % 997) + ".php\" failed (2: No such file or directory)", SCANNER, req, null);
            } else if (kind == 19) {
                if (access != null) sb.append("garbage ").append(i).append(" \u0001 not a log line\n");
                else sb.append("not an error line either ").append(i).append('\n');
            } else if (access != null) {
                accessLine(sb, client, timeLocal, "GET /products/" + (r % 100_000) + " HTTP/1.1", 200, 12 + r % 90, conn, "-", "10.0.1.1:8080");
            }
            if (sb.length() > 0) (access != null ? access : error).write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            for (int k = 0; k < sb.length(); k++) if (sb.charAt(k) == '\n') written++;
        }
        if (access != null) accessLinesWritten = written;
        else errorLinesWritten = written;
    }

    private void accessLine(StringBuilder sb, String client, String timeLocal, String request, int status, long durationMillis, long conn,
            String upgrade, String upstream) {
        sb.append(client).append(" - - [").append(timeLocal).append("] \"").append(request).append("\" ").append(status).append(' ')
                .append(status == 101 ? 5120 : 612).append(" \"-\" \"").append(pad).append('"');
        if (extended) {
            String secs = String.format(Locale.ROOT, "%d.%03d", durationMillis / 1000, durationMillis % 1000);
            String us = upstream.equals("-") ? "-" : Integer.toString(status);
            sb.append(' ').append(secs).append(' ').append(us).append(' ').append(upstream).append(' ').append(upstream.equals("-") ? "-" : secs)
                    .append(' ').append(conn).append(" 1 ").append(2391 + conn % 2).append(" \"").append(upgrade).append("\" \"")
                    .append(upgrade.equals("-") ? "-" : "Upgrade").append('"');
        }
        sb.append('\n');
    }

    private static void errorLine(StringBuilder sb, String errorTime, long conn, String message, String client, String request, String upstream) {
        sb.append(errorTime).append(" [error] ").append(2391 + conn % 2).append('#').append(2391 + conn % 2).append(": *").append(conn).append(' ')
                .append(message).append(", client: ").append(client).append(", server: app.example.com, request: \"").append(request).append('"');
        if (upstream != null) sb.append(", upstream: \"").append(upstream).append('"');
        sb.append(", host: \"app.example.com\"\n");
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        long lines = 1_000_000;
        Path access = null;
        Path error = null;
        boolean extended = true;
        int pad = 4000;
        long seed = 7;
        boolean scannerHeavy = false;
        int errorFlood = 1;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Long.parseLong(args[++i].replace("_", ""));
                case "--access" -> access = Path.of(args[++i]);
                case "--error" -> error = Path.of(args[++i]);
                case "--format" -> extended = switch (args[++i]) {
                    case "extended" -> true;
                    case "combined" -> false;
                    default -> throw new IllegalArgumentException("--format extended|combined");
                };
                case "--pad" -> pad = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--scanner-heavy" -> scannerHeavy = true;
                case "--error-flood" -> errorFlood = Integer.parseInt(args[++i]);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (access == null || error == null) throw new IllegalArgumentException("--access FILE and --error FILE are required");
        WorstCaseLogs w = new WorstCaseLogs(lines, extended, pad, seed);
        w.scannerHeavy = scannerHeavy;
        w.errorFlood = errorFlood;
        w.write(access, error);
    }
}
