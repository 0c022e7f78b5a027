package dev.wslogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.ErrorLevel;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every nginx-written error line of the public corpus (shared/corpus/public, see its SOURCES.md)
 * parses with no failure. The corpus lives beside the checkout, in the worktree layout and in CI;
 * its absence fails the test rather than skipping it.
 */
class ErrorLogCorpusTest {
    private static final Path CORPUS = Path.of("..", "shared", "corpus", "public");
    /** An access-log line in the mixed fixtures: anything up to a {@code [dd/Mon/yyyy:} time. */
    private static final Pattern ACCESS_LINE = Pattern.compile("^\\S+ .*\\[\\d{2}/[A-Z][a-z]{2}/\\d{4}:");

    static Stream<Arguments> errorLogFiles() {
        return Stream.of(
                Arguments.of("elastic-beats/error/error.log", 4, 6),
                Arguments.of("fail2ban/nginx-http-auth", 18, 18),
                Arguments.of("fail2ban/nginx-limit-req", 9, 9),
                Arguments.of("fail2ban/nginx-botsearch", 6, 6),
                Arguments.of("crowdsec-hub/nginx_req_limit_exceeded/nginx_req_limit_exceeded.log", 9, 9),
                Arguments.of("crowdsec-hub/nginx_http-logs/nginx_http-logs.log", 1, 1));
    }

    @ParameterizedTest
    @MethodSource("errorLogFiles")
    void corpusFile_parsesWithoutFailures(String file, int expectedEntries, int expectedLines) throws IOException {
        List<RawLine> lines = errorLines(file);
        ErrorLogFeed feed = feed(lines);

        assertThat(lines).hasSize(expectedLines);
        assertThat(feed.failures).isEmpty();
        assertThat(feed.entries).hasSize(expectedEntries);
        assertThat(feed.linesAccountedFor()).isEqualTo(lines.size());
        assertThat(feed.entries).allSatisfy(e -> assertThat(e.message()).isNotEmpty());
    }

    @Test
    void corpusDirectory_isPresent() {
        assertThat(CORPUS.resolve("SOURCES.md")).as("corpus beside the checkout at %s", CORPUS.toAbsolutePath()).isRegularFile();
    }

    @Test
    void elasticBeats_fastCgiEntrySpansThreeLines() throws IOException {
        List<ErrorEntry> entries = feed(errorLines("elastic-beats/error/error.log")).entries;

        ErrorEntry fastCgi = entries.get(2);
        assertThat(fastCgi.physicalLines()).isEqualTo(3);
        assertThat(fastCgi.position().line()).isEqualTo(3);
        assertThat(fastCgi.pid()).isEqualTo(205860);
        assertThat(fastCgi.tid()).isEqualTo(205860);
        assertThat(fastCgi.connection()).isEqualTo(180289);
        assertThat(fastCgi.message()).startsWith("FastCGI sent in stderr: \"PHP message: PHP Warning:")
                .endsWith("post.php on line 0");
        assertThat(fastCgi.message().chars().filter(c -> c == '\n').count()).isEqualTo(2);
        assertThat(entries.get(3).position().line()).isEqualTo(6);
    }

    @Test
    void elasticBeats_firstEntryHasReferrer() throws IOException {
        ErrorEntry e = feed(errorLines("elastic-beats/error/error.log")).entries.get(0);

        assertThat(e.tid()).isZero();
        assertThat(e.message()).isEqualTo("open() \"/usr/local/Cellar/nginx/1.10.2_1/html/favicon.ico\" failed");
        assertThat(e.errno()).isEqualTo(2);
        assertThat(e.host()).isEqualTo("localhost:8080");
        assertThat(e.referrer()).isEqualTo("http://localhost:8080/");
    }

    @Test
    void fail2banHttpAuth_injectionLineKeepsRealClient() throws IOException {
        ErrorEntry e = entryContaining("fail2ban/nginx-http-auth", "was not found in \"/etc/nginx/.htpasswd\"");

        assertThat(e.client()).isEqualTo("192.0.2.2");
        assertThat(e.server()).isEmpty();
        assertThat(e.request()).isEqualTo("GET / HTTP/1.1");
        assertThat(e.host()).isEqualTo("localhost:8443");
    }

    @Test
    void fail2banHttpAuth_doubledJournaldPrefixIsStripped() throws IOException {
        ErrorEntry e = entryContaining("fail2ban/nginx-http-auth", "host nginx[23141]: host nginx: ");

        assertThat(e.time()).isEqualTo(LocalDateTime.of(2025, 9, 7, 21, 20, 40));
        assertThat(e.pid()).isEqualTo(23141);
        assertThat(e.connection()).isEqualTo(24470);
        assertThat(e.message()).isEqualTo("PAM: user 'username' - not authenticated: Authentication failure");
        assertThat(e.client()).isEqualTo("192.0.2.120");
        assertThat(e.server()).isEqualTo("webdav.sub.domain");
    }

    @Test
    void fail2banHttpAuth_twoErrorSslGroupIsNotErrno() throws IOException {
        ErrorEntry e = entryContaining("fail2ban/nginx-http-auth", "record layer failure");

        assertThat(e.level()).isEqualTo(ErrorLevel.CRIT);
        assertThat(e.errno()).isEqualTo(ErrorEntry.NO_ERRNO);
        assertThat(e.message()).endsWith("error:0A000139:SSL routines::record layer failure)");
        assertThat(e.action()).isEqualTo("SSL handshaking");
        assertThat(e.server()).isEqualTo("0.0.0.0:443");
    }

    @Test
    void fail2banLimitReq_journaldNoticeLineDecodes() throws IOException {
        ErrorEntry e = entryContaining("fail2ban/nginx-limit-req", "host nginx[983479]: ");

        assertThat(e.level()).isEqualTo(ErrorLevel.NOTICE);
        assertThat(e.client()).isEqualTo("192.0.2.2");
        assertThat(e.referrer()).isEqualTo("https://example.com");
    }

    @Test
    void crowdsecLimitExceeded_lastLineWithoutNewlineDecodes() throws IOException {
        List<ErrorEntry> entries = feed(errorLines("crowdsec-hub/nginx_req_limit_exceeded/nginx_req_limit_exceeded.log")).entries;

        ErrorEntry last = entries.get(entries.size() - 1);
        assertThat(last.connection()).isEqualTo(16670560058L);
        assertThat(last.request()).isEqualTo("POST https://example.com/tes()%7B%7Dt123.html");
        assertThat(last.referrer()).isEqualTo("https://example.com/tes()%7B%7Dt123.html?referrer=/");
        assertThat(entries.get(0).server()).isEmpty();
        assertThat(entries.get(0).client()).isEqualTo("::1");
    }

    private static ErrorEntry entryContaining(String file, String text) throws IOException {
        return feed(errorLines(file)).entries.stream().filter(e -> e.raw().contains(text)).findFirst().orElseThrow();
    }

    private static ErrorLogFeed feed(List<RawLine> lines) {
        ErrorLogFeed feed = new ErrorLogFeed();
        lines.forEach(feed.parser::accept);
        feed.parser.flush();
        return feed;
    }

    /**
     * The file's lines with their real positions, minus fail2ban annotations ({@code #…}), blank
     * lines and access-log lines of the mixed fixtures.
     */
    private static List<RawLine> errorLines(String file) throws IOException {
        Path path = CORPUS.resolve(file);
        assertThat(path).as("corpus file %s", path.toAbsolutePath()).isRegularFile();
        byte[] bytes = Files.readAllBytes(path);
        List<RawLine> lines = new ArrayList<>();
        int start = 0;
        long number = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') end++;
            number++;
            String text = new String(bytes, start, end - start, StandardCharsets.UTF_8);
            if (!text.isBlank() && !text.startsWith("#") && !ACCESS_LINE.matcher(text).find()) {
                lines.add(new RawLine(new LinePosition(file, number, start), text));
            }
            start = end + 1;
        }
        return lines;
    }
}
