package dev.wslogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.bench.LogGenerator;
import dev.wslogs.correlate.AttemptClassifier;
import dev.wslogs.correlate.AttemptKind;
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
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The byte scanner against the full parser, line by line: whenever {@link AccessLineScanner#scan}
 * says yes, every value it read is what {@link TextAccessFormat}'s parser gives the same line. Lines
 * come from the samples, the public corpus, the generator and hand edits of real lines (cuts,
 * non-ASCII bytes, {@code -} fields, escapes, upstream lists, trailing bytes, CR, random damage);
 * each is tried against every known format and some hand-made ones, so mismatching formats are
 * exercised as much as matching ones.
 */
class AccessLineScannerDifferentialTest {
    /** Formats whose literals take the scanner's other branches: numbers followed by {@code -}, {@code .} or a digit, a number last. */
    private static final List<TextAccessFormat> HAND_MADE = List.of(
            TextAccessFormat.of("dash after number", "$remote_addr [$time_local] \"$request\" $status-$body_bytes_sent $connection"),
            TextAccessFormat.of("dot after number", "$remote_addr [$time_local] \"$request\" $status.$connection \"$http_upgrade\""),
            TextAccessFormat.of("digit after number", "[$time_local] ${status}1$connection \"$request\" $request_time"),
            TextAccessFormat.of("status last", "$remote_addr [$time_local] \"$request\" $status"));

    private static final String EXTENDED_LINE = "127.0.0.1 - - [22/Nov/2026:10:00:05 +0100] \"GET /api/v1/users/17?x=1 HTTP/1.1\" 200 12"
            + " \"https://shop.example.com/\" \"Mozilla/5.0 (X11; Linux x86_64)\" 4.512 502, 200 127.0.0.1:9, 127.0.0.1:8081 : 10.0.0.2:80"
            + " 0.000, 4.511 : 0.001 7 1 1234 \"-\" \"keep-alive\"";
    private static final String COMBINED_LINE = "10.0.0.1 - alice [28/Sep/1970:12:00:00 +0600] \"GET /products HTTP/1.1\" 304 0"
            + " \"-\" \"curl/8.5.0\"";
    private static final String ESCAPED_LINE = "10.0.0.1 - - [28/Sep/1970:12:00:00 +0600] \"GET /q?s=\\x22a\\x22 HTTP/1.1\" 200 5"
            + " \"-\" \"agent \\x22quoted\\x22\" 0.001 200 10.0.0.3:80 0.001 9 2 77 \"\" \"close\"";
    private static final String DASH_LINE = "- - - [28/Sep/1970:12:00:59 -0030] \"-\" - - \"-\" \"-\" - - - - - - - \"-\" \"-\"";
    private static final String HAND_MADE_LINE = "10.0.0.1 [28/Sep/1970:12:00:00 +0600] \"GET /a HTTP/1.1\" 200-5 42";
    /** Numbers of every length around the scanner's eight-byte step (7, 8, 9, 16 digits), dots inside them. */
    private static final String LONG_NUMBERS_LINE = "127.0.0.1 - - [22/Nov/2026:10:00:05 +0100] \"GET /a HTTP/1.1\" 200 12345678"
            + " \"-\" \"curl/8\" 1234567.5 200 127.0.0.1:9 0.0.0.1 1234567 123456789 1234567890123456 \"-\" \"close\"";
    private static final String[] TEMPLATES = {EXTENDED_LINE, COMBINED_LINE, ESCAPED_LINE, DASH_LINE, HAND_MADE_LINE, LONG_NUMBERS_LINE,
            "1.2.3.4 [28/Sep/1970:12:00:01 +0600] \"GET /a HTTP/1.1\" 200.42 \"\"", "[28/Sep/1970:12:00:02 +0600] 2001123 \"GET / HTTP/1.0\" 0.5"};

    /** One format's scanner and parser, and what they agreed on. */
    private static final class Differ {
        final TextAccessFormat format;
        final AccessLineScanner scanner;
        final AccessFormat.Parser parser;
        int scanned;

        Differ(TextAccessFormat format) {
            this.format = format;
            this.scanner = format.newScanner();
            this.parser = format.newParser();
            assertThat(scanner).as("scanner for %s", format.name()).isNotNull();
        }

        /** Scans the line, checks every value read against the parser's entry; the scanner's answer. */
        boolean check(byte[] b) {
            String text = LineDecoder.decode(b, 0, b.length);
            AccessEntry e = parser.parse(new RawLine(new LinePosition("t.log", 1, 0), text));
            boolean scan = scanner.scan(b, 0, b.length);
            if (!scan) return false;
            String what = format.name() + ": " + text;
            assertThat(e).as(what).isNotNull();
            assertThat(scanner.timeMillis).as(what).isEqualTo(e.timeMillis());
            assertThat(scanner.status).as(what).isEqualTo(e.status());
            assertThat(new String(b, scanner.requestFrom, scanner.requestTo - scanner.requestFrom, StandardCharsets.ISO_8859_1))
                    .as(what).isEqualTo(e.get(Field.REQUEST));
            assertThat(scanner.connection).as(what).isEqualTo(e.logs(Field.CONNECTION) ? Long.parseLong(e.get(Field.CONNECTION)) : -1);
            String remote = scanner.remoteAddr(b);
            if (remote != null) assertThat(remote).as(what).isEqualTo(e.get(Field.REMOTE_ADDR));
            assertThat(scanner.logsUpgrade()).as(what).isEqualTo(e.logs(Field.HTTP_UPGRADE));
            assertThat(e.get(Field.HTTP_UPGRADE)).as(what).isEmpty();
            assertThat(scanner.logsConnection()).as(what).isEqualTo(e.logs(Field.CONNECTION));
            scanned++;
            return true;
        }
    }

    /** Every format the scanner handles: the known ones but {@code wslogs} (its $msec sets the time), and the hand-made ones. */
    private static List<Differ> differs() {
        List<Differ> out = new ArrayList<>();
        for (TextAccessFormat f : KnownFormats.candidates()) {
            if (f.fields().contains(Field.MSEC)) assertThat(f.newScanner()).isNull();
            else out.add(new Differ(f));
        }
        for (TextAccessFormat f : HAND_MADE) out.add(new Differ(f));
        assertThat(out).hasSize(KnownFormats.candidates().size() - 1 + HAND_MADE.size());
        return out;
    }

    private static void checkAll(List<Differ> differs, byte[] line) {
        for (Differ d : differs) d.check(line);
    }

    private static List<byte[]> lines(Path file) throws IOException {
        return dev.wslogs.testing.Lines.bytesOf(file);
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().endsWith(".md")).sorted().toList();
        }
    }

    @Test
    void samples_scannedValuesAreTheParsers() throws IOException {
        List<Differ> differs = differs();
        int lines = 0;
        for (Path f : files(Path.of("samples"))) {
            if (!f.getFileName().toString().endsWith(".log")) continue;
            for (byte[] l : lines(f)) {
                checkAll(differs, l);
                lines++;
            }
        }
        assertThat(lines).isGreaterThan(800);
        // the samples' own formats are read by the scanner, not merely refused
        assertThat(differs.stream().filter(d -> d.format.name().equals("extended")).findFirst().orElseThrow().scanned).isGreaterThan(30);
        assertThat(differs.stream().filter(d -> d.format.name().equals("combined")).findFirst().orElseThrow().scanned).isGreaterThan(30);
    }

    @Test
    void detectedSampleFormats_haveScanners() throws IOException {
        for (String name : List.of("access-extended.log", "access-combined.log")) {
            List<RawLine> sample = new ArrayList<>();
            for (byte[] l : lines(Path.of("samples", name))) sample.add(Lines.line(LineDecoder.decode(l, 0, l.length)));
            AccessFormat f = FormatDetector.detect(sample).format();
            assertThat(f).as(name).isInstanceOf(TextAccessFormat.class);
            Differ d = new Differ((TextAccessFormat) f);
            for (byte[] l : lines(Path.of("samples", name))) d.check(l);
            assertThat(d.scanned).as(name).isGreaterThan(sample.size() / 4); // the rest: WebSocket lines, errors
        }
    }

    @Test
    void publicCorpus_scannedValuesAreTheParsers() throws IOException {
        List<Differ> differs = differs();
        int lines = 0;
        for (Path f : files(Lines.corpus())) {
            for (byte[] l : lines(f)) {
                checkAll(differs, l);
                lines++;
            }
        }
        assertThat(lines).isGreaterThan(200);
        assertThat(differs.stream().mapToInt(d -> d.scanned).sum()).isGreaterThan(20);
    }

    @Test
    void generatedLines_agreeAndOrdinaryOnesAreScanned(@TempDir Path dir) throws IOException {
        LogGenerator.generate(7, 6_000, dir, List.of("extended", "combined"));
        for (String name : List.of("extended", "combined")) {
            TextAccessFormat format = KnownFormats.candidates().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
            Differ d = new Differ(format);
            AttemptClassifier attempts = new AttemptClassifier(List.of());
            int ordinary = 0;
            int ordinaryScanned = 0;
            for (byte[] l : lines(dir.resolve("access-" + name + ".log"))) {
                boolean scanned = d.check(l);
                AccessEntry e = format.newParser().parse(Lines.line(LineDecoder.decode(l, 0, l.length)));
                assertThat(e).isNotNull();
                if (e.status() != 101 && e.get(Field.HTTP_UPGRADE).isEmpty() && attempts.classify(e).kind() == AttemptKind.OTHER) {
                    ordinary++;
                    if (scanned) ordinaryScanned++;
                }
            }
            assertThat(ordinary).as(name).isGreaterThan(4_000);
            assertThat(ordinaryScanned).as(name).isGreaterThanOrEqualTo(ordinary * 95 / 100);
        }
    }

    @Test
    void editedLines_agree() {
        List<Differ> differs = differs();
        for (String t : TEMPLATES) {
            byte[] line = t.getBytes(StandardCharsets.ISO_8859_1);
            checkAll(differs, line);
            for (int n = 0; n < line.length; n++) checkAll(differs, Arrays.copyOf(line, n)); // missing fields, short lines
            for (String tail : List.of(" ", "x", "\r", " extra", "\"", " - \"-\"")) checkAll(differs, concat(line, tail));
            for (int i = 0; i < line.length; i++) {
                for (byte c : new byte[] {'-', ' ', '"', '\\', ',', ':', '0', '.', 'a', '[', ']'}) {
                    byte[] edited = line.clone();
                    edited[i] = c;
                    checkAll(differs, edited);
                }
            }
        }
        assertThat(differs.stream().mapToInt(d -> d.scanned).sum()).isGreaterThan(1000);
    }

    @Test
    void nonAsciiByteAnywhere_isNeverScanned() {
        List<Differ> differs = differs();
        for (String t : TEMPLATES) {
            byte[] line = t.getBytes(StandardCharsets.ISO_8859_1);
            for (int i = 0; i < line.length; i++) {
                for (byte c : new byte[] {(byte) 0x80, (byte) 0xC3, (byte) 0xFF}) {
                    byte[] edited = line.clone();
                    edited[i] = c;
                    for (Differ d : differs) assertThat(d.check(edited)).as("%s at %d of %s", c, i, t).isFalse();
                }
            }
        }
        // a valid UTF-8 character in a value: the parser reads it, the scanner leaves it to the parser
        Differ ext = new Differ(KnownFormats.candidates().get(1));
        byte[] utf8 = EXTENDED_LINE.replace("Linux", "Linüx").getBytes(StandardCharsets.UTF_8);
        assertThat(ext.parser.parse(Lines.line(LineDecoder.decode(utf8, 0, utf8.length)))).isNotNull();
        assertThat(ext.check(utf8)).isFalse();
        assertThat(ext.check(EXTENDED_LINE.getBytes(StandardCharsets.ISO_8859_1))).isTrue();
    }

    @Test
    void handMadeCases_scanOrNotAsExpected() {
        Differ ext = new Differ(KnownFormats.candidates().get(1));
        assertThat(ext.check(bytes(EXTENDED_LINE))).isTrue();
        assertThat(ext.scanner.connection).isEqualTo(7);
        assertThat(ext.check(bytes(ESCAPED_LINE))).as("escape in the request").isFalse();
        assertThat(ext.check(bytes(ESCAPED_LINE.replace("/q?s=\\x22a\\x22", "/q")))).as("escapes elsewhere").isTrue();
        assertThat(ext.check(bytes(DASH_LINE))).as("- where a number is needed").isFalse();
        assertThat(ext.check(bytes(EXTENDED_LINE.replace("\"-\" \"keep-alive\"", "\"websocket\" \"Upgrade\"")))).isFalse();
        assertThat(ext.check(bytes(EXTENDED_LINE + "\r"))).isFalse();
        Differ combined = new Differ(KnownFormats.combined());
        assertThat(combined.check(bytes(COMBINED_LINE))).isTrue();
        assertThat(combined.scanner.remoteAddr(bytes(COMBINED_LINE))).isEqualTo("10.0.0.1");
        assertThat(combined.check(bytes(COMBINED_LINE.replace("304 0", "304 -")))).as("- body bytes").isTrue();
        assertThat(combined.check(bytes(COMBINED_LINE.replace("304 0", "- 0")))).as("- status").isTrue();
        assertThat(combined.scanner.status).isZero();
        assertThat(ext.check(bytes(LONG_NUMBERS_LINE))).as("long numbers").isTrue();
        assertThat(ext.scanner.connection).isEqualTo(1234567);
        Differ dash = new Differ(HAND_MADE.get(0));
        assertThat(dash.check(bytes(HAND_MADE_LINE))).isTrue();
        assertThat(dash.scanner.connection).isEqualTo(42);
    }

    @Test
    void randomlyDamagedLines_agree() {
        List<Differ> differs = differs();
        SplittableRandom rnd = new SplittableRandom(11);
        byte[] alphabet = " \"-\\,:.0123456789aZ[]/\r\t".getBytes(StandardCharsets.ISO_8859_1);
        for (int n = 0; n < 20_000; n++) {
            byte[] line = bytes(TEMPLATES[rnd.nextInt(TEMPLATES.length)]);
            int edits = 1 + rnd.nextInt(3);
            for (int k = 0; k < edits; k++) {
                int at = rnd.nextInt(line.length + 1);
                byte c = alphabet[rnd.nextInt(alphabet.length)];
                line = switch (rnd.nextInt(3)) {
                    case 0 -> at < line.length ? replace(line, at, c) : line;
                    case 1 -> insert(line, at, c);
                    default -> at < line.length ? delete(line, at) : line;
                };
            }
            checkAll(differs, line);
        }
        assertThat(differs.stream().mapToInt(d -> d.scanned).sum()).isGreaterThan(1000);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, String tail) {
        byte[] t = bytes(tail);
        byte[] out = Arrays.copyOf(a, a.length + t.length);
        System.arraycopy(t, 0, out, a.length, t.length);
        return out;
    }

    private static byte[] replace(byte[] a, int at, byte c) {
        byte[] out = a.clone();
        out[at] = c;
        return out;
    }

    private static byte[] insert(byte[] a, int at, byte c) {
        byte[] out = new byte[a.length + 1];
        System.arraycopy(a, 0, out, 0, at);
        out[at] = c;
        System.arraycopy(a, at, out, at + 1, a.length - at);
        return out;
    }

    private static byte[] delete(byte[] a, int at) {
        byte[] out = new byte[a.length - 1];
        System.arraycopy(a, 0, out, 0, at);
        System.arraycopy(a, at + 1, out, at, a.length - at - 1);
        return out;
    }
}
