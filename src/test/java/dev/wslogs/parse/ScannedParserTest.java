package dev.wslogs.parse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wslogs.bench.LogGenerator;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import dev.wslogs.source.LineDecoder;
import dev.wslogs.testing.Lines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link TextAccessFormat.ScannedParser} — the entry built from the byte scanner's spans, used when
 * an ordinary line turns out to matter — is exactly the full parser's entry, for every line it
 * takes, in every known format: committed samples, the public corpus, generated traffic and edge
 * cases. And it takes the ordinary lines it exists for.
 */
class ScannedParserTest {

    @Test
    void samplesCorpusAndEdgeCases_scannedEntryEqualsFullParse() throws IOException {
        List<byte[]> lines = new ArrayList<>();
        for (String f : List.of("samples/access-extended.log", "samples/access-combined.log")) lines.addAll(lines(Path.of(f)));
        try (Stream<Path> s = Files.walk(Lines.corpus())) {
            for (Path p : s.filter(Files::isRegularFile).sorted().toList()) lines.addAll(lines(p));
        }
        String ok = "203.0.113.9 - - [22/Nov/2026:10:00:00 +0100] \"GET /a?b=1 HTTP/1.1\" 200 512 \"-\" \"curl/8.0\"";
        for (String edge : List.of(ok,
                ok.replace("curl/8.0", "Mozilla \\x22quoted\\x22 \\x5Cslash"),
                ok.replace("\"-\"", "\"https://r.example/\\xE2\\x80\\x94\""),
                ok.replace(" 512 ", " - "),
                ok.replace("10:00:00 +0100", "10:00:00 -0930"),
                ok + " 0.012 101 10.0.0.1:80, 10.0.0.2:80 : 10.0.0.3:80 0.010 9 3 77 \"websocket\" \"upgrade\"",
                ok + " 0.012 - - - 9 3 77 \"-\" \"-\"",
                ok + " - 200 10.0.0.1:80 - 9 3 - \"-\" \"close\"",
                ok + " 31.500 200 10.0.0.1:80 31.499 9 3 99999999999999999999 \"-\" \"close\"",
                ok + " 0 200 10.0.0.1:80 0 9 3 +12 \"-\" \"close\"",
                ok + " 12 200 10.0.0.1:80 12 9 3 0 \"-\" \"close\"",
                ok + " 1.2 200 10.0.0.1:80 1.2 9 3 007 \"-\" \"close\"",
                ok + " 0.0015 200 10.0.0.1:80 0.001 9 3 1 \"-\" \"close\"",
                ok + " 5. 200 10.0.0.1:80 5. 9 3 1 \"-\" \"close\"",
                ok + " .5 200 10.0.0.1:80 .5 9 3 1 \"-\" \"close\"",
                ok + " 1.2.3 200 10.0.0.1:80 1 9 3 1 \"-\" \"close\"",
                ok + " 9999999999.000 200 10.0.0.1:80 1 9 3 1 \"-\" \"close\"",
                ok.replace(" 200 512 ", " - 512 ") + " 7.25 - - - 9 3 4242 \"-\" \"close\"",
                ok + " trailing",
                ok.replace("GET /a?b=1 HTTP/1.1", "-"))) {
            lines.add(edge.getBytes(StandardCharsets.ISO_8859_1));
        }
        claims = 0;
        byteClaims = 0;
        int taken = compareAll(lines);
        assertTrue(taken > 100, "scanned parser took only " + taken + " lines");
        assertTrue(claims > 100, "claim keys read for only " + claims + " lines");
        assertTrue(byteClaims > 100, "claim keys read from bytes for only " + byteClaims + " lines");
    }

    @Test
    void generatedTraffic_everyOrdinaryLineIsTakenAndEqual(@TempDir Path dir) throws IOException {
        LogGenerator.main(new String[] {"--lines", "20000", "--out", dir.toString(), "--formats", "extended,combined"});
        for (String f : List.of("access-extended.log", "access-combined.log")) {
            List<byte[]> lines = lines(dir.resolve(f));
            int taken = compareAll(lines);
            assertTrue(taken >= lines.size() * 95 / 100, f + ": scanned parser took " + taken + " of " + lines.size());
        }
    }

    private static final String OTHER_LINE = "10.9.9.9 - - [01/Jan/2026:00:00:00 +0000] \"GET /elsewhere/entirely HTTP/1.1\" 200 1"
            + " \"-\" \"x\" 0.001 200 10.0.0.1:80 0.001 1 1 1 \"-\" \"close\"";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Compares on every candidate format; returns how many (line, format) pairs the scanned parser took. */
    private static int compareAll(List<byte[]> lines) {
        int taken = 0;
        for (TextAccessFormat f : KnownFormats.candidates()) {
            TextAccessFormat.ScannedParser scanned = f.newScannedParser();
            if (scanned == null) { // outside what the scanner handles ($msec, $request_uri…): nothing to compare
                assertTrue(f.newScanner() == null && !List.of("extended", "combined", "main").contains(f.name()), f.name());
                continue;
            }
            AccessFormat.Parser full = f.newParser();
            for (byte[] b : lines) {
                // inside a larger buffer, as chunks hold them
                byte[] buf = new byte[b.length + 16];
                System.arraycopy(b, 0, buf, 7, b.length);
                LinePosition pos = new LinePosition("t.log", 1, 0);
                String what = f.name() + ": " + new String(b, StandardCharsets.ISO_8859_1);
                AccessEntry e = full.parse(new RawLine(pos, LineDecoder.decode(b, 0, b.length)));
                AccessEntry s = scanned.scanner().scan(buf, 7, 7 + b.length) ? scanned.fromSpans(buf, pos) : null;
                if (s != null) {
                    taken++;
                    assertSameEntry(e, s, what);
                    // the claim keys a worker reads from the bytes of a quiet line (no strings)
                    AccessLineScanner sc = scanned.scanner();
                    if (sc.claimKeys(buf)) {
                        assertEquals(e.status(), sc.status, what + " status (bytes)");
                        assertEquals(e.startMillis(), sc.claimStartMillis, what + " start (bytes)");
                        assertEquals(e.logs(dev.wslogs.model.Field.PID) ? e.pidNumber() : -1, sc.claimPid, what + " pid (bytes)");
                        byteClaims++;
                    }
                    // spans kept at an offset and used after the scanner has matched another line
                    // (a quiet line that turns out to claim an error line, built by the sequencer)
                    int[] kept = new int[3 + scanned.scanner().spanInts()];
                    scanned.scanner().copySpans(kept, 3);
                    scanned.scanner().scan(bytes(OTHER_LINE), 0, OTHER_LINE.length());
                    assertSameEntry(e, scanned.fromSpans(buf, kept, 3, pos), what + " (kept spans)");
                    // what an ordinary line's claim on error lines reads instead of building the entry
                    TextAccessFormat.ClaimKeys k = new TextAccessFormat.ClaimKeys();
                    if (scanned.claimKeys(buf, kept, 3, e.timeMillis(), k)) assertSameClaim(e, k, what + " (claim, kept spans)");
                    assertTrue(scanned.scanner().scan(buf, 7, 7 + b.length), what);
                    if (scanned.claimKeys(buf, e.timeMillis(), k)) {
                        assertSameClaim(e, k, what + " (claim)");
                        claims++;
                    }
                }
                // match only (what the workers use for lines that are not ordinary, e.g. upgrades)
                boolean ascii = true;
                for (byte x : b) ascii &= x >= 0;
                if (ascii && scanned.scanner().matchAscii(buf, 7, 7 + b.length)) {
                    AccessEntry m = scanned.fromSpans(buf, pos);
                    if (m != null) assertSameEntry(e, m, what);
                    else assertTrue(e == null, "spans rejected what the full parser takes: " + what);
                }
            }
        }
        return taken;
    }

    /** Lines whose claim keys were read and compared (see {@link #compareAll}). */
    private static int claims;
    /** Lines whose claim keys the scanner read from the bytes (see {@link #compareAll}). */
    private static int byteClaims;

    private static void assertSameClaim(AccessEntry e, TextAccessFormat.ClaimKeys k, String what) {
        assertEquals(e.status(), k.status, what + " status");
        assertEquals(e.startMillis(), k.startMillis, what + " start");
        assertEquals(e.logs(dev.wslogs.model.Field.PID) ? e.pidNumber() : -1, k.pid, what + " pid");
    }

    static void assertSameEntry(AccessEntry e, AccessEntry s, String what) {
        assertNotNull(e, what);
        // field by field first, as the pipeline reads them (an entry from spans decodes a value when asked)
        for (dev.wslogs.model.Field f : dev.wslogs.model.Field.values()) {
            assertEquals(e.logs(f), s.logs(f), what + " logs " + f);
            assertEquals(e.get(f), s.get(f), what + " " + f);
        }
        assertArrayEquals(e.values(), s.values(), what);
        assertEquals(e.timeMillis(), s.timeMillis(), what);
        assertEquals(e.offsetSeconds(), s.offsetSeconds(), what);
        assertEquals(e.status(), s.status(), what);
        assertEquals(e.requestTimeMillis(), s.requestTimeMillis(), what);
    }

    private static List<byte[]> lines(Path p) throws IOException {
        return Lines.bytesOf(p);
    }
}
