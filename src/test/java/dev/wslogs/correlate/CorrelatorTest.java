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
    void unclaimedErrors_expireOneByOne_asLogTimePassesEachRetention_alsoAfterTheQueueEmptied() {
        // each line on its own connection, 3 s apart: each leaves exactly when log time passes its
        // own time + retention, the next oldest then being the head
        List<ErrorEntry> lines = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            ErrorEntry e = error(ERR.replace("10:00:05", String.format("10:00:%02d", 5 + 3 * k)).replace("*7 ", "*" + (10 + k) + " "));
            lines.add(e);
            c.onError(e, millis(e));
        }
        long t0 = millis(lines.get(0));
        c.advance(t0 + 10_000);
        assertThat(out).isEmpty(); // not past the retention yet
        c.advance(t0 + 10_001);
        assertThat(out).hasSize(1);
        c.advance(t0 + 13_000);
        assertThat(out).hasSize(1);
        c.advance(t0 + 13_001);
        assertThat(out).hasSize(2);
        c.advance(t0 + 16_001);
        assertThat(out).extracting(a -> a.errors().get(0)).containsExactlyElementsOf(lines);
        assertThat(c.pending()).isZero();
        c.advance(t0 + 60_000); // nothing held: nothing leaves
        assertThat(out).hasSize(3);
        ErrorEntry late = error(ERR.replace("10:00:05", "10:01:30"));
        c.onError(late, millis(late)); // the queue refills: its head is the new line
        c.advance(millis(late) + 10_000);
        assertThat(out).hasSize(3);
        c.advance(millis(late) + 10_001);
        assertThat(out).hasSize(4);
        assertThat(out.get(3).errors()).containsExactly(late);
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

    @Test
    void claimedLinesCountTowardsTheBound_butOnlyUnclaimedOnesAreEvictions() {
        Correlator small = new Correlator(10_000, 2, out::add);
        TextAccessFormat ext = TextAccessFormat.of("x", KnownFormats.EXTENDED);
        ErrorEntry claimed = error(ERR);
        small.onError(claimed, millis(claimed));
        small.onAccess(access(ext, ACC), AttemptKind.UPGRADE, "status 101"); // claims *7: held until it expires
        for (int i = 1; i <= 2; i++) {
            ErrorEntry e = error(ERR.replace("*7 ", "*" + (100 + i) + " "));
            small.onError(e, millis(e));
        }
        // three held (one claimed), the bound is two: the claimed one leaves first, and is no eviction
        assertThat(small.evicted()).isZero();
        assertThat(small.pending()).isEqualTo(2);
        ErrorEntry third = error(ERR.replace("*7 ", "*103 "));
        small.onError(third, millis(third));
        assertThat(small.evicted()).isEqualTo(1);
        assertThat(out.get(out.size() - 1).kind()).isEqualTo(AttemptKind.ERROR_ONLY);
    }

    @Test
    void heldBytesBound_evictsLongLinesAndCounts() {
        ErrorEntry first = error(ERR.replace("*7 ", "*1 "));
        long each = first.retainedBytes();
        Correlator small = new Correlator(10_000, 1000, 3 * each + 50, out::add); // room for three such lines (*10 is a byte longer)
        for (int i = 1; i <= 10; i++) {
            ErrorEntry e = error(ERR.replace("*7 ", "*" + i + " "));
            small.onError(e, millis(e));
        }
        assertThat(small.evicted()).isEqualTo(7);
        assertThat(small.pending()).isEqualTo(3);
        assertThat(out).hasSize(7).allSatisfy(a -> assertThat(a.kind()).isEqualTo(AttemptKind.ERROR_ONLY));
    }

    @Test
    void busyClient_eachAccessLineClaimsItsOwnRequest_amongThousands() {
        // a scanner: one client, thousands of 404s in the same second, each with its open() failed line
        String err = "2026/11/22 10:00:05 [error] 1234#1234: *%d open() \"/srv/www/x%d.php\" failed (2: No such file or directory), "
                + "client: 192.0.2.66, server: localhost, request: \"GET /x%d.php HTTP/1.1\", host: \"localhost\"";
        int n = 3000;
        Correlator c = new Correlator(10_000, 10_000, out::add);
        List<ErrorEntry> errors = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            ErrorEntry e = error(String.format(err, i, i, i));
            errors.add(e);
            c.onError(e, millis(e));
        }
        // one with a quote in its request: error.log prints it raw, the access log as \x22
        ErrorEntry quoted = error(String.format(err, n, n, n).replace("GET /x" + n + ".php", "GET /x\"" + n + ".php"));
        c.onError(quoted, millis(quoted));
        for (int i = n - 1; i >= 0; i -= 7) {
            String line = "192.0.2.66 - - [22/Nov/2026:10:00:05 +0000] \"GET /x" + i + ".php HTTP/1.1\" 404 153 \"-\" \"scan\"";
            c.onAccess(access(KnownFormats.combined(), line), AttemptKind.OTHER, "");
            assertThat(out.get(out.size() - 1).errors()).containsExactly(errors.get(i));
        }
        c.onAccess(access(KnownFormats.combined(), "192.0.2.66 - - [22/Nov/2026:10:00:05 +0000] \"GET /x\\x22" + n + ".php HTTP/1.1\" 404 153 \"-\" \"scan\""),
                AttemptKind.OTHER, "");
        assertThat(out.get(out.size() - 1).errors()).containsExactly(quoted);
        int claimedLines = out.size();
        c.finish(); // the rest leave unclaimed, one error-only attempt each (no connection to group them by)
        assertThat(out.size() - claimedLines).isEqualTo(n - (n + 6) / 7);
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
