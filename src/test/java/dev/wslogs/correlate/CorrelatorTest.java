package dev.wslogs.correlate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wslogs.model.AccessEntry;
import dev.wslogs.model.ErrorEntry;
import dev.wslogs.model.LinePosition;
import dev.wslogs.model.RawLine;
import dev.wslogs.parse.ErrorLogParser;
import dev.wslogs.parse.KnownFormats;
import dev.wslogs.parse.TextAccessFormat;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CorrelatorTest {
    private static final String ERR = "2026/11/22 10:00:05 [error] 1234#1234: *7 recv() failed (104: Connection reset by peer) while "
            + "proxying upgraded connection, client: 127.0.0.1, server: localhost, request: \"GET /ws HTTP/1.1\", upstream: \"http://127.0.0.1:8081/ws\"";
    private static final String ACC = "127.0.0.1 - - [22/Nov/2026:10:00:05 +0000] \"GET /ws HTTP/1.1\" 101 12 \"-\" \"J\" "
            + "4.512 101 127.0.0.1:8081 4.511 7 1 1234 \"websocket\" \"Upgrade\"";
    private final List<Attempt> out = new ArrayList<>();
    private final Correlator c = new Correlator(10_000, 1000, out::add);

    @Test
    void sameConnectionAndPid_joined() {
        ErrorEntry e = error(ERR);
        c.onError(e, millis(e));
        c.onAccess(access(TextAccessFormat.of("x", KnownFormats.EXTENDED), ACC), AttemptKind.UPGRADE, "status 101");
        assertThat(out).hasSize(1);
        assertThat(out.get(0).errors()).containsExactly(e);
        c.finish();
        assertThat(out).hasSize(1);
    }

    @Test
    void otherPid_sameNumber_notJoined_andLeavesAsErrorOnly() {
        ErrorEntry e = error(ERR.replace("1234#1234", "999#999"));
        c.onError(e, millis(e));
        c.onAccess(access(TextAccessFormat.of("x", KnownFormats.EXTENDED), ACC), AttemptKind.UPGRADE, "status 101");
        c.finish();
        assertThat(out).hasSize(2);
        assertThat(out.get(0).errors()).isEmpty();
        assertThat(out.get(1).kind()).isEqualTo(AttemptKind.ERROR_ONLY);
        assertThat(out.get(1).access()).isEmpty();
    }

    @Test
    void withoutConnectionField_joinedOnClientAndRequest() {
        ErrorEntry e = error(ERR);
        c.onError(e, millis(e));
        String combined = ACC.substring(0, ACC.indexOf(" 4.512"));
        c.onAccess(access(KnownFormats.combined(), combined), AttemptKind.UPGRADE, "status 101");
        assertThat(out.get(0).errors()).containsExactly(e);
    }

    @Test
    void unclaimedError_expiresByLogTime() {
        ErrorEntry e = error(ERR);
        c.onError(e, millis(e));
        c.advance(millis(e) + 10_001);
        assertThat(out).singleElement().satisfies(a -> assertThat(a.kind()).isEqualTo(AttemptKind.ERROR_ONLY));
    }

    @Test
    void pendingCap_evictsOldestAndCounts() {
        Correlator small = new Correlator(10_000, 2, out::add);
        for (int i = 1; i <= 5; i++) {
            ErrorEntry e = error(ERR.replace("*7 ", "*" + i + " "));
            small.onError(e, millis(e));
        }
        assertThat(small.evicted()).isEqualTo(3);
        assertThat(small.pending()).isEqualTo(2);
        assertThat(out).hasSize(3);
    }

    private static ErrorEntry error(String text) {
        List<ErrorEntry> got = new ArrayList<>();
        ErrorLogParser p = new ErrorLogParser(got::add, f -> {
            throw new AssertionError(f.toString());
        });
        p.accept(new RawLine(new LinePosition("error.log", 1, 0), text));
        p.flush();
        return got.get(0);
    }

    private static long millis(ErrorEntry e) {
        return e.time().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static AccessEntry access(dev.wslogs.parse.AccessFormat f, String text) {
        AccessEntry a = f.newParser().parse(new RawLine(new LinePosition("access.log", 1, 0), text));
        assertThat(a).isNotNull();
        return a;
    }
}
