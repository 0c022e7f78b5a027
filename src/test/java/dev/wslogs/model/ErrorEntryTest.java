package dev.wslogs.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wslogs.parse.ErrorLogParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The parser's entries keep their parts as offsets into the text ({@link ErrorEntry#ofParts}); they
 * must be indistinguishable from entries given every part as a string: same values, equal, same hash
 * and text. Values themselves are checked by the parser's layout tests.
 */
class ErrorEntryTest {
    private static List<ErrorEntry> parse(Path file) throws IOException {
        return dev.wslogs.testing.Lines.errorEntries(file);
    }

    private static ErrorEntry eager(ErrorEntry e) {
        return new ErrorEntry(e.position(), e.physicalLines(), e.time(), e.level(), e.pid(), e.tid(), e.connection(), e.message(), e.errno(),
                e.errnoText(), e.action(), e.client(), e.server(), e.request(), e.subrequest(), e.upstream(), e.host(), e.referrer(), e.raw());
    }

    private static List<Path> errorLogs() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(Path.of("samples"))) {
            s.filter(p -> p.getFileName().toString().startsWith("error")).forEach(files::add);
        }
        Path corpus = Path.of("../shared/corpus/public");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> s = Files.walk(corpus)) {
                s.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().contains("error")).forEach(files::add);
            }
        }
        return files;
    }

    @Test
    void parsedEntries_equalTheirEagerCopies() throws IOException {
        int entries = 0;
        int withTrailer = 0;
        for (Path f : errorLogs()) {
            for (ErrorEntry lazy : parse(f)) {
                ErrorEntry fresh = parseAgain(lazy);
                ErrorEntry copy = eager(fresh);
                // a fresh parse of the same text, compared before any part was read through it
                assertThat(fresh.equals(copy)).as(lazy.raw()).isTrue();
                assertThat(copy).isEqualTo(fresh);
                assertThat(fresh.hashCode()).isEqualTo(copy.hashCode());
                assertThat(fresh.toString()).isEqualTo(copy.toString());
                assertThat(fresh.toString()).startsWith("ErrorEntry[position=").contains(", raw=" + lazy.raw() + "]");
                entries++;
                if (!copy.client().isEmpty()) withTrailer++;
            }
        }
        assertThat(entries).isGreaterThan(200);
        assertThat(withTrailer).isGreaterThan(50);
    }

    private static ErrorEntry parseAgain(ErrorEntry e) {
        List<ErrorEntry> out = new ArrayList<>();
        ErrorLogParser p = new ErrorLogParser(out::add, f -> { });
        String[] lines = e.raw().split("\n", -1);
        for (int i = 0; i < lines.length; i++) p.accept(new RawLine(new LinePosition("x", i + 1, 0), lines[i]));
        p.flush();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void differentPartsAreNotEqual() {
        ErrorEntry a = entry("connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.1, server: s");
        ErrorEntry b = entry("connect() failed (111: Connection refused) while connecting to upstream, client: 10.0.0.2, server: s");
        assertThat(a).isNotEqualTo(b);
        assertThat(eager(a)).isNotEqualTo(eager(b)).isEqualTo(a);
    }

    @Test
    void actionContainsIgnoreCase_isLowerCaseContains() {
        List<String> actions = List.of("SSL handshaking to upstream", "ssl handshaking", "reading response header from upstream", "",
                "Reading Upstream", "proxying upgraded connection", "İstanbul handshaking", "straße reading", "ÄSSL handshaking");
        List<String> patterns = List.of("ssl handshaking", "ssl handshaking to upstream", "upstream", "reading", "", "i̇stanbul", "straße",
                "xyz", "g", "ssl handshaking to upstream and more");
        int checked = 0;
        for (String action : actions) {
            String line = action.isEmpty() ? "something failed, client: 1.2.3.4, server: s" : "something failed while " + action + ", client: 1.2.3.4, server: s";
            ErrorEntry lazy = entry(line);
            assertThat(lazy.action()).isEqualTo(action);
            for (String p : patterns) {
                boolean expected = action.toLowerCase(Locale.ROOT).contains(p);
                assertThat(entry(line).actionContainsIgnoreCase(p)).as("%s in %s", p, action).isEqualTo(expected); // before action() was read
                assertThat(lazy.actionContainsIgnoreCase(p)).as("%s in %s", p, action).isEqualTo(expected);
                assertThat(eager(lazy).actionContainsIgnoreCase(p)).as("%s in %s", p, action).isEqualTo(expected);
                checked++;
            }
        }
        assertThat(checked).isEqualTo(actions.size() * patterns.size());
    }

    private static ErrorEntry entry(String body) {
        List<ErrorEntry> out = new ArrayList<>();
        ErrorLogParser p = new ErrorLogParser(out::add, f -> { });
        p.accept(new RawLine(new LinePosition("x", 1, 0), "2024/05/14 10:11:12 [error] 4242#4242: *7 " + body));
        p.flush();
        assertThat(out).hasSize(1);
        return out.get(0);
    }

    @Test
    void ofParts_rejectsPartsOutsideTheText() {
        LinePosition pos = new LinePosition("x", 1, 0);
        LocalDateTime t = LocalDateTime.of(2024, 5, 14, 10, 11, 12);
        int[] ok = new int[2 * ErrorEntry.PARTS];
        java.util.Arrays.fill(ok, -1);
        ok[0] = 0;
        ok[1] = 3;
        assertThat(ErrorEntry.ofParts(pos, 1, t, ErrorLevel.ERROR, 1, 1, 7, ErrorEntry.NO_ERRNO, "abcdef", ok).message()).isEqualTo("abc");
        int[] past = ok.clone();
        past[1] = 7;
        assertThatThrownBy(() -> ErrorEntry.ofParts(pos, 1, t, ErrorLevel.ERROR, 1, 1, 7, ErrorEntry.NO_ERRNO, "abcdef", past))
                .isInstanceOf(IllegalArgumentException.class);
        int[] backwards = ok.clone();
        backwards[0] = 4;
        assertThatThrownBy(() -> ErrorEntry.ofParts(pos, 1, t, ErrorLevel.ERROR, 1, 1, 7, ErrorEntry.NO_ERRNO, "abcdef", backwards))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ErrorEntry.ofParts(pos, 1, t, ErrorLevel.ERROR, 1, 1, 7, ErrorEntry.NO_ERRNO, "abcdef", new int[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
