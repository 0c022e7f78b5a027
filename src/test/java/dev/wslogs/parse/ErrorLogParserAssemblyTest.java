package dev.wslogs.parse;

import static dev.wslogs.parse.ErrorLogFeed.entry;
import static dev.wslogs.parse.ErrorLogFeed.line;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.LogKind;
import dev.wslogs.model.ParseFailure;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Prefixes, multi-line messages, emission order and failures. */
class ErrorLogParserAssemblyTest {

    private static final String BODY = "2023/12/09 21:35:20 [error] 983478#983478: *3 user \"fakeusername\" was not found in "
            + "\"/var/lib/nginx/htpasswd\", client: 192.0.2.3, server: host.example.com, request: \"GET / HTTP/2.0\", "
            + "host: \"host.example.com\"";

    private static void assertBodyDecoded(ErrorEntry e) {
        assertThat(e.time()).isEqualTo(LocalDateTime.of(2023, 12, 9, 21, 35, 20));
        assertThat(e.pid()).isEqualTo(983478);
        assertThat(e.connection()).isEqualTo(3);
        assertThat(e.message()).isEqualTo("user \"fakeusername\" was not found in \"/var/lib/nginx/htpasswd\"");
        assertThat(e.client()).isEqualTo("192.0.2.3");
        assertThat(e.host()).isEqualTo("host.example.com");
    }

    @Test
    void journaldPrefix_isStrippedAndRawKeepsIt() {
        String text = "host nginx[983478]: " + BODY;
        ErrorEntry e = entry(text);

        assertBodyDecoded(e);
        assertThat(e.raw()).isEqualTo(text);
    }

    @Test
    void syslogPrefixWithPaddedDay_isStripped() {
        assertBodyDecoded(entry("Dec  9 10:00:00 host nginx[983479]: " + BODY));
    }

    @Test
    void syslogPrefixWithoutPid_isStripped() {
        assertBodyDecoded(entry("Jan 13 09:02:48 host nginx: " + BODY));
    }

    @Test
    void doubledJournaldPrefix_isStripped() {
        assertBodyDecoded(entry("host nginx[23141]: host nginx: " + BODY));
    }

    @Test
    void containerRuntimePrefix_isStripped() {
        assertBodyDecoded(entry("2023-12-09T21:35:20.123456789Z stderr F " + BODY));
    }

    @Test
    void prefixContainingQuote_isNotAPrefix() {
        ErrorLogFeed feed = ErrorLogFeed.of("{\"log\":\"" + BODY);

        assertThat(feed.entries).isEmpty();
        assertThat(feed.failures).hasSize(1);
    }

    @Test
    void continuationLines_joinIntoOneEntry() {
        String first = line("notice", "start worker processes");
        String[] message = {
            line("error", "*180 FastCGI sent in stderr: \"PHP message: PHP Warning:  one"),
            "PHP message: PHP Warning:  two",
            "PHP message: PHP Warning:  three\" while reading response header from upstream, client: 10.0.0.1, "
                    + "server: s, request: \"GET /index.php HTTP/1.1\", upstream: \"fastcgi://127.0.0.1:9000\", host: \"s\""
        };
        ErrorLogFeed feed = ErrorLogFeed.of(first, message[0], message[1], message[2], line("notice", "exiting"));

        assertThat(feed.failures).isEmpty();
        assertThat(feed.entries).hasSize(3);
        ErrorEntry e = feed.entries.get(1);
        assertThat(e.physicalLines()).isEqualTo(3);
        assertThat(e.position()).isEqualTo(new LinePosition(ErrorLogFeed.FILE, 2, first.length() + 1));
        assertThat(e.message()).isEqualTo("FastCGI sent in stderr: \"PHP message: PHP Warning:  one\n"
                + "PHP message: PHP Warning:  two\nPHP message: PHP Warning:  three\"");
        assertThat(e.action()).isEqualTo("reading response header from upstream");
        assertThat(e.client()).isEqualTo("10.0.0.1");
        assertThat(e.upstream()).isEqualTo("fastcgi://127.0.0.1:9000");
        assertThat(e.raw()).isEqualTo(String.join("\n", message));
        assertThat(feed.entries.get(2).position().line()).isEqualTo(5);
    }

    @Test
    void entry_isEmittedWhenNextHeaderArrivesOrOnFlush() {
        ErrorLogFeed feed = new ErrorLogFeed();

        feed.line(line("warn", "first"));
        assertThat(feed.entries).isEmpty();
        feed.line(line("warn", "second"));
        assertThat(feed.entries).extracting(ErrorEntry::message).containsExactly("first");
        feed.parser.flush();
        assertThat(feed.entries).extracting(ErrorEntry::message).containsExactly("first", "second");
        feed.parser.flush();
        assertThat(feed.entries).hasSize(2);
    }

    @Test
    void lineWithoutHeaderAndNothingPending_isFailure() {
        ErrorLogFeed feed = ErrorLogFeed.of("PHP message: orphan");

        assertThat(feed.entries).isEmpty();
        ParseFailure f = feed.failures.get(0);
        assertThat(f.kind()).isEqualTo(LogKind.ERROR);
        assertThat(f.position()).isEqualTo(new LinePosition(ErrorLogFeed.FILE, 1, 0));
        assertThat(f.reason()).contains("no error.log header");
        assertThat(f.sample()).isEqualTo("PHP message: orphan");
    }

    @Test
    void continuationBeyondNginxBound_isFailureAfterPendingEntry() {
        String head = line("error", "*1 FastCGI sent in stderr: \"" + "a".repeat(2000));
        String tooLong = "b".repeat(ErrorLogParser.MAX_MESSAGE_CHARS - head.length());
        ErrorLogFeed feed = ErrorLogFeed.of(head, tooLong, "c");

        assertThat(feed.outcomes).hasSize(3);
        assertThat(feed.outcomes.get(0)).isInstanceOf(ErrorEntry.class);
        assertThat(((ErrorEntry) feed.outcomes.get(0)).physicalLines()).isEqualTo(1);
        assertThat(feed.failures).extracting(ParseFailure::reason).containsExactly(
                "no error.log header, and too long to continue the previous message",
                "no error.log header and no message to continue");
    }

    @Test
    void continuationJustWithinBound_isJoined() {
        String head = line("error", "*1 FastCGI sent in stderr: \"x");
        String fits = "b".repeat(ErrorLogParser.MAX_MESSAGE_CHARS - head.length() - 1);

        assertThat(entry(head, fits).physicalLines()).isEqualTo(2);
    }

    @Test
    void configErrorOnStderr_isFailureWithReason() {
        ErrorLogFeed feed = ErrorLogFeed.of(
                line("notice", "signal process started"),
                "nginx: [emerg] host not found in upstream \"backend:8080\" in /etc/nginx/conf.d/x.conf:12");

        assertThat(feed.entries).extracting(ErrorEntry::physicalLines).containsExactly(1);
        assertThat(feed.failures).singleElement().extracting(ParseFailure::reason).asString().contains("without a timestamp");
    }

    @Test
    void configErrorInsideErrorLog_isAnEntry() {
        ErrorEntry e = entry(line("emerg", "host not found in upstream \"backend:8080\" in /etc/nginx/conf.d/x.conf:12")
                .replace("4242#4242", "1#1"));

        assertThat(e.message()).isEqualTo("host not found in upstream \"backend:8080\" in /etc/nginx/conf.d/x.conf:12");
        assertThat(e.pid()).isEqualTo(1);
    }

    @Test
    void impossibleDate_isFailureNotContinuation() {
        ErrorLogFeed feed = ErrorLogFeed.of(line("warn", "before"), "2023/02/29 10:00:00 [warn] 1#1: after");

        assertThat(feed.entries).extracting(ErrorEntry::physicalLines).containsExactly(1);
        assertThat(feed.failures).extracting(ParseFailure::reason).containsExactly("invalid timestamp");
    }

    @Test
    void outOfRangeClock_isFailure() {
        assertThat(ErrorLogFeed.of("2023/12/09 24:00:00 [warn] 1#1: x").failures)
                .extracting(ParseFailure::reason).containsExactly("invalid timestamp");
    }

    @Test
    void unknownLevel_isFailure() {
        assertThat(ErrorLogFeed.of("2023/12/09 10:00:00 [fatal] 1#1: x").failures)
                .extracting(ParseFailure::reason).containsExactly("unknown level in brackets");
    }

    @Test
    void missingPidTid_isFailure() {
        assertThat(ErrorLogFeed.of("2023/12/09 10:00:00 [error] 1: x", "2023/12/09 10:00:00 [error] #1: x",
                "2023/12/09 10:00:00 [error] 1#1:x").failures)
                .extracting(ParseFailure::reason)
                .containsExactly("expected PID#TID after the level", "expected PID#TID after the level",
                        "expected ': ' after PID#TID");
    }

    @Test
    void failureAfterContinuation_doesNotSwallowNextEntry() {
        ErrorLogFeed feed = ErrorLogFeed.of(
                line("error", "*1 FastCGI sent in stderr: \"x"),
                "y\"",
                "2023/13/01 00:00:00 [error] 1#1: bad month",
                line("warn", "z"));

        assertThat(feed.entries).extracting(ErrorEntry::physicalLines).containsExactly(2, 1);
        assertThat(feed.failures).hasSize(1);
        assertThat(feed.linesAccountedFor()).isEqualTo(4);
    }
}
