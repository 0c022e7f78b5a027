package dev.wslogs.parse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.wslogs.bench.LogGenerator;
import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.Field;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import dev.wslogs.source.LineDecoder;
import dev.wslogs.testing.Lines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link JsonLineScanner} — what the parse workers read from an ordinary JSON line's bytes — gives
 * exactly the values of the full parser's entry, for every line it takes, under formats mapped by
 * key name (auto-detected) and by template: the samples, generated traffic, and edge lines (keys
 * missing, repeated or unknown, {@code -} and {@code null}, bare numbers, blanks, nested values,
 * escapes, bytes beyond ASCII, broken objects, a local time under an iso8601 key). And it takes the
 * ordinary lines it exists for.
 */
class JsonLineScannerTest {
    private int taken;
    private int claims;
    private int walked;

    @Test
    void generatedTraffic_ordinaryLinesTakenWithTheEntrysValues(@TempDir Path dir) throws IOException {
        LogGenerator.main(new String[] {"--lines", "20000", "--out", dir.toString(), "--formats", "json"});
        List<byte[]> lines = lines(dir.resolve("access-json.log"));
        compareGenerated(lines);
        // the same traffic with $time_iso8601 instead of $time_local (the scanner keeps the last one read)
        List<byte[]> iso = new ArrayList<>();
        Pattern local = Pattern.compile("\"time_local\":\"(\\d\\d)/Nov/(\\d{4}):(\\d\\d:\\d\\d:\\d\\d) \\+0000\"");
        for (byte[] b : lines) {
            Matcher m = local.matcher(new String(b, StandardCharsets.ISO_8859_1));
            iso.add(m.replaceFirst("\"time_iso8601\":\"$2-11-$1T$3+00:00\"").getBytes(StandardCharsets.ISO_8859_1));
        }
        assertTrue(new String(iso.get(0), StandardCharsets.ISO_8859_1).contains("\"time_iso8601\":\"2026-11-"), "converted");
        compareGenerated(iso);
    }

    private void compareGenerated(List<byte[]> lines) {
        claims = 0;
        for (JsonAccessFormat f : formatsFor(lines)) {
            taken = 0;
            walked = 0;
            compareAll(f, lines);
            // a tenth of the generated traffic is WebSocket (an Upgrade header): the rest is for the scanner
            assertTrue(taken >= lines.size() * 85 / 100, f.name() + ": scanner took " + taken + " of " + lines.size());
            assertTrue(claims > lines.size() / 2, "claim keys read for only " + claims + " lines");
            assertTrue(walked >= lines.size() * 99 / 100, f.name() + ": walked entries for only " + walked + " of " + lines.size());
        }
    }

    @Test
    void samplesAndEdgeLines_scannedValuesEqualTheEntrys(@TempDir Path dir) throws IOException {
        List<byte[]> lines = new ArrayList<>();
        try (Stream<Path> s = Files.walk(Path.of("samples"))) {
            for (Path p : s.filter(p -> p.getFileName().toString().equals("access-json.log")).sorted().toList()) lines.addAll(lines(p));
        }
        LogGenerator.main(new String[] {"--lines", "400", "--out", dir.toString(), "--formats", "json"});
        List<byte[]> generated = lines(dir.resolve("access-json.log"));
        String ok = null;
        for (byte[] b : generated) {
            String l = new String(b, StandardCharsets.ISO_8859_1);
            if (l.contains("\"status\":\"200\"") && l.contains("\"http_upgrade\":\"\"") && l.contains("\"pid\":\"")) {
                ok = l;
                break;
            }
        }
        assertNotNull(ok, "an ordinary generated line");
        String time = ok.replaceAll(".*\"time_local\":\"([^\"]*)\".*", "$1");
        List<String> edges = new ArrayList<>(List.of(ok,
                ok.replace("\"status\":\"200\"", "\"status\":200"),
                ok.replace("\"status\":\"200\"", "\"status\":\"-\""),
                ok.replace("\"status\":\"200\"", "\"status\":null"),
                ok.replace("\"status\":\"200\"", "\"status\":\"2000\""),
                ok.replace("\"status\":\"200\"", "\"status\":\"\""),
                ok.replace("\"status\":\"200\",", ""),
                ok.replace("\"status\":\"200\"", "\"status\":\"200\",\"status\":\"404\""),
                ok.replace("\"status\":\"200\"", "\"status\" : \"200\" "),
                ok.replace("\"status\":\"200\"", "\"status\":\t\"200\""),
                ok.replace("\"status\":\"200\"", "\"status\":{\"a\":1}"),
                ok.replace("\"status\":\"200\"", "\"status\":[200]"),
                ok.replace("\"status\":\"200\"", "\"status\":\"200\",\"extra\":{\"x\":\"y\"}"),
                ok.replace("\"status\":\"200\"", "\"status\":\"200\",\"unknown_key\":\"v\""),
                ok.replace("\"status\":\"200\"", "\"status\":\"200\",\"http_x_forwarded_for\":\"1.2.3.4\""),
                ok.replace("\"status\":\"200\"", "\"status\":\"200\",\"uri\":\"/x\""),
                ok.replace("\"time_local\":\"" + time + "\"", "\"time_local\":\"-\""),
                ok.replace("\"time_local\":\"" + time + "\"", "\"time_local\":\"garbage\""),
                ok.replace("\"time_local\":\"" + time + "\",", ""),
                ok.replace("\"time_local\":\"" + time + "\"", "\"time\":\"" + time + "\""),
                ok.replace("\"time_local\":\"" + time + "\"", "\"time_iso8601\":\"2026-11-22T10:00:00+01:00\""),
                ok.replace("\"time_local\":\"" + time + "\"", "\"time_local\":\"" + time + "\",\"time_iso8601\":\"2026-11-22T10:00:00+01:00\""),
                ok.replace("\"time_local\":\"" + time + "\"", "\"msec\":\"1795000000.123\""),
                ok.replace("\"request\":\"", "\"request\":\"-\",\"ignored\":\""),
                ok.replace("\"request\":\"GET ", "\"request\":\"GET /\\\"quoted\\\" "),
                ok.replace("\"request\":\"GET ", "\"request\":\"GET /caf\\u00e9 "),
                ok.replace("\"request\":\"GET ", "\"request\":\"GET /ws?transport=websocket&x="),
                ok.replace("\"request\":\"GET ", "\"request\":\"GET /socket.io/?EIO=4&y="),
                ok.replace("\"http_upgrade\":\"\"", "\"http_upgrade\":\"websocket\""),
                ok.replace("\"http_upgrade\":\"\"", "\"http_upgrade\":\"-\""),
                ok.replace("\"http_upgrade\":\"\"", "\"http_upgrade\":null"),
                ok.replace(",\"http_upgrade\":\"\"", ""),
                ok.replaceAll("\"connection\":\"\\d+\"", "\"connection\":\"-\""),
                ok.replaceAll("\"connection\":\"\\d+\"", "\"connection\":\"12a\""),
                ok.replaceAll("\"connection\":\"\\d+\"", "\"connection\":7"),
                ok.replaceAll("\"connection\":\"\\d+\",", ""),
                ok.replaceAll("\"pid\":\"\\d+\"", "\"pid\":\"-\""),
                ok.replaceAll("\"pid\":\"\\d+\"", "\"pid\":\"\""),
                ok.replaceAll("\"pid\":\"\\d+\"", "\"pid\":\"+5\""),
                ok.replaceAll("\"pid\":\"\\d+\",?", ""),
                ok.replaceAll("\"request_time\":\"[0-9.]+\"", "\"request_time\":\"-\""),
                ok.replaceAll("\"request_time\":\"[0-9.]+\"", "\"request_time\":\"1.2.3\""),
                ok.replaceAll("\"request_time\":\"[0-9.]+\"", "\"request_time\":\"31.5\""),
                ok.replaceAll("\"request_time\":\"[0-9.]+\"", "\"request_time\":\"\""),
                ok.replaceAll("\"remote_addr\":\"[^\"]*\"", "\"remote_addr\":\"-\""),
                ok.replace("\"pid\":\"", "\"bare\":a\\b,\"pid\":\""),
                ok.replace("\"pid\":\"", "\"bare\":a\\b \\,\"pid\":\""),
                ok + "\\",
                ok.replace("{", "  {\t"),
                ok + "  ",
                ok + " x",
                ok.substring(0, ok.length() - 1),
                ok.substring(0, ok.length() - 1) + ",}",
                ok.replace("\",\"", "\" , \""),
                ok.replace("\":\"", "\"\t:\t\""),
                "{}",
                " { } ",
                "{\"status\":\"200\"}",
                "not json at all",
                "[1,2]"));
        // the same keys in another order (the scanner first tries the key the last line had at each place)
        List<String> pairs = new ArrayList<>();
        FlatJson.forEach(ok, (k, v) -> pairs.add("\"" + k + "\":\"" + v + "\""));
        List<String> reversed = new ArrayList<>(pairs);
        java.util.Collections.reverse(reversed);
        List<String> rotated = new ArrayList<>(pairs.subList(3, pairs.size()));
        rotated.addAll(pairs.subList(0, 3));
        List<String> swapped = new ArrayList<>(pairs); // two keys of one length trade places
        int up = indexOfKey(pairs, "http_upgrade");
        int rt = indexOfKey(pairs, "request_time");
        java.util.Collections.swap(swapped, up, rt);
        List<byte[]> reordered = new ArrayList<>();
        for (List<String> order : List.of(pairs, swapped, pairs, reversed, pairs, rotated, swapped, swapped, pairs)) {
            reordered.add(("{" + String.join(",", order) + "}").getBytes(StandardCharsets.ISO_8859_1));
        }
        for (JsonAccessFormat f : formatsFor(generated)) {
            taken = 0;
            compareAll(f, reordered);
            assertEquals(reordered.size(), taken, f.name() + ": an ordinary line in any key order is the scanner's");
        }
        lines.addAll(reordered);
        for (String e : edges) lines.add(e.getBytes(StandardCharsets.ISO_8859_1));
        lines.add((ok.replace("\"request\":\"GET ", "\"request\":\"GET /caf\u00c3\u00a9 ")).getBytes(StandardCharsets.ISO_8859_1)); // UTF-8 bytes
        for (JsonAccessFormat f : formatsFor(generated)) {
            taken = 0;
            compareAll(f, lines);
            assertTrue(taken > 20, f.name() + ": scanner took only " + taken + " lines");
        }
        // a format keyed by the aliases of a hand-written log_format
        JsonAccessFormat aliases = JsonAccessFormat.byKeyNames(Set.of("time", "client", "request", "status", "duration", "upgrade"));
        List<byte[]> aliased = new ArrayList<>();
        for (String t : List.of(time, "2026-11-22T10:00:00+01:00", "2026-11-22T10:00:00Z", "-", "22/Nov/2026")) {
            aliased.add(("{\"time\":\"" + t + "\",\"client\":\"::1\",\"request\":\"GET /a HTTP/1.1\",\"status\":\"200\",\"duration\":\"0.5\","
                    + "\"upgrade\":\"\"}").getBytes(StandardCharsets.ISO_8859_1));
        }
        taken = 0;
        compareAll(aliases, aliased);
        assertEquals(3, taken, "the aliased lines with a valid time");
    }

    private static int indexOfKey(List<String> pairs, String key) {
        for (int i = 0; i < pairs.size(); i++) if (pairs.get(i).startsWith("\"" + key + "\":")) return i;
        throw new AssertionError("no key " + key + " in " + pairs);
    }

    /** The detected format (keys by name) and one from a template naming every key of the lines. */
    private static List<JsonAccessFormat> formatsFor(List<byte[]> lines) {
        Set<String> keys = new LinkedHashSet<>();
        for (byte[] b : lines.subList(0, Math.min(200, lines.size()))) {
            FlatJson.forEach(new String(b, StandardCharsets.ISO_8859_1), (k, v) -> keys.add(k));
        }
        StringBuilder template = new StringBuilder("{");
        for (String k : keys) template.append(template.length() > 1 ? "," : "").append('"').append(k).append("\":\"$").append(k).append('"');
        template.append('}');
        JsonAccessFormat byName = JsonAccessFormat.byKeyNames(keys);
        JsonAccessFormat byTemplate = JsonAccessFormat.fromTemplate("t", template.toString());
        assertNotNull(byName.newLineScanner(), "detected format has a scanner");
        assertNotNull(byTemplate.newLineScanner(), "template format has a scanner");
        return List.of(byName, byTemplate);
    }

    private void compareAll(JsonAccessFormat f, List<byte[]> lines) {
        JsonLineScanner sc = f.newLineScanner();
        AccessFormat.Parser full = f.newParser();
        for (byte[] b : lines) {
            boolean ascii = true;
            for (byte x : b) ascii &= x >= 0;
            if (!ascii) continue; // the workers hand the scanner ASCII lines only (ByteSearch.lineEnd tells)
            byte[] buf = new byte[b.length + 16]; // inside a larger buffer, as chunks hold them
            System.arraycopy(b, 0, buf, 7, b.length);
            String what = f.name() + ": " + new String(b, StandardCharsets.ISO_8859_1);
            LinePosition pos = new LinePosition("t.log", 1, 0);
            AccessEntry e = full.parse(new RawLine(pos, LineDecoder.decode(b, 0, b.length)));
            // the entry of a walked line that is not ordinary (a WebSocket line, a status a rule reads)
            if (sc.walkAscii(buf, 7, 7 + b.length)) {
                AccessEntry w = sc.entry(buf, pos);
                if (w == null) assertNull(e, "the walked entry rejects what the full parser takes: " + what);
                else ScannedParserTest.assertSameEntry(e, w, what + " (walked entry)");
                if (w != null) walked++;
            }
            if (!sc.scan(buf, 7, 7 + b.length)) continue;
            taken++;
            assertNotNull(e, "scanned what the full parser rejects: " + what);
            assertEquals(e.timeMillis(), sc.timeMillis, what + " time");
            assertEquals(e.status(), sc.status, what + " status");
            assertEquals(e.get(Field.REQUEST), new String(buf, sc.requestFrom, sc.requestTo - sc.requestFrom, StandardCharsets.ISO_8859_1),
                    what + " request");
            assertEquals("", e.get(Field.HTTP_UPGRADE), what + " upgrade");
            assertEquals(f.logs(Field.CONNECTION) ? e.connectionNumber() : -1, sc.connection, what + " connection");
            assertEquals(e.get(Field.REMOTE_ADDR), sc.remoteAddr(buf), what + " remote_addr");
            if (sc.claimKeys(buf)) {
                claims++;
                assertEquals(e.startMillis(), sc.claimStartMillis, what + " start");
                assertEquals(f.logs(Field.PID) ? e.pidNumber() : -1, sc.claimPid, what + " pid");
            }
        }
    }

    @Test
    void formatsOutsideItsReach_haveNoScanner() {
        assertNull(JsonAccessFormat.fromTemplate("m", "{\"msec\":\"$msec\",\"request\":\"$request\",\"status\":\"$status\"}").newLineScanner());
        assertNull(JsonAccessFormat.fromTemplate("u", "{\"t\":\"$time_local\",\"uri\":\"$request_uri\",\"request\":\"$request\","
                + "\"status\":\"$status\"}").newLineScanner());
        assertNull(JsonAccessFormat.fromTemplate("n", "{\"t\":\"$time_local\",\"status\":\"$status\"}").newLineScanner());
        assertNotNull(JsonAccessFormat.fromTemplate("y", "{\"t\":\"$time_local\",\"r\":\"$request\",\"s\":\"$status\"}").newLineScanner());
    }

    private static List<byte[]> lines(Path p) throws IOException {
        return Lines.bytesOf(p);
    }
}
