package dev.wslogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.ErrorLevel;
import dev.wslogs.model.LinePosition;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random input (fixed seeds, so a failure reproduces): well-formed lines must round-trip
 * field by field; mutated and random lines must never throw and never lose a line.
 */
class ErrorLogFuzzTest {
    private static final ErrorLevel[] LEVELS = ErrorLevel.values();
    private static final String[] WORDS = {
        "upstream", "timed", "out", "connect()", "failed", "recv()", "client", "sent", "invalid", "header:",
        "\"/var/www/html/index.php\"", "(SSL: error:0A00010B:SSL routines::wrong version number)",
        "(20:unable to get local issuer certificate)", "excess: 1.852", "by", "zone", "\"one\",", "a,", "b:", "#12",
        "\"X-Bad\\x00...\"", "...", "PHP", "message:", "10.0.0.5", "[::1]:80", "Warning:", "(core dumped)"
    };
    private static final String[] ACTIONS = {
        "connecting to upstream", "proxying upgraded connection", "reading response header from upstream",
        "SSL handshaking to upstream", "waiting for request", "accepting new connection on 0.0.0.0:80",
        "resolving, resolver: 127.0.0.11:53", "sending to client", "keepalive"
    };
    private static final String[] ERRNO_TEXTS = {
        "Connection refused", "Connection reset by peer", "Connection timed out", "Operation timed out",
        "No such file or directory", "Broken pipe", "Too many open files"
    };
    private static final String[] CLIENTS = {"10.0.0.1", "203.0.113.77", "::1", "2001:db8::80da:af6b:8b2c", "unix:"};
    private static final String[] SERVERS = {"", "_", "ws.example.com", "0.0.0.0:443", "[::]:80", "localhost"};
    private static final String[] PREFIXES = {
        "", "", "", "host nginx[983479]: ", "Dec  9 10:00:00 host nginx[983479]: ", "host nginx[1]: host nginx: "
    };
    private static final String[] TOKENS = {
        ", client: ", ", server: ", ", request: \"", ", subrequest: \"", ", upstream: \"", ", host: \"", ", referrer: \"",
        "\"", "(", ")", " (104: ", " while ", "*", "#", ":", " ", "\r", "\n", "\\xFF", "2024/05/14 10:11:12 [", "[error] ",
        "nginx: [", "é", "\uD83D\uDE00", "\uD800", "\u0000", "0", "99999999999999999999"
    };

    static LongStream seeds() {
        return LongStream.range(0, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void wellFormedLines_roundTripEveryField(long seed) {
        Random random = new Random(seed);
        ErrorLogFeed feed = new ErrorLogFeed();
        List<ErrorEntry> expected = new ArrayList<>();
        long lineNo = 0;
        long offset = 0;
        for (int i = 0; i < 60; i++) {
            ErrorEntry want = randomEntry(random, new LinePosition(ErrorLogFeed.FILE, lineNo + 1, offset));
            expected.add(want);
            for (String physical : want.raw().split("\n", -1)) {
                feed.line(physical);
                lineNo++;
                offset += physical.length() + 1;
            }
        }
        feed.parser.flush();

        assertThat(feed.failures).isEmpty();
        assertThat(feed.entries).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(feed.entries.get(i)).isEqualTo(expected.get(i)); // every value (ErrorEntry.equals), whether kept as a part or a string
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void mutatedAndRandomLines_neverThrowAndLoseNoLine(long seed) {
        Random random = new Random(seed);
        ErrorLogFeed feed = new ErrorLogFeed();
        int fed = 0;
        for (int i = 0; i < 400; i++) {
            String text = switch (random.nextInt(6)) {
                case 0 -> randomEntry(random, new LinePosition("x", 1, 0)).raw().replace('\n', ' ');
                case 1, 2 -> mutate(random, randomEntry(random, new LinePosition("x", 1, 0)).raw().replace('\n', ' '));
                case 3 -> randomText(random, random.nextInt(80));
                case 4 -> soup(random);
                default -> randomText(random, 1500 + random.nextInt(4000));
            };
            feed.line(text);
            fed++;
        }
        feed.parser.flush();

        assertThat(feed.linesAccountedFor()).isEqualTo(fed);
        assertThat(feed.entries).allSatisfy(e -> {
            for (String value : new String[] {e.message(), e.errnoText(), e.action(), e.client(), e.server(), e.request(),
                    e.subrequest(), e.upstream(), e.host(), e.referrer()}) {
                assertThat(e.raw()).contains(value);
            }
        });
    }

    private static ErrorEntry randomEntry(Random r, LinePosition position) {
        LocalDateTime time = LocalDateTime.of(2000 + r.nextInt(30), 1 + r.nextInt(12), 1 + r.nextInt(28),
                r.nextInt(24), r.nextInt(60), r.nextInt(60));
        ErrorLevel level = LEVELS[r.nextInt(LEVELS.length)];
        long pid = 1 + r.nextInt(4_000_000);
        long tid = r.nextBoolean() ? pid : r.nextInt(3) == 0 ? 0 : Math.abs(r.nextLong() % 1_000_000_000_000L);
        long connection = r.nextInt(4) == 0 ? ErrorEntry.NO_CONNECTION : Math.abs(r.nextLong() % 100_000_000_000L);
        String message = words(r, 1 + r.nextInt(8));
        int errno = r.nextBoolean() ? 1 + r.nextInt(130) : ErrorEntry.NO_ERRNO;
        String errnoText = errno == ErrorEntry.NO_ERRNO ? "" : pick(r, ERRNO_TEXTS);
        String action = r.nextBoolean() ? pick(r, ACTIONS) : "";
        boolean trailer = !action.startsWith("resolving") && !action.startsWith("accepting") && r.nextInt(4) != 0;
        String client = trailer ? pick(r, CLIENTS) : "";
        String server = trailer ? pick(r, SERVERS) : "";
        String request = trailer && r.nextBoolean() ? "GET /ws?q=" + quoted(r) + " HTTP/1.1" : "";
        String subrequest = trailer && r.nextInt(5) == 0 ? "/auth" : "";
        String upstream = trailer && r.nextBoolean() ? "http://" + pick(r, new String[] {"127.0.0.1:8080", "unix:/run/app.sock:", "[::1]:9000", "backend"}) + "/ws" : "";
        String host = trailer && r.nextBoolean() ? "ws.example.com" + (r.nextBoolean() ? ":8443" : "") : "";
        String referrer = trailer && r.nextInt(3) == 0 ? "https://ws.example.com/" + quoted(r) : "";

        StringBuilder line = new StringBuilder(pick(r, PREFIXES));
        line.append(String.format("%04d/%02d/%02d %02d:%02d:%02d [%s] %d#%d: ", time.getYear(), time.getMonthValue(),
                time.getDayOfMonth(), time.getHour(), time.getMinute(), time.getSecond(), level.label(), pid, tid));
        if (connection != ErrorEntry.NO_CONNECTION) line.append('*').append(connection).append(' ');
        line.append(message);
        if (errno != ErrorEntry.NO_ERRNO) line.append(" (").append(errno).append(": ").append(errnoText).append(')');
        if (!action.isEmpty()) line.append(" while ").append(action);
        if (trailer) line.append(", client: ").append(client).append(", server: ").append(server);
        appendQuoted(line, "request", request);
        appendQuoted(line, "subrequest", subrequest);
        appendQuoted(line, "upstream", upstream);
        appendQuoted(line, "host", host);
        appendQuoted(line, "referrer", referrer);
        String raw = line.toString();
        return new ErrorEntry(position, (int) raw.chars().filter(c -> c == '\n').count() + 1, time, level, pid, tid,
                connection, message, errno, errnoText, action, client, server, request, subrequest, upstream, host,
                referrer, raw);
    }

    /** Words, sometimes broken across physical lines as upstream text (FastCGI stderr) is. */
    private static String words(Random r, int n) {
        StringBuilder s = new StringBuilder(pick(r, WORDS));
        for (int i = 1; i < n; i++) s.append(r.nextInt(12) == 0 ? '\n' : ' ').append(pick(r, WORDS));
        return s.toString();
    }

    /** Raw client bytes: may hold quotes and commas, but not a quote right before a known key. */
    private static String quoted(Random r) {
        String[] parts = {"a", "\"", "\"x\"", ",", ", ", "%20", "\\x00", "é", "client:", "/"};
        StringBuilder s = new StringBuilder();
        for (int i = r.nextInt(6); i > 0; i--) s.append(pick(r, parts));
        return s.toString();
    }

    private static void appendQuoted(StringBuilder line, String key, String value) {
        if (!value.isEmpty()) line.append(", ").append(key).append(": \"").append(value).append('"');
    }

    private static String mutate(Random r, String s) {
        StringBuilder b = new StringBuilder(s);
        for (int i = 1 + r.nextInt(4); i > 0; i--) {
            int at = b.length() == 0 ? 0 : r.nextInt(b.length() + 1);
            switch (r.nextInt(5)) {
                case 0 -> b.insert(at, pick(r, TOKENS));
                case 1 -> {
                    if (at < b.length()) b.deleteCharAt(at);
                }
                case 2 -> {
                    if (at < b.length()) b.setCharAt(at, (char) r.nextInt(128));
                }
                case 3 -> b.setLength(at);
                default -> b.insert(at, b.substring(r.nextInt(at + 1), at));
            }
        }
        return b.toString();
    }

    private static String soup(Random r) {
        StringBuilder b = new StringBuilder(r.nextBoolean() ? "2024/05/14 10:11:12 [error] 1#1: " : "");
        for (int i = r.nextInt(30); i > 0; i--) b.append(pick(r, TOKENS));
        return b.toString();
    }

    private static String randomText(Random r, int length) {
        StringBuilder b = new StringBuilder(length);
        for (int i = 0; i < length; i++) b.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : (char) (32 + r.nextInt(95)));
        return b.toString();
    }

    private static String pick(Random r, String[] options) {
        return options[r.nextInt(options.length)];
    }
}
