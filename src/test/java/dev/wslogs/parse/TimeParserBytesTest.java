package dev.wslogs.parse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** {@link TimeParser#timeLocal(byte[], int, int)} (with its same-second and same-minute caches) against the String parser. */
class TimeParserBytesTest {
    @Test
    void sequencesOfTimestamps_giveTheStringParsersMillis() {
        SplittableRandom rnd = new SplittableRandom(9);
        TimeParser cached = new TimeParser();
        String[] offsets = {"+0000", "+0600", "-0030", "+1400"};
        String[] secs = {"00", "07", "59", "60", "61", "6x", "x5", ":0", "99"};
        for (int n = 0; n < 20_000; n++) {
            // few distinct minutes, so the caches are hit, missed and re-filled in every order
            String s = String.format(java.util.Locale.ROOT, "%02d/%s/2026:%02d:%02d:%s %s", 1 + rnd.nextInt(2), rnd.nextInt(5) == 0 ? "Feb" : "Nov",
                    rnd.nextInt(2) * 23, rnd.nextInt(2), rnd.nextInt(3) == 0 ? secs[rnd.nextInt(secs.length)]
                            : String.format(java.util.Locale.ROOT, "%02d", rnd.nextInt(60)), offsets[rnd.nextInt(rnd.nextInt(10) == 0 ? 4 : 1)]);
            byte[] line = ("[" + s + "]").getBytes(StandardCharsets.ISO_8859_1);
            assertThat(cached.timeLocal(line, 1, line.length - 1)).as(s).isEqualTo(new TimeParser().timeLocal(s));
        }
    }

    @Test
    void leapSecond_countsAs59_andSecond61_isInvalid() {
        TimeParser p = new TimeParser();
        byte[] a = "22/Nov/2026:10:00:59 +0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] b = "22/Nov/2026:10:00:60 +0000".getBytes(StandardCharsets.ISO_8859_1);
        byte[] c = "22/Nov/2026:10:00:61 +0000".getBytes(StandardCharsets.ISO_8859_1);
        long t = p.timeLocal(a, 0, 26);
        assertThat(p.timeLocal(b, 0, 26)).isEqualTo(t);
        assertThat(p.timeLocal(c, 0, 26)).isEqualTo(TimeParser.INVALID);
        assertThat(p.timeLocal(a, 0, 26)).isEqualTo(t);
    }
}
