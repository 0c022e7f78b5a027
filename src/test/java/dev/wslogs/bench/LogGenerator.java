package dev.wslogs.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A deterministic generator of realistic nginx logs for benchmarks: {@code N} access lines (the
 * same traffic in the {@code extended}, {@code combined} and {@code escape=json} formats of
 * samples/) and the matching error.log (level info), from a seed.
 *
 * <p>About 10 % of the access lines are WebSocket traffic: whole scenarios of the real-nginx lab
 * (samples/&lt;scenario&gt;/, every failure cause; half of the replays are the healthy scenario)
 * replayed again and again with fresh clients,
 * worker pids, connection numbers, upstream addresses, session ids and request tags, keeping each
 * line's offset in time within its scenario, so error lines and access lines still join on pid +
 * connection. The rest is ordinary web traffic: pages, static assets, an API, redirects, 304s,
 * 404s from scanners, a few 5xx with their error lines, browsers, bots and scripts.
 *
 * <p>Timestamps increase over one day (a busy host's daily file at 10 M lines); the same seed and
 * N give byte-identical files.
 *
 * <p>Usage: {@code java -cp target/test-classes:target/wslogs.jar dev.wslogs.bench.LogGenerator
 * --lines N --out DIR [--seed S] [--formats extended,combined,json] [--samples samples]}
 */
public final class LogGenerator {
    static final long START_MILLIS = LocalDateTime.of(2026, 11, 22, 0, 0).toInstant(ZoneOffset.UTC).toEpochMilli();
    static final long SPAN_MILLIS = 86_400_000L;
    static final double WS_SHARE = 0.10;
    /** Half the replayed scenarios are the healthy one (working sessions); the rest spread over every failure cause. */
    static final double HEALTHY_SHARE = 0.5;
    static final String HEALTHY = "healthy";
    private static final int[] PIDS = {2391, 2392, 2393, 2394};
    private static final DateTimeFormatter ERROR_TIME = DateTimeFormatter.ofPattern("yyyy/MM/dd HH:mm:ss", Locale.ROOT);
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
    private static final Pattern ERROR_HEAD = Pattern.compile("^(\\d{4}/\\d\\d/\\d\\d \\d\\d:\\d\\d:\\d\\d) \\[(\\w+)] (\\d+)#(\\d+): (?:\\*(\\d+) )?(.*)$",
            Pattern.DOTALL);
    private static final Pattern TAG = Pattern.compile("lab=[a-z-]+-\\d+");
    private static final Pattern SID = Pattern.compile("sid=[A-Za-z0-9_-]{20}");
    private static final Pattern HOST_PORT = Pattern.compile("host: \"127\\.0\\.0\\.1:\\d+\"");
    private static final Pattern SERVER_PORT = Pattern.compile("server: 127\\.0\\.0\\.1:\\d+");
    private static final Pattern UPSTREAM = Pattern.compile("127\\.0\\.0\\.1:(\\d+)");
    private static final Pattern LAB_DIR = Pattern.compile("/[^\" ]*/target/lab/[a-z-]+/");

    /** The access-log variables the three formats carry, in JSON order. */
    enum V {
        time_local, remote_addr, request, status, body_bytes_sent, http_referer, http_user_agent, request_time, upstream_status,
        upstream_addr, upstream_response_time, connection, connection_requests, pid, http_upgrade, http_connection
    }

    /** One line of a replayed scenario: an access line (values) or an error line (raw text after the header). */
    record ScenarioLine(long offsetMillis, String[] access, boolean webSocket, long pid, long conn, String level, String errorRest) {
        boolean isAccess() {
            return access != null;
        }
    }

    record Scenario(String name, List<ScenarioLine> lines, int webSocketLines) {}

    private record Due(long millis, long seq, ScenarioLine line, Emission emission) {}

    /** One replay of a scenario: its fresh identities, mapped consistently across its lines. */
    private final class Emission {
        final String client = clientAddress();
        final String site = SITES[rnd.nextInt(SITES.length)];
        final Map<String, String> tags = new HashMap<>();
        final Map<String, String> sids = new HashMap<>();
        final Map<String, String> upstreams = new HashMap<>();
        final Map<Long, Integer> pids = new HashMap<>();
        final Map<Long, Long> conns = new HashMap<>();

        String map(String s) {
            if (s.isEmpty()) return s;
            s = replaceAll(TAG, s, m -> tags.computeIfAbsent(m, k -> "r=" + token(10)));
            s = replaceAll(SID, s, m -> sids.computeIfAbsent(m, k -> "sid=" + token(20)));
            s = LAB_DIR.matcher(s).replaceAll("/srv/www/");
            s = HOST_PORT.matcher(s).replaceAll("host: \"" + site + "\"");
            s = SERVER_PORT.matcher(s).replaceAll("server: 0.0.0.0:443");
            s = replaceAll(UPSTREAM, s, m -> upstreams.computeIfAbsent(m, k -> "10.0.2." + (10 + rnd.nextInt(40)) + ":8080"));
            return s.replace("127.0.0.1", client);
        }

        int pid(long old) {
            return pids.computeIfAbsent(old, k -> PIDS[rnd.nextInt(PIDS.length)]);
        }

        long conn(long oldPid, long old) {
            int pid = pid(oldPid);
            return conns.computeIfAbsent(oldPid * 1_000_000 + old, k -> nextConnection(pid));
        }
    }

    private static final String[] SITES = {"shop.example.com", "app.example.com", "api.example.com"};
    private static final String[] BROWSERS = {
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36",
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Safari/605.1.15",
        "Mozilla/5.0 (X11; Linux x86_64; rv:132.0) Gecko/20100101 Firefox/132.0",
        "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1",
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.6778.81 Mobile Safari/537.36",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0.0.0 Safari/537.36 Edg/130.0.2849.80"};
    private static final String[] BOTS = {
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "Mozilla/5.0 (compatible; AhrefsBot/7.0; +http://ahrefs.com/robot/)",
        "curl/7.88.1", "python-requests/2.31.0", "Go-http-client/1.1", "Prometheus/2.53.0", "kube-probe/1.30"};
    private static final String[] STATIC = {"/static/js/app.%s.js", "/static/js/vendor.%s.js", "/static/css/main.%s.css",
        "/static/img/logo.%s.png", "/static/fonts/inter.%s.woff2", "/images/products/%s.jpg"};
    private static final String[] PAGES = {"/", "/products", "/products/%s", "/cart", "/checkout", "/account", "/search?q=%s",
        "/blog/%s", "/about", "/help/%s"};
    private static final String[] API = {"/api/v1/products/%s", "/api/v1/cart", "/api/v1/users/%s", "/api/v1/orders",
        "/api/v1/search?q=%s&page=2", "/api/v1/recommendations?user=%s", "/api/v2/inventory/%s", "/graphql"};
    private static final String[] SCANS = {"/wp-login.php", "/.env", "/xmlrpc.php", "/admin/config.php", "/.git/config",
        "/phpmyadmin/index.php", "/vendor/phpunit/src/Util/PHP/eval-stdin.php", "/cgi-bin/luci"};

    private final SplittableRandom rnd;
    private final List<Scenario> scenarios;
    private final double scenarioStartChance;
    private final PriorityQueue<Due> due = new PriorityQueue<>((a, b) -> a.millis != b.millis ? Long.compare(a.millis, b.millis)
            : Long.compare(a.seq, b.seq));
    private final long[] nextConn = new long[PIDS.length];
    private final long[][] keepalive = new long[PIDS.length][8];
    private final int[][] keepaliveRequests = new int[PIDS.length][8];
    private long seq;
    private long wsLines;
    private long errorLines;

    LogGenerator(long seed, List<Scenario> scenarios) {
        this.rnd = new SplittableRandom(seed);
        this.scenarios = scenarios;
        double others = scenarios.stream().filter(x -> !x.name().equals(HEALTHY)).mapToInt(Scenario::webSocketLines).average().orElse(1);
        double healthy = scenarios.stream().filter(x -> x.name().equals(HEALTHY)).mapToInt(Scenario::webSocketLines).average().orElse(others);
        double wsPerScenario = HEALTHY_SHARE * healthy + (1 - HEALTHY_SHARE) * others;
        this.scenarioStartChance = WS_SHARE / wsPerScenario;
        for (int i = 0; i < PIDS.length; i++) nextConn[i] = 1000 + rnd.nextInt(5000);
    }

    /** Writes the files; returns a one-line summary. */
    String write(long lines, Path dir, List<String> formats) throws IOException {
        Files.createDirectories(dir);
        Map<String, OutputStream> outs = new TreeMap<>();
        for (String f : formats) outs.put(f, open(dir.resolve("access-" + f + ".log")));
        try (OutputStream err = open(dir.resolve("error.log"))) {
            StringBuilder sb = new StringBuilder(1024);
            String[] v = new String[V.values().length];
            for (long i = 0; i < lines; i++) {
                long now = START_MILLIS + i * SPAN_MILLIS / lines;
                if (rnd.nextDouble() < scenarioStartChance) startScenario(now);
                String[] access = null;
                while (!due.isEmpty() && due.peek().millis <= now) {
                    Due d = due.poll();
                    if (d.line.isAccess()) {
                        access = scenarioAccess(d, v);
                        if (d.line.webSocket) wsLines++;
                        break;
                    }
                    writeError(err, sb, d.millis, d.emission.pid(d.line.pid), d.line.conn < 0 ? -1 : d.emission.conn(d.line.pid, d.line.conn),
                            d.line.level, d.emission.map(d.line.errorRest));
                }
                if (access == null) access = ordinary(now, v, err, sb);
                access[V.time_local.ordinal()] = timeLocal(now);
                for (Map.Entry<String, OutputStream> o : outs.entrySet()) {
                    sb.setLength(0);
                    render(o.getKey(), access, sb);
                    o.getValue().write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
                }
            }
        } finally {
            for (OutputStream o : outs.values()) o.close();
        }
        return String.format(Locale.ROOT, "%d access lines (%d WebSocket lines, %.1f %%), %d error lines", lines, wsLines,
                100.0 * wsLines / Math.max(1, lines), errorLines);
    }

    private static OutputStream open(Path p) throws IOException {
        return new BufferedOutputStream(Files.newOutputStream(p), 1 << 20);
    }

    private void startScenario(long now) {
        List<Scenario> failing = scenarios.stream().filter(x -> !x.name().equals(HEALTHY)).toList();
        Scenario s = rnd.nextDouble() < HEALTHY_SHARE || failing.isEmpty()
                ? scenarios.stream().filter(x -> x.name().equals(HEALTHY)).findFirst().orElse(scenarios.get(0))
                : failing.get(rnd.nextInt(failing.size()));
        Emission e = new Emission();
        for (ScenarioLine l : s.lines) due.add(new Due(now + l.offsetMillis, seq++, l, e));
    }

    private String[] scenarioAccess(Due d, String[] v) {
        String[] src = d.line.access;
        for (V f : V.values()) v[f.ordinal()] = d.emission.map(src[f.ordinal()]);
        v[V.pid.ordinal()] = Integer.toString(d.emission.pid(d.line.pid));
        v[V.connection.ordinal()] = Long.toString(d.emission.conn(d.line.pid, d.line.conn));
        return v;
    }

    private long nextConnection(int pid) {
        for (int i = 0; i < PIDS.length; i++) if (PIDS[i] == pid) return ++nextConn[i];
        throw new IllegalArgumentException("pid " + pid);
    }

    /** An ordinary request; its error lines (if any) are written at once. */
    private String[] ordinary(long now, String[] v, OutputStream err, StringBuilder sb) throws IOException {
        java.util.Arrays.fill(v, "");
        int w = rnd.nextInt(PIDS.length);
        int slot = rnd.nextInt(keepalive[w].length);
        long conn;
        int cr;
        if (keepalive[w][slot] != 0 && rnd.nextInt(10) < 6) {
            conn = keepalive[w][slot];
            cr = ++keepaliveRequests[w][slot];
        } else {
            conn = ++nextConn[w];
            cr = 1;
            keepalive[w][slot] = conn;
            keepaliveRequests[w][slot] = 1;
        }
        boolean bot = rnd.nextInt(100) < 12;
        String client = bot ? "66.249." + (64 + rnd.nextInt(16)) + "." + rnd.nextInt(256) : clientAddress();
        String ua = bot ? BOTS[rnd.nextInt(BOTS.length)] : BROWSERS[rnd.nextInt(BROWSERS.length)];
        String site = SITES[rnd.nextInt(SITES.length)];
        int kind = rnd.nextInt(100);
        String method = "GET";
        String path;
        int status;
        long bytes;
        double rt;
        boolean proxied;
        String errorLine = null;
        String errorLevel = "error";
        if (bot && kind < 40) { // scanners and probes
            path = SCANS[rnd.nextInt(SCANS.length)];
            status = 404;
            bytes = 153;
            rt = 0;
            proxied = false;
            errorLine = "open() \"/srv/www" + path + "\" failed (2: No such file or directory), client: " + client + ", server: " + site
                    + ", request: \"GET " + path + " HTTP/1.1\", host: \"" + site + "\"";
        } else if (kind < 45) {
            path = STATIC[rnd.nextInt(STATIC.length)].replace("%s", token(8).toLowerCase(Locale.ROOT));
            boolean cached = rnd.nextInt(3) == 0;
            status = cached ? 304 : 200;
            bytes = cached ? 0 : 1_000 + rnd.nextInt(400_000);
            rt = rnd.nextInt(5) / 1000.0;
            proxied = false;
        } else if (kind < 65) {
            path = PAGES[rnd.nextInt(PAGES.length)].replace("%s", token(6).toLowerCase(Locale.ROOT));
            int r = rnd.nextInt(100);
            status = r < 3 ? 301 : r < 6 ? 302 : r < 9 ? 404 : 200;
            bytes = status == 200 ? 8_000 + rnd.nextInt(90_000) : 162;
            rt = status == 200 ? 0.02 + rnd.nextInt(400) / 1000.0 : 0;
            proxied = status == 200;
        } else {
            path = API[rnd.nextInt(API.length)].replace("%s", Integer.toString(rnd.nextInt(100_000)));
            if (rnd.nextInt(4) == 0) method = rnd.nextBoolean() ? "POST" : "PUT";
            int r = rnd.nextInt(1000);
            status = r < 6 ? 502 : r < 10 ? 504 : r < 15 ? 499 : r < 40 ? 404 : r < 60 ? 401 : r < 80 ? 400 : method.equals("POST") ? 201 : 200;
            bytes = status >= 500 ? 157 : 40 + rnd.nextInt(6_000);
            rt = status == 504 ? 60.0 + rnd.nextInt(3) / 1000.0 : 0.003 + rnd.nextInt(900) / 1000.0;
            proxied = true;
            String request = "request: \"" + method + " " + path + " HTTP/1.1\", upstream: \"http://10.0.1.";
            if (status == 502) {
                errorLine = "connect() failed (111: Connection refused) while connecting to upstream, client: " + client + ", server: " + site
                        + ", " + request + (10 + rnd.nextInt(8)) + ":8080" + path + "\", host: \"" + site + "\"";
            } else if (status == 504) {
                errorLine = "upstream timed out (110: Connection timed out) while reading response header from upstream, client: " + client
                        + ", server: " + site + ", " + request + (10 + rnd.nextInt(8)) + ":8080" + path + "\", host: \"" + site + "\"";
            } else if (status == 499) {
                errorLevel = "info";
                errorLine = "epoll_wait() reported that client prematurely closed connection, so upstream connection is closed too while "
                        + "reading response header from upstream, client: " + client + ", server: " + site + ", " + request
                        + (10 + rnd.nextInt(8)) + ":8080" + path + "\", host: \"" + site + "\"";
            }
        }
        v[V.remote_addr.ordinal()] = client;
        v[V.request.ordinal()] = method + " " + path + " HTTP/" + (rnd.nextInt(10) == 0 ? "2.0" : "1.1");
        v[V.status.ordinal()] = Integer.toString(status);
        v[V.body_bytes_sent.ordinal()] = Long.toString(bytes);
        v[V.http_referer.ordinal()] = bot || rnd.nextInt(4) == 0 ? "" : "https://" + site + "/products";
        v[V.http_user_agent.ordinal()] = ua;
        v[V.request_time.ordinal()] = seconds(Math.round(rt * 1000));
        if (proxied) {
            String up = "10.0.1." + (10 + rnd.nextInt(8)) + ":8080";
            boolean answered = status != 502 && status != 504 && status != 499;
            v[V.upstream_status.ordinal()] = answered ? Integer.toString(status) : status == 499 ? "-" : Integer.toString(status);
            v[V.upstream_addr.ordinal()] = up;
            v[V.upstream_response_time.ordinal()] = answered ? seconds(Math.max(0, Math.round(rt * 1000) - 1))
                    : status == 504 ? "60.001" : "0.000";
        }
        v[V.connection.ordinal()] = Long.toString(conn);
        v[V.connection_requests.ordinal()] = Integer.toString(cr);
        v[V.pid.ordinal()] = Integer.toString(PIDS[w]);
        v[V.http_connection.ordinal()] = rnd.nextInt(5) == 0 ? "" : bot ? "close" : "keep-alive";
        if (errorLine != null) writeError(err, sb, now, PIDS[w], conn, errorLevel, errorLine);
        else if (rnd.nextInt(40) == 0) writeError(err, sb, now, PIDS[w], conn, "info", "client " + client + " closed keepalive connection");
        return v;
    }

    private void writeError(OutputStream err, StringBuilder sb, long millis, int pid, long conn, String level, String rest) throws IOException {
        sb.setLength(0);
        sb.append(errorTime(millis))
                .append(" [").append(level).append("] ").append(pid).append('#').append(pid).append(": ");
        if (conn >= 0) sb.append('*').append(conn).append(' ');
        sb.append(rest).append('\n');
        err.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        errorLines++;
    }

    /** Milliseconds as nginx prints seconds: {@code 12.345}. */
    private static String seconds(long ms) {
        String frac = Long.toString(1000 + ms % 1000).substring(1);
        return (ms / 1000) + "." + frac;
    }

    private String clientAddress() {
        int r = rnd.nextInt(10);
        if (r < 6) return "203.0." + (113 + rnd.nextInt(4)) + "." + (1 + rnd.nextInt(254));
        if (r < 9) return "198.51.100." + (1 + rnd.nextInt(254));
        return "2001:db8:" + Integer.toHexString(rnd.nextInt(0x10000)) + "::" + Integer.toHexString(1 + rnd.nextInt(0xffff));
    }

    private String token(int n) {
        String abc = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        char[] c = new char[n];
        for (int i = 0; i < n; i++) c[i] = abc.charAt(rnd.nextInt(abc.length()));
        return new String(c);
    }

    private long cachedErrorSecond = Long.MIN_VALUE;
    private String cachedErrorTime;

    private String errorTime(long millis) {
        long sec = Math.floorDiv(millis, 1000);
        if (sec != cachedErrorSecond) {
            cachedErrorSecond = sec;
            cachedErrorTime = LocalDateTime.ofEpochSecond(sec, 0, ZoneOffset.UTC).format(ERROR_TIME);
        }
        return cachedErrorTime;
    }

    private long cachedSecond = Long.MIN_VALUE;
    private String cachedTimeLocal;

    private String timeLocal(long millis) {
        long sec = Math.floorDiv(millis, 1000);
        if (sec != cachedSecond) {
            cachedSecond = sec;
            cachedTimeLocal = formatTimeLocal(millis);
        }
        return cachedTimeLocal;
    }

    private static String formatTimeLocal(long millis) {
        LocalDateTime t = LocalDateTime.ofEpochSecond(Math.floorDiv(millis, 1000), 0, ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%02d/%s/%04d:%02d:%02d:%02d +0000", t.getDayOfMonth(), MONTHS[t.getMonthValue() - 1], t.getYear(),
                t.getHour(), t.getMinute(), t.getSecond());
    }

    // ---- rendering -------------------------------------------------------------------------

    static void render(String format, String[] v, StringBuilder sb) {
        switch (format) {
            case "json" -> renderJson(v, sb);
            case "combined" -> renderCombined(v, sb);
            case "extended" -> {
                renderCombined(v, sb);
                sb.append(' ').append(text(v, V.request_time)).append(' ').append(text(v, V.upstream_status)).append(' ')
                        .append(text(v, V.upstream_addr)).append(' ').append(text(v, V.upstream_response_time)).append(' ')
                        .append(text(v, V.connection)).append(' ').append(text(v, V.connection_requests)).append(' ')
                        .append(text(v, V.pid)).append(" \"").append(text(v, V.http_upgrade)).append("\" \"")
                        .append(text(v, V.http_connection)).append('"');
            }
            default -> throw new IllegalArgumentException("format " + format + " (extended, combined, json)");
        }
        sb.append('\n');
    }

    private static void renderCombined(String[] v, StringBuilder sb) {
        sb.append(text(v, V.remote_addr)).append(" - - [").append(v[V.time_local.ordinal()]).append("] \"").append(text(v, V.request))
                .append("\" ").append(text(v, V.status)).append(' ').append(text(v, V.body_bytes_sent)).append(" \"")
                .append(text(v, V.http_referer)).append("\" \"").append(text(v, V.http_user_agent)).append('"');
    }

    private static void renderJson(String[] v, StringBuilder sb) {
        sb.append('{');
        for (V f : V.values()) {
            if (f.ordinal() > 0) sb.append(',');
            sb.append('"').append(f.name()).append("\":\"");
            jsonEscape(v[f.ordinal()], sb);
            sb.append('"');
        }
        sb.append('}');
    }

    /** nginx's default escaping: {@code "}, {@code \}, controls and bytes ≥ 0x7f as {@code \xHH}; empty as {@code -}. */
    static String text(String[] v, V f) {
        String s = v[f.ordinal()];
        if (s.isEmpty()) return "-";
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean esc = c == '"' || c == '\\' || c < 0x20 || c >= 0x7f;
            if (esc && sb == null) sb = new StringBuilder(s.length() + 16).append(s, 0, i);
            if (esc) sb.append(String.format(Locale.ROOT, "\\x%02X", c & 0xff));
            else if (sb != null) sb.append(c);
        }
        return sb == null ? s : sb.toString();
    }

    /** nginx's escape=json: {@code "} and {@code \} with a backslash, controls as {@code \\uXXXX}, other bytes raw. */
    private static void jsonEscape(String s, StringBuilder sb) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') sb.append('\\').append(c);
            else if (c < 0x20) sb.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            else sb.append(c);
        }
    }

    private interface Replacer {
        String apply(String match);
    }

    private static String replaceAll(Pattern p, String s, Replacer r) {
        Matcher m = p.matcher(s);
        if (!m.find()) return s;
        StringBuilder sb = new StringBuilder(s.length() + 16);
        int last = 0;
        do {
            sb.append(s, last, m.start()).append(r.apply(m.group()));
            last = m.end();
        } while (m.find());
        return sb.append(s, last, s.length()).toString();
    }

    // ---- scenarios from samples/ ---------------------------------------------------------------

    /** Every per-scenario directory of samples/: its JSON access log (exact values) and its info-level error log. */
    static List<Scenario> loadScenarios(Path samples) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<Scenario> out = new ArrayList<>();
        List<Path> dirs;
        try (var s = Files.list(samples)) {
            dirs = s.filter(p -> Files.isRegularFile(p.resolve("access-json.log"))).sorted().toList();
        }
        for (Path dir : dirs) {
            Map<String, String> causeByTag = new HashMap<>();
            for (String l : Files.readAllLines(dir.resolve("labels.jsonl"), StandardCharsets.UTF_8)) {
                JsonNode n = json.readTree(l);
                if (n.hasNonNull("tag")) causeByTag.put(n.get("tag").asText(), n.get("cause").asText());
            }
            List<ScenarioLine> lines = new ArrayList<>();
            int ws = 0;
            for (String l : latin1Lines(dir.resolve("access-json.log"))) {
                String[] v = new String[V.values().length];
                JsonNode n = json.readTree(l.getBytes(StandardCharsets.UTF_8));
                for (V f : V.values()) v[f.ordinal()] = n.path(f.name()).asText(""); // chars = the original bytes (read as Latin-1)
                Matcher tag = TAG.matcher(v[V.request.ordinal()]);
                String cause = tag.find() ? causeByTag.getOrDefault(tag.group(), "not-websocket") : "unlabelled";
                boolean isWs = !cause.equals("not-websocket");
                if (isWs) ws++;
                long t = parseTimeLocal(v[V.time_local.ordinal()]);
                lines.add(new ScenarioLine(t, v, isWs, Long.parseLong(v[V.pid.ordinal()]), Long.parseLong(v[V.connection.ordinal()]), null, null));
            }
            for (String l : latin1Lines(dir.resolve("error-info.log"))) {
                Matcher m = ERROR_HEAD.matcher(l);
                if (!m.matches() || m.group(2).equals("notice")) continue;
                long t = LocalDateTime.parse(m.group(1), ERROR_TIME).toInstant(ZoneOffset.UTC).toEpochMilli();
                lines.add(new ScenarioLine(t, null, false, Long.parseLong(m.group(3)), m.group(5) == null ? -1 : Long.parseLong(m.group(5)),
                        m.group(2), m.group(6)));
            }
            if (lines.isEmpty()) continue;
            // error lines first within a second (nginx writes them before the access line)
            lines.sort((a, b) -> a.offsetMillis != b.offsetMillis ? Long.compare(a.offsetMillis, b.offsetMillis)
                    : Boolean.compare(a.isAccess(), b.isAccess()));
            long first = lines.get(0).offsetMillis;
            List<ScenarioLine> rel = new ArrayList<>();
            for (ScenarioLine l : lines) rel.add(new ScenarioLine(l.offsetMillis - first, l.access, l.webSocket, l.pid, l.conn, l.level, l.errorRest));
            out.add(new Scenario(dir.getFileName().toString(), rel, ws));
        }
        if (out.isEmpty()) throw new IOException("no scenarios under " + samples + " (expected samples/<scenario>/access-json.log)");
        return out;
    }

    private static List<String> latin1Lines(Path p) throws IOException {
        String all = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        List<String> out = new ArrayList<>();
        for (String l : all.split("\n")) if (!l.isEmpty()) out.add(l);
        return out;
    }

    private static long parseTimeLocal(String s) {
        int mon = java.util.Arrays.asList(MONTHS).indexOf(s.substring(3, 6)) + 1;
        return LocalDateTime.of(Integer.parseInt(s.substring(7, 11)), mon, Integer.parseInt(s.substring(0, 2)),
                Integer.parseInt(s.substring(12, 14)), Integer.parseInt(s.substring(15, 17)), Integer.parseInt(s.substring(18, 20)))
                .toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** Writes the logs of {@code formats} into {@code dir} from the scenarios under samples/ (for tests and benchmarks of other packages). */
    public static String generate(long seed, long lines, Path dir, List<String> formats) throws IOException {
        return new LogGenerator(seed, loadScenarios(Path.of("samples"))).write(lines, dir, formats);
    }

    public static void main(String[] args) throws IOException {
        long lines = 1_000_000;
        long seed = 42;
        Path out = null;
        Path samples = Path.of("samples");
        List<String> formats = List.of("extended", "combined", "json");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--lines" -> lines = Long.parseLong(args[++i].replace("_", ""));
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--samples" -> samples = Path.of(args[++i]);
                case "--formats" -> formats = List.of(args[++i].split(","));
                default -> throw new IllegalArgumentException("unknown argument " + args[i]
                        + " (--lines N --out DIR [--seed S] [--formats extended,combined,json] [--samples DIR])");
            }
        }
        if (out == null) throw new IllegalArgumentException("--out DIR is required");
        LogGenerator g = new LogGenerator(seed, loadScenarios(samples));
        System.out.println(g.write(lines, out, formats));
    }
}
