package dev.wslogs.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.bench.LogGenerator;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import dev.wslogs.parse.AccessFormat;
import dev.wslogs.parse.KnownFormats;
import dev.wslogs.testing.Lines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link AttemptClassifier#plainRequestPathHash} against {@link AttemptClassifier#classify}: a request
 * line it calls plain must be classified OTHER with no reason (status 200, no Upgrade logged, nothing learned),
 * and its hash must be that of the entry's path. Request lines come from hand-picked edge cases,
 * the generator, the public corpus and a seeded random grammar of WebSocket-ish paths.
 */
class PlainRequestPathHashTest {
    private static final List<String> USER_PATHS = List.of("/app/stream", "/Live-Feed");
    private final AccessFormat.Parser combined = KnownFormats.combined().newParser();
    private int plain;

    /** Checks one request line with and without user paths; whether it was plain without. */
    private boolean check(String request) {
        boolean p = false;
        for (List<String> user : List.of(List.<String>of(), USER_PATHS)) {
            AttemptClassifier c = new AttemptClassifier(user);
            byte[] b = request.getBytes(StandardCharsets.ISO_8859_1);
            long hash = c.plainRequestPathHash(b, 0, b.length);
            if (hash == AttemptClassifier.NOT_ASCII) continue;
            AccessEntry e = entry(request);
            // the whole verdict: Pipeline.acceptOrdinary hands such lines on with exactly this one
            assertThat(c.classify(e)).as("%s (user paths %s)", request, user).isEqualTo(new AttemptClassifier.Verdict(AttemptKind.OTHER, ""));
            assertThat(hash).as(request).isEqualTo(AttemptClassifier.pathHash(e.path()));
            if (user.isEmpty()) {
                p = true;
                plain++;
            }
        }
        return p;
    }

    private AccessEntry entry(String request) {
        AccessEntry e = combined.parse(Lines.line("10.0.0.1 - - [28/Sep/1970:12:00:00 +0600] \"" + request + "\" 200 5 \"-\" \"agent\""));
        assertThat(e).as(request).isNotNull();
        assertThat(e.get(Field.REQUEST)).isEqualTo(request);
        return e;
    }

    @Test
    void webSocketTraffic_isNotPlain() {
        for (String target : List.of("/ws", "/WS/", "/Ws?x=1", "/api/ws/x", "/api/WS", "/wss", "/websocket/a", "/socket", "/socket/1",
                "/socket.io/?EIO=4&transport=polling", "/x?transport=websocket", "/x?TRANSPORT=Polling", "/sockjs/123/xhr",
                "/a/sockjs/1/xhr_send", "/q?eio=3", "/live", "/LIVE/", "/realtime/", "/hub", "/hub/x", "/signalr/negotiate",
                "/graphql-ws", "/subscriptions/7", "/engine.io/", "/a/engine.io/b", "/cable", "/x/cable/y", "/pool/ws/chat")) {
            assertThat(check("GET " + target + " HTTP/1.1")).as(target).isFalse();
        }
        assertThat(check("GET /app/streamer HTTP/1.1")).isTrue(); // only a user path: plain without it
        assertThat(new AttemptClassifier(USER_PATHS).plainRequestPathHash(ascii("GET /app/streamer HTTP/1.1"), 0, 26))
                .isEqualTo(AttemptClassifier.NOT_ASCII);
    }

    /** An escape anywhere (method, path, query, protocol; nginx writes {@code \\xHH}) makes the request's text differ from its bytes. */
    @Test
    void escapedRequests_areNotPlain() {
        for (String request : List.of("G\\x22T /a HTTP/1.1", "GET\\x09 /a HTTP/1.1", "GET /a\\x22b HTTP/1.1", "GET /a/\\x22 HTTP/1.1",
                "GET /a?q=\\x22 HTTP/1.1", "GET /a?\\ HTTP/1.1", "GET /a HTTP/1.1\\x22", "GET /a \\x22HTTP/1.1", "GET /a\\",
                "GET \\x22/a HTTP/1.1", "\\x16\\x03\\x01 /a HTTP/1.1", "GET /a HTTP/1.1 \\")) {
            byte[] b = ascii(request);
            assertThat(new AttemptClassifier(List.of()).plainRequestPathHash(b, 0, b.length)).as(request).isEqualTo(AttemptClassifier.NOT_ASCII);
            String clean = request.replace("\\x22", "x22").replace("\\x09", "x09").replace("\\x16", "x16").replace("\\x03", "x03")
                    .replace("\\x01", "x01").replace("\\", "");
            byte[] c = ascii(clean);
            if (clean.indexOf(' ') > 0 && clean.charAt(clean.indexOf(' ') + 1) == '/') {
                assertThat(new AttemptClassifier(List.of()).plainRequestPathHash(c, 0, c.length)).as(clean).isNotEqualTo(AttemptClassifier.NOT_ASCII);
            }
        }
    }

    @Test
    void ordinaryTraffic_isPlain() {
        for (String target : List.of("/", "/lively", "/hubs", "/hubspot/x", "/products", "/api/v1/users/123", "/static/app.js?v=3",
                "/wsx", "/xws", "/socket.iox", "/livestream/live2", "/api/subscriptions", "/a/socket/b", "/APP/stream", "/e/t/e",
                "/transport", "/eio", "/x?t=1&e=2")) {
            assertThat(check("GET " + target + " HTTP/1.1")).as(target).isTrue();
            assertThat(check("POST " + target)).as(target).isTrue();
        }
    }

    @Test
    void learningAPathAgain_changesNothing_andEveryPathLearnedStaysLearned() {
        AttemptClassifier c = new AttemptClassifier(List.of());
        // the last path learned is remembered to skip rehashing it: repeats, a path between and a
        // path that returns after another must all leave the same set as learning each once
        for (String p : List.of("/live", "/live", "/feed", "/live", "/feed", "/feed", "/x")) c.learn(p);
        assertThat(c.learnedPaths()).containsExactly("/live", "/feed", "/x");
        for (String p : List.of("/live", "/feed", "/x")) assertThat(c.mayBeLearned(AttemptClassifier.pathHash(p))).as(p).isTrue();
        assertThat(c.mayBeLearned(AttemptClassifier.pathHash("/other"))).isFalse();
    }

    @Test
    void oddRequestLines_agree() {
        for (String request : List.of("", "-", "GET", "GET ", " /x HTTP/1.1", "GET  /x HTTP/1.1", "GET /x  HTTP/1.1", "GET http://h/x HTTP/1.1",
                "GET * HTTP/1.1", "GET /x", "GET /x?", "GET /? HTTP/1.1", "GET //ws HTTP/1.1", "GET /a//b HTTP/1.1", "GET /x/ HTTP/1.1 extra",
                "\u0016\u0003\u0001", "GET /ws%2F HTTP/1.1", "GET /xhr HTTP/1.1", "GET /a?/xhr HTTP/1.1", "GET /tRaNsPoRt= HTTP/1.1")) {
            check(request);
        }
        assertThat(check("GET /x?")).isTrue();
        assertThat(check("GET //ws HTTP/1.1")).isFalse();
        assertThat(check("GET /xhr HTTP/1.1")).isFalse();
        assertThat(check("GET http://h/x HTTP/1.1")).isFalse();
    }

    @Test
    void generatedAndCorpusRequests_agree(@TempDir Path dir) throws IOException {
        LogGenerator.generate(3, 3_000, dir, List.of("combined"));
        List<String> requests = new ArrayList<>();
        requests.addAll(requests(dir.resolve("access-combined.log")));
        try (Stream<Path> s = Files.walk(Lines.corpus())) {
            for (Path f : s.filter(Files::isRegularFile).toList()) requests.addAll(requests(f));
        }
        for (String r : requests) check(r);
        assertThat(requests.size()).isGreaterThan(3_000);
        assertThat(plain).isGreaterThan(requests.size() * 8 / 10);
    }

    @Test
    void randomWebSocketishRequests_agree() {
        String[] segments = {"ws", "WS", "wS", "wss", "websocket", "WebSockets", "socket", "socket.io", "Engine.IO", "sockjs", "cable",
                "hub", "hubs", "signalr", "graphql-ws", "subscriptions", "live", "lively", "realtime", "api", "v1", "users", "123", "xhr",
                "xhr_send", "xhr_streaming", "e", "t", "", "x.y", "transport", "eio", "app", "stream", "streamer", "Live-Feed"};
        String[] queries = {"transport=websocket", "transport=polling", "EIO=4", "a=b", "t=1", "x=/xhr", "e=", "sockjs", "/ws"};
        SplittableRandom rnd = new SplittableRandom(5);
        int plainBefore = plain;
        for (int n = 0; n < 20_000; n++) {
            StringBuilder t = new StringBuilder();
            int segs = rnd.nextInt(5);
            for (int i = 0; i < segs; i++) t.append('/').append(segments[rnd.nextInt(segments.length)]);
            if (t.length() == 0 || rnd.nextInt(8) == 0) t.append('/');
            if (rnd.nextInt(3) == 0) {
                t.append('?');
                int qs = 1 + rnd.nextInt(2);
                for (int i = 0; i < qs; i++) t.append(i > 0 ? "&" : "").append(queries[rnd.nextInt(queries.length)]);
            }
            String target = t.toString();
            if (rnd.nextInt(10) == 0) target = target.toUpperCase(java.util.Locale.ROOT);
            check(switch (rnd.nextInt(4)) {
                case 0 -> "GET " + target;
                case 1 -> "POST " + target + " HTTP/2.0";
                default -> "GET " + target + " HTTP/1.1";
            });
        }
        assertThat(plain - plainBefore).as("both answers occur").isBetween(2_000, 18_000);
    }

    /** The request lines ("…") of a file's access lines. */
    private static List<String> requests(Path file) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).split("\n")) {
            int open = l.indexOf("] \"");
            if (open < 0) continue;
            int close = l.indexOf("\" ", open + 3);
            if (close < 0) continue;
            String r = l.substring(open + 3, close);
            if (r.indexOf('\\') < 0 && r.chars().allMatch(c -> c < 0x80)) out.add(r);
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }
}
